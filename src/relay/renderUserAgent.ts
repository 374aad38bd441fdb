import type { ReducedUserAgent } from '../protocol/types';

/**
 * The reduced user agent as one string for upstream APIs that want a `User-Agent`:
 * `Firefox/128 (Windows; desktop)`. Analytics tools parse the family and version out of it;
 * nothing in it narrows a visitor down further than the reduced object does.
 */
export const renderUserAgent = (ua: ReducedUserAgent | undefined): string => {
  if (!ua) return 'unknown';
  const name = ua.version === null ? ua.browser : `${ua.browser}/${ua.version}`;
  return `${name} (${ua.os}; ${ua.device})`;
};
