// The script-tag core, `zorgvuldig.min.js`: what must run before any other script, and a loader
// for the parts next to it (`zorgvuldig.ui.nl.js` or `.en.js`, `zorgvuldig.stats.js`,
// `zorgvuldig.rights.js`).
import { createScriptPartLoader } from './core/createScriptPartLoader';
import { SHARED_MODULES } from './core/sharedModules';
import { startScriptTag } from './core/startScriptTag';

startScriptTag((script) => {
  let base: string | null = null;
  try {
    base = script?.src ? new URL('.', script.src).href : null;
  } catch {
    // An unparsable src: no parts, which fail closed.
  }
  return {
    load: (config) => createScriptPartLoader(base, config.nonce, config.lang, SHARED_MODULES),
  };
});
