import type { Hit, ReducedUserAgent } from '../protocol/types';
import { scrubProps } from '../privacy/scrubProps';
import { scrubReferrer, scrubUrl } from '../privacy/scrubUrl';
import { scrubText } from '../privacy/scrubText';
import type { StoredHit } from './types';

/** A client clock further than this from the relay's is flagged: time zones and drift stay within it. */
const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** Origin of an absolute URL, or `null`. */
const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** Scrubs an in-site path and gives it back as a path (`/a/b?utm_source=x`). */
const scrubPath = (path: string, base: string, allowParams?: string[]): string | null => {
  const scrubbed = scrubUrl(path, { base, allowParams });
  if (scrubbed === null) return null;
  return scrubbed.startsWith(base) ? scrubbed.slice(base.length) || '/' : scrubbed;
};

/**
 * A validated hit made safe to store: every string goes through the shared scrubber again,
 * because the relay cannot know that the page ran the SDK (or the same allow-list). Returns
 * `null` with the field when the page URL cannot be read at all.
 */
export const sanitiseHit = (
  hit: Hit,
  received: string,
  ip: string | null,
  sid: string,
  allowParams?: string[],
  /** The request's reduced user agent, for page-view hits that carry none. */
  requestUa: ReducedUserAgent | null = null,
): { ok: true; record: StoredHit } | { ok: false; field: string } => {
  const url = scrubUrl(hit.url, { allowParams });
  const origin = url === null ? null : originOf(url);
  if (url === null || origin === null) return { ok: false, field: 'url' };

  const record = { received, ip, sid, type: hit.type, time: hit.time, url } as StoredHit;
  // `time` is kept as sent (it orders a session's hits), but a reader must be able to tell a
  // wrong client clock from a real time without comparing every record to `received`.
  if (Math.abs(Date.parse(hit.time) - Date.parse(received)) > MAX_CLOCK_SKEW_MS) {
    record.clockSkew = true;
  }
  if (hit.prev !== undefined) {
    const prev = scrubPath(hit.prev, origin, allowParams);
    if (prev !== null) record.prev = prev;
  }
  if (hit.ref !== undefined) {
    // Only an external referrer's origin is kept; an in-site one is what `prev` is for.
    const ref = scrubReferrer(hit.ref, origin);
    if (ref && !ref.startsWith('/')) record.ref = ref;
  }
  if (hit.ua) record.ua = { ...hit.ua };
  else if (requestUa && hit.type === 'pageview') record.ua = { ...requestUa };
  if (hit.lang) record.lang = hit.lang.toLowerCase();
  if (hit.status !== undefined) record.status = hit.status;
  if (hit.bytes) record.bytes = { ...hit.bytes };
  if (hit.timing) record.timing = { ...hit.timing };
  if (hit.name !== undefined) record.name = scrubText(hit.name);
  if (hit.props !== undefined) record.props = scrubProps(hit.props);
  return { ok: true, record };
};
