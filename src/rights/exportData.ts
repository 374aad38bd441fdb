import type { ExportedData } from '../api/types';
import type { RightsSources } from '../context/parts';
import { createTransparencyLog } from '../lib/createTransparencyLog';

/**
 * Everything the SDK holds or has sent in this tab's session (data portability). Before the
 * statistics part runs, or where statistics are not allowed, the log kept in `sessionStorage`
 * still shows every body sent on earlier pages.
 */
export const exportData = ({ consent, jar, stats, receipts }: RightsSources): ExportedData => {
  const cookies: Record<string, string> = {};
  for (const name of jar.written()) {
    const value = jar.get(name);
    if (value !== undefined) cookies[name] = value;
  }
  return {
    v: 1,
    exportedAt: new Date().toISOString(),
    consent: consent.get(),
    pseudonym: stats?.pseudonym() ?? null,
    cookies,
    beacons: stats ? stats.sent() : createTransparencyLog().all(),
    receipts: receipts.all(),
  };
};
