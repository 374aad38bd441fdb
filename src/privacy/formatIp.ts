import type { ParsedIp } from './parsedIp';

/**
 * Writes a parsed address as text: IPv4 dotted, IPv6 in RFC 5952 canonical form (lower case, no
 * leading zeros, the longest run of two or more zero groups as `::`, the first on a tie). Gives
 * `''` for bytes of the wrong length rather than throwing.
 */
export const formatIp = (parsed: ParsedIp): string => {
  const bytes = parsed && parsed.bytes;
  if (!bytes) return '';
  if (parsed.version === 4) return bytes.length === 4 ? bytes.join('.') : '';
  if (bytes.length !== 16) return '';
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; i++) {
    let end = i;
    while (end < 8 && groups[end] === 0) end++;
    if (end - i > bestLength) [bestStart, bestLength] = [i, end - i];
    i = Math.max(i, end);
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
};
