import type { RelayRequest } from './relayRequest';
import { ipInCidr } from '../privacy/ipInCidr';
import { cleanAddress } from './cleanAddress';

/** Hops walked at most; a longer chain is someone padding the header. */
const MAX_HOPS = 32;

const isTrusted = (ip: string, proxies: readonly string[]): boolean =>
  proxies.some((cidr) => {
    try {
      return ipInCidr(ip, cidr);
    } catch {
      return false;
    }
  });

/** `for=` values of a `Forwarded` header (RFC 7239), in order; other parameters ignored. */
const forwardedFor = (header: string): string[] => {
  const hops: string[] = [];
  for (const element of header.split(',')) {
    for (const pair of element.split(';')) {
      const eq = pair.indexOf('=');
      if (eq > 0 && pair.slice(0, eq).trim().toLowerCase() === 'for') {
        hops.push(pair.slice(eq + 1));
      }
    }
  }
  return hops;
};

/**
 * The client's address: the connection peer, unless the peer is a trusted proxy, in which case
 * the forwarding headers are walked from the right (the hop our proxy added) past every other
 * trusted proxy. The first untrusted hop is the client. A malformed hop makes the client unknown
 * (`null`) rather than trusting what an attacker may have written before it.
 */
export const resolveClientIp = (
  peer: string | undefined,
  headers: RelayRequest['headers'],
  trustedProxies: readonly string[],
  peerIsCloudflareHeader = false,
): string | null => {
  const peerIp = cleanAddress(peer);
  if (!peerIp || trustedProxies.length === 0 || !isTrusted(peerIp, trustedProxies)) return peerIp;

  const cf = peerIsCloudflareHeader ? null : headers.get('cf-connecting-ip');
  if (cf !== null) return cleanAddress(cf);
  const forwarded = headers.get('forwarded');
  const xff = headers.get('x-forwarded-for');
  const hops = forwarded !== null ? forwardedFor(forwarded) : xff !== null ? xff.split(',') : [];
  if (hops.length === 0) return peerIp;

  let client: string | null = peerIp;
  const stop = Math.max(0, hops.length - MAX_HOPS);
  for (let i = hops.length - 1; i >= stop; i--) {
    const hop = cleanAddress(hops[i]);
    if (!hop) return null;
    client = hop;
    if (!isTrusted(hop, trustedProxies)) return hop;
  }
  return client;
};
