import type { PartModules, PartName } from '../context/parts';

/**
 * Where a part file hands itself to the core: a Symbol-keyed, read-only property of `window`. No
 * element `id` or `name` can clobber a Symbol, and the core defines it before it loads any part.
 */
export const PART_HOOK = Symbol.for('zorgvuldig.part');

export type RegisterPart = <K extends PartName>(name: K, part: PartModules[K]) => void;

/** The hook the core installed, or undefined (a part file loaded on its own does nothing). */
export const readPartHook = (): RegisterPart | undefined => {
  const hook = (window as unknown as Record<symbol, unknown>)[PART_HOOK];
  return typeof hook == 'function' ? (hook as RegisterPart) : undefined;
};
