import type { ZorgvuldigApi } from '../api/types';
import { createInstance, type PartSource } from './createInstance';

/** One instance per page, however many copies of the SDK load (script tag twice, tag + npm). */
const INSTANCE = Symbol.for('zorgvuldig.instance');

/** The instance already running on this page, if any: a Symbol, so no DOM element can fake it. */
export const runningInstance = (): ZorgvuldigApi | undefined =>
  (globalThis as typeof globalThis & { [INSTANCE]?: ZorgvuldigApi })[INSTANCE];

/**
 * Starts the instance with the parts of this build, or returns the one already running (its
 * options are then ignored, with a warning).
 */
export const startOnce = (options: unknown, source: PartSource): ZorgvuldigApi => {
  const running = runningInstance();
  if (running) {
    console.warn('zorgvuldig init(): already running on this page; the new options are ignored');
    return running;
  }
  const global = globalThis as typeof globalThis & { [INSTANCE]?: ZorgvuldigApi };
  return (global[INSTANCE] = createInstance(options, source));
};
