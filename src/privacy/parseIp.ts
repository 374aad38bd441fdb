import type { ParsedIp } from './parsedIp';

export type { ParsedIp } from './parsedIp';

/** One decimal octet, 0–255, without leading zeros: `010` is octal to some parsers, so refuse it. */
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
const HEX_GROUP = /^[\da-f]{1,4}$/i;

const parseV4 = (text: string): number[] | null => {
  const match = IPV4.exec(text);
  return match ? match.slice(1).map(Number) : null;
};

/** The 16-bit groups of one side of `::` as bytes, or null. An IPv4 tail counts as two groups. */
const parseGroups = (text: string, last: boolean): number[] | null => {
  if (text === '') return [];
  const bytes: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (last && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseV4(part);
      if (!v4) return null;
      bytes.push(...v4);
    } else if (HEX_GROUP.test(part)) {
      const group = parseInt(part, 16);
      bytes.push(group >> 8, group & 255);
    } else return null;
  }
  return bytes;
};

const parseV6 = (text: string): number[] | null => {
  // A zone id (`fe80::1%eth0`, RFC 4007 §11) names an interface, not part of the address.
  const zone = text.indexOf('%');
  const address = zone < 0 ? text : text.slice(0, zone);
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0], halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1], true) : [];
  if (!head || !tail) return null;
  const missing = 16 - head.length - tail.length;
  // `::` stands for at least one zero group; without it the address must be complete.
  if (halves.length === 2 ? missing < 2 : missing !== 0) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
};

/**
 * Parses an IPv4 dotted quad (strict: 0–255, no leading zeros) or an IPv6 address in any RFC 4291
 * form (`::`, embedded IPv4, zone id stripped). IPv4-mapped IPv6 (`::ffff:192.0.2.1`) comes back
 * as IPv4, so callers truncate and compare one form. Returns null for anything else; never throws.
 */
export const parseIp = (text: string): ParsedIp | null => {
  if (typeof text !== 'string' || text.length > 64) return null;
  const v4 = parseV4(text);
  if (v4) return { version: 4, bytes: Uint8Array.from(v4) };
  if (!text.includes(':')) return null;
  const v6 = parseV6(text);
  if (!v6) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 255 && v6[11] === 255;
  return mapped
    ? { version: 4, bytes: Uint8Array.from(v6.slice(12)) }
    : { version: 6, bytes: Uint8Array.from(v6) };
};
