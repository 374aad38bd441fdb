import { maskBytes } from './maskBytes';
import { parseIp } from './parseIp';

/**
 * Whether `ip` lies inside `cidr` (`10.0.0.0/8`, `2001:db8::/32`, or a single address). The relay
 * uses it to decide which peers may speak for the client in `X-Forwarded-For`. IPv4-mapped IPv6
 * matches IPv4 ranges. Returns false on any malformed input; never throws.
 */
export const ipInCidr = (ip: string, cidr: string): boolean => {
  if (typeof cidr !== 'string') return false;
  const slash = cidr.indexOf('/');
  const address = parseIp(slash < 0 ? cidr : cidr.slice(0, slash));
  const target = parseIp(ip);
  if (!address || !target || address.version !== target.version) return false;
  const width = address.bytes.length * 8;
  const prefix = slash < 0 ? width : cidr.slice(slash + 1);
  const bits = typeof prefix === 'number' ? prefix : /^\d{1,3}$/.test(prefix) ? +prefix : -1;
  if (bits < 0 || bits > width) return false;
  const a = maskBytes(address.bytes, bits);
  const b = maskBytes(target.bytes, bits);
  return a.every((byte, i) => byte === b[i]);
};
