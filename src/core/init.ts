import type { ZorgvuldigApi } from '../api/types';
import type { ZorgvuldigOptions } from '../config/options';
import type { PartLoader, PartModules } from '../context/parts';
import { startOnce } from './startOnce';

export { runningInstance } from './startOnce';

/** npm: each part is a dynamic `import()`, so the site's bundler splits it into its own chunk. */
const importPart: PartLoader = (name) =>
  (
    ({
      shell: () => import('../parts/shellPart').then((m) => m.shellPart),
      ui: () => import('../parts/uiPart').then((m) => m.uiPart),
      stats: () => import('../parts/statsPart').then((m) => m.statsPart),
      receipts: () => import('../parts/receiptsPart').then((m) => m.receiptsPart),
      rights: () => import('../parts/rightsPart').then((m) => m.rightsPart),
    }) as { [K in keyof PartModules]: () => Promise<PartModules[K]> }
  )[name]() as never;

/**
 * Starts zorgvuldig on this page and returns its API. Calling it again (or loading the bundle
 * twice) returns the running instance; its options are ignored, with a warning.
 */
export const init = (options: ZorgvuldigOptions = {}): ZorgvuldigApi =>
  startOnce(options, { load: () => importPart });
