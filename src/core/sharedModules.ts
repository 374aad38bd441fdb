// Modules the core bundles that parts use too. The script-tag parts are built with these as
// externals (`rollup.config.mjs` reads the keys below) and receive them from the core through
// the part hook, so a visitor downloads each of them once. Keys are paths in dist/modules.
// Besides what the core runs itself, it lends only what the shell and the UI part share (`h`,
// `applyStyles`: both come on a first visit). The transport and storage helpers only the
// statistics, receipts and rights parts use are bundled into each of those instead, so the
// core, which blocks the page, does not carry them.
import { CONSENT_COOKIE, PSEUDONYM_COOKIE, defaultCategories } from '../config/defaultCategories';
import { allChoices } from '../consent/allChoices';
import { matchesCookiePattern } from '../cookies/matchesCookiePattern';
import { readCookies } from '../cookies/readCookies';
import { applyStyles } from '../lib/applyStyles';
import { guarded } from '../lib/guarded';
import { h } from '../lib/h';
import { partWarnings } from '../lib/partWarnings';
import { randomId } from '../lib/randomId';
import { trustedScriptUrl } from '../lib/trustedScriptUrl';
import { stashUnsentPage, takeUnsentPages, withdrawUnsentPage } from '../lib/unsentPages';

// Each module's exports as a plain object, not `import * as`: a namespace object costs the core
// a frozen wrapper per module, and the parts read the exports by name either way.
export const SHARED_MODULES: Record<string, object> = {
  'config/defaultCategories.js': { CONSENT_COOKIE, PSEUDONYM_COOKIE, defaultCategories },
  'consent/allChoices.js': { allChoices },
  'cookies/matchesCookiePattern.js': { matchesCookiePattern },
  'cookies/readCookies.js': { readCookies },
  'lib/applyStyles.js': { applyStyles },
  'lib/guarded.js': { guarded },
  'lib/h.js': { h },
  'lib/partWarnings.js': { partWarnings },
  'lib/randomId.js': { randomId },
  // One Trusted Types policy per page: the statistics part's gtag.js loader uses the core's.
  'lib/trustedScriptUrl.js': { trustedScriptUrl },
  'lib/unsentPages.js': { stashUnsentPage, takeUnsentPages, withdrawUnsentPage },
};
