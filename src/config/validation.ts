import type { Lang } from './options';

/** Records a refused config field; the caller falls back to the safe default. */
export type Refuse = (field: string, problem: string) => void;

export const LANGS: readonly Lang[] = ['nl', 'en'];
export const MAX_STRING = 2048;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A short, safe description of a bad value for an error message (never the whole value). */
export const describe = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value.slice(0, 40))
    : Array.isArray(value)
      ? 'an array'
      : value === null
        ? 'null'
        : typeof value;
