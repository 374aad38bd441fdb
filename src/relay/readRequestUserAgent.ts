import type { RelayRequest } from './relayRequest';
import { reduceUserAgent, type UserAgentHints } from '../privacy/reduceUserAgent';
import type { ReducedUserAgent } from '../protocol/types';

/** `"Chromium";v="126", "Google Chrome";v="126"` → brands with versions. */
const parseBrands = (header: string): UserAgentHints['brands'] =>
  Array.from(header.matchAll(/"([^"]{1,64})"\s*;\s*v="(\d{1,6})"/g), ([, brand, version]) => ({
    brand,
    version,
  }));

/**
 * The requesting browser's reduced user agent, from the `User-Agent` header every request carries
 * and the low-entropy client hints Chromium sends with it (`Sec-CH-UA`, `Sec-CH-UA-Mobile`,
 * `Sec-CH-UA-Platform`). The page no longer sends one: the relay reduces what it receives anyway,
 * and keeps only the reduced form. Null without a `User-Agent` header.
 */
export const readRequestUserAgent = (headers: RelayRequest['headers']): ReducedUserAgent | null => {
  const raw = headers.get('user-agent');
  if (!raw) return null;
  const brands = headers.get('sec-ch-ua');
  const mobile = headers.get('sec-ch-ua-mobile');
  const platform = headers.get('sec-ch-ua-platform');
  const hints: UserAgentHints = {};
  if (brands) hints.brands = parseBrands(brands.slice(0, 512));
  if (mobile) hints.mobile = mobile.trim() === '?1';
  if (platform) hints.platform = platform.replace(/"/g, '').trim().slice(0, 32);
  return reduceUserAgent(raw, brands || mobile || platform ? hints : undefined);
};
