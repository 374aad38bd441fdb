import { describe, expect, it } from 'vitest';
import * as defaultCategories from '../../../src/config/defaultCategories';
import * as allChoices from '../../../src/consent/allChoices';
import * as matchesCookiePattern from '../../../src/cookies/matchesCookiePattern';
import * as readCookies from '../../../src/cookies/readCookies';
import { SHARED_MODULES } from '../../../src/core/sharedModules';
import * as applyStyles from '../../../src/lib/applyStyles';
import * as guarded from '../../../src/lib/guarded';
import * as h from '../../../src/lib/h';
import * as partWarnings from '../../../src/lib/partWarnings';
import * as randomId from '../../../src/lib/randomId';
import * as trustedScriptUrl from '../../../src/lib/trustedScriptUrl';
import * as unsentPages from '../../../src/lib/unsentPages';

const MODULES: Record<string, object> = {
  'config/defaultCategories.js': defaultCategories,
  'consent/allChoices.js': allChoices,
  'cookies/matchesCookiePattern.js': matchesCookiePattern,
  'cookies/readCookies.js': readCookies,
  'lib/applyStyles.js': applyStyles,
  'lib/guarded.js': guarded,
  'lib/h.js': h,
  'lib/partWarnings.js': partWarnings,
  'lib/randomId.js': randomId,
  'lib/trustedScriptUrl.js': trustedScriptUrl,
  'lib/unsentPages.js': unsentPages,
};

// The core lends these objects to the script-tag parts in place of the modules themselves: an
// export left out would be undefined in a part, so each must hold every export of its module.
describe('SHARED_MODULES', () => {
  it('lends the modules listed here, and only those', () => {
    expect(Object.keys(SHARED_MODULES).sort()).toEqual(Object.keys(MODULES).sort());
  });
  it.each(Object.keys(MODULES))('%s lends every export of its module', (key) => {
    const lent = SHARED_MODULES[key] as Record<string, unknown>;
    expect(Object.keys(lent).sort()).toEqual(Object.keys(MODULES[key]!).sort());
    for (const [name, value] of Object.entries(MODULES[key]!)) expect(lent[name]).toBe(value);
  });
});
