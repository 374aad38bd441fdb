import type { StatsReport } from '../relay/store/types';
import type { DateRange } from './dateRange';

/** A loaded report, or why not: `401` means the session is over. */
export type ReportResult =
  { ok: true; report: StatsReport } | { ok: false; status: number; error?: string; noStore?: true };

const isReport = (body: unknown): body is StatsReport =>
  !!body &&
  typeof body === 'object' &&
  Array.isArray((body as StatsReport).days) &&
  'totals' in body;

/** Asks the relay for one range (same origin, with the session cookie; never the token). */
export const fetchReport = async (
  base: string,
  range: DateRange,
  page: string,
): Promise<ReportResult> => {
  const query = new URLSearchParams({ from: range.from, to: range.to });
  if (page) query.set('page', page);
  try {
    const response = await fetch(`${base}/dashboard/data?${query}`, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    const body = (await response.json().catch(() => null)) as unknown;
    // A relay without a statistics store answers `/stats` with an older summary: not a report.
    if (response.ok && isReport(body)) return { ok: true, report: body };
    if (response.ok) return { ok: false, status: response.status, noStore: true };
    const error = (body as { error?: unknown } | null)?.error;
    return {
      ok: false,
      status: response.status,
      error: typeof error === 'string' ? error : undefined,
    };
  } catch {
    return { ok: false, status: 0 };
  }
};
