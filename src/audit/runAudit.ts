import type { AuditCookie, AuditReport } from '../api/types';
import type { Config } from '../config/config';
import type { AuditSources } from '../context/parts';
import { matchesCookiePattern } from '../cookies/matchesCookiePattern';
import { readCookies } from '../cookies/readCookies';
import { partWarnings } from '../lib/partWarnings';

const categoryOf = (config: Config, name: string): string | null =>
  config.categories.find((category) =>
    category.cookies.some((cookie) => matchesCookiePattern(name, cookie.name)),
  )?.key ?? null;

const readAuditCookies = async (config: Config, unchecked: string[]): Promise<AuditCookie[]> => {
  // Chromium's cookieStore reports expiry dates; document.cookie never does.
  if (typeof cookieStore !== 'undefined') {
    try {
      const items = (await cookieStore.getAll()) as (CookieListItem & {
        expires?: number | null;
      })[];
      return items.map(({ name = '', expires }) => ({
        name,
        lifetime: expires == null ? 'session' : 'persistent',
        expires: expires == null ? null : new Date(expires).toISOString(),
        category: categoryOf(config, name),
      }));
    } catch {
      // Fall through to document.cookie, which cannot tell lifetimes.
    }
  }
  unchecked.push(
    'cookie lifetimes: this browser has no cookieStore API, so expiry dates cannot be read',
  );
  return readCookies().map(([name]) => ({
    name,
    lifetime: 'unknown',
    expires: null,
    category: categoryOf(config, name),
  }));
};

/** The self-audit of the live page: what a privacy officer checks, in one object. */
export const runAudit = async (sources: AuditSources): Promise<AuditReport> => {
  const unchecked: string[] = [];
  const cookies = await readAuditCookies(sources.config, unchecked);
  const warnings = partWarnings(sources.parts);
  for (const tag of sources.rawGoogleTags) {
    warnings.push(
      `A Google tag is written in the HTML (${tag}); the browser fetches it before any script runs. Change it to <script type="text/plain" data-zv-category="googleAnalytics" data-src="…">.`,
    );
  }
  for (const cookie of cookies) {
    if (cookie.lifetime === 'persistent') {
      warnings.push(
        `Cookie "${cookie.name}" outlives the browser session (expires ${cookie.expires}).`,
      );
    }
    if (cookie.category && !sources.consent.choices[cookie.category]) {
      warnings.push(
        `Cookie "${cookie.name}" belongs to "${cookie.category}", which has no consent.`,
      );
    }
  }
  return {
    time: new Date().toISOString(),
    consent: sources.consent,
    cookies,
    contactedHosts: sources.contactedHosts,
    blocked: sources.blocked,
    rawGoogleTags: sources.rawGoogleTags,
    parts: sources.parts,
    warnings,
    unchecked,
  };
};
