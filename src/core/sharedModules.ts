// Modules the core bundles that parts use too. The script-tag parts are built with these as
// externals (`rollup.config.mjs` reads the keys below) and receive them from the core through
// the part hook, so a visitor downloads each of them once. Keys are paths in dist/modules.
import * as defaultCategories from '../config/defaultCategories';
import * as allChoices from '../consent/allChoices';
import * as matchesCookiePattern from '../cookies/matchesCookiePattern';
import * as readCookies from '../cookies/readCookies';
import * as applyStyles from '../lib/applyStyles';
import * as createStoredValue from '../lib/createStoredValue';
import * as guarded from '../lib/guarded';
import * as h from '../lib/h';
import * as isDelivered from '../lib/isDelivered';
import * as partWarnings from '../lib/partWarnings';
import * as randomId from '../lib/randomId';
import * as sendBody from '../lib/sendBody';
import * as unsentPages from '../lib/unsentPages';

export const SHARED_MODULES: Record<string, object> = {
  'config/defaultCategories.js': defaultCategories,
  'consent/allChoices.js': allChoices,
  'cookies/matchesCookiePattern.js': matchesCookiePattern,
  'cookies/readCookies.js': readCookies,
  'lib/applyStyles.js': applyStyles,
  'lib/createStoredValue.js': createStoredValue,
  'lib/guarded.js': guarded,
  'lib/h.js': h,
  'lib/isDelivered.js': isDelivered,
  'lib/partWarnings.js': partWarnings,
  'lib/randomId.js': randomId,
  'lib/sendBody.js': sendBody,
  'lib/unsentPages.js': unsentPages,
};
