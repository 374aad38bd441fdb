import type { Count } from '../relay/store/types';

/** Shown for a share or percentile the store withholds (too few samples). */
export const MISSING = '–';

/** Formats numbers for one locale; hidden counts (`"<5"`) read "< 5". */
export const createFormat = (locale: string) => {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const kilobytes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    count: (value: Count): string =>
      typeof value === 'number' ? integer.format(value) : value.replace(/^<\s*/, '< '),
    share: (value: number | null): string => (value === null ? MISSING : percent.format(value)),
    ms: (value: number | null): string =>
      value === null ? MISSING : `${integer.format(value)} ms`,
    bytes: (value: number | null): string =>
      value === null ? MISSING : `${kilobytes.format(value / 1024)} kB`,
    decimal: (value: number | null): string => (value === null ? MISSING : decimal.format(value)),
  };
};

export type Format = ReturnType<typeof createFormat>;

/** A count as a number to plot, or `null` when it is hidden. */
export const plotted = (value: Count): number | null => (typeof value === 'number' ? value : null);
