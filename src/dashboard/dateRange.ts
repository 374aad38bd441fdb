/** The date range choices; `custom` takes two dates. */
export type RangePreset = 'today' | '7d' | '30d' | 'custom';

export interface DateRange {
  /** First UTC day, `YYYY-MM-DD`. */
  from: string;
  /** Last UTC day, `YYYY-MM-DD`, inclusive. */
  to: string;
}

const MS_PER_DAY = 864e5;
const PRESET_DAYS: Record<Exclude<RangePreset, 'custom'>, number> = {
  today: 1,
  '7d': 7,
  '30d': 30,
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const dayOf = (time: number): string => new Date(time).toISOString().slice(0, 10);

export const isPreset = (value: string | null): value is RangePreset =>
  value === 'today' || value === '7d' || value === '30d' || value === 'custom';

/** The days of a preset, ending today (UTC, as the store counts days). */
export const presetRange = (preset: Exclude<RangePreset, 'custom'>, now: number): DateRange => ({
  from: dayOf(now - (PRESET_DAYS[preset] - 1) * MS_PER_DAY),
  to: dayOf(now),
});

/** A custom range, or `null` when a date is missing, not a real day, or after the other. */
export const customRange = (from: string, to: string): DateRange | null => {
  if (!DAY.test(from) || !DAY.test(to)) return null;
  if (dayOf(Date.parse(from)) !== from || dayOf(Date.parse(to)) !== to) return null;
  return from <= to ? { from, to } : null;
};
