import type { AuditReport } from '../api/types';
import type { AuditSources } from '../context/parts';
import { readCookies } from '../cookies/readCookies';
import { partWarnings } from '../lib/partWarnings';

/**
 * The audit the core gives when the rights part (which holds the full audit) cannot load: what
 * the core itself knows, with the failed parts first among the warnings, and the cookie checks
 * named as not done.
 */
export const coreAudit = async (sources: AuditSources): Promise<AuditReport> => ({
  time: new Date().toISOString(),
  consent: sources.consent,
  cookies: readCookies().map(([name]) => ({
    name,
    lifetime: 'unknown',
    expires: null,
    category: null,
  })),
  contactedHosts: sources.contactedHosts,
  blocked: sources.blocked,
  rawGoogleTags: sources.rawGoogleTags,
  parts: sources.parts,
  warnings: partWarnings(sources.parts),
  unchecked: ['cookie lifetimes and categories: the audit part could not load'],
});
