import { formatIp } from './formatIp';
import { maskBytes } from './maskBytes';
import { parseIp } from './parseIp';

/** Matomo's mask levels 0–4. */
export type TruncateLevel = 0 | 1 | 2 | 3 | 4;

/**
 * Bits of an IPv6 address kept per level: Matomo's table (PrivacyManager `IPAnonymizer`), where
 * level 2 (/48) is its default and the minimum of its CNIL policy. IPv4 keeps `32 - 8 * level`.
 */
const IPV6_KEEP = [128, 64, 48, 24, 0];

/**
 * Anonymises an IP address the way Matomo does: IPv4 zeroes its last `level` bytes (level 2 =
 * /16), IPv6 keeps 128, 64, 48, 24 or 0 bits. IPv4-mapped IPv6 is treated as the IPv4 it
 * carries. The result is canonical text (RFC 5952 for IPv6). An invalid address or level gives
 * `null`, never the input back.
 */
export const truncateIp = (ip: string, level: TruncateLevel = 2): string | null => {
  if (IPV6_KEEP[level] === undefined || typeof level !== 'number') return null;
  const parsed = parseIp(ip);
  if (!parsed) return null;
  const keep = parsed.version === 4 ? 32 - 8 * level : IPV6_KEEP[level];
  return formatIp({ version: parsed.version, bytes: maskBytes(parsed.bytes, keep) });
};
