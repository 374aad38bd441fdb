import type { ZorgvuldigApi } from '../api/types';
import type { ZorgvuldigOptions } from '../config/options';
import { createInstance } from './createInstance';

/** One instance per page, however many copies of the SDK load (script tag twice, tag + npm). */
const INSTANCE = Symbol.for('zorgvuldig.instance');

/** The instance already running on this page, if any: a Symbol, so no DOM element can fake it. */
export const runningInstance = (): ZorgvuldigApi | undefined =>
  (globalThis as typeof globalThis & { [INSTANCE]?: ZorgvuldigApi })[INSTANCE];

/**
 * Starts zorgvuldig on this page and returns its API. Calling it again (or loading the bundle
 * twice) returns the running instance; its options are ignored, with a warning.
 */
export const init = (options: ZorgvuldigOptions = {}): ZorgvuldigApi => {
  const running = runningInstance();
  if (running) {
    console.warn('zorgvuldig init(): already running on this page; the new options are ignored');
    return running;
  }
  const global = globalThis as typeof globalThis & { [INSTANCE]?: ZorgvuldigApi };
  return (global[INSTANCE] = createInstance(options));
};
