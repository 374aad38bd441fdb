import type { Lang } from './options';

/**
 * Records a refused config field; the caller falls back to the safe default. `problem` is false
 * where the build carries no explanations (`EXPLAINED`).
 */
export type Refuse = (field: string, problem: string | false) => void;

/** Defined (to anything) only where the script-tag core is built: `rollup.config.mjs`. */
declare const __ZV_TERSE_CONFIG__: unknown;

/**
 * Whether a refused field comes with the reason. The script-tag core, which every visitor
 * downloads, names the refused fields only and leaves out the reasons (the checks stay, so a bad
 * value still falls back to its safe default); the npm build and the one-file build say why.
 */
export const EXPLAINED = typeof __ZV_TERSE_CONFIG__ == 'undefined';

export const LANGS: readonly Lang[] = ['nl', 'en'];
export const MAX_STRING = 2048;

/** A short, safe description of a bad value for an error message (never the whole value). */
export const describe = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value.slice(0, 40))
    : Array.isArray(value)
      ? 'an array'
      : value === null
        ? 'null'
        : typeof value;
