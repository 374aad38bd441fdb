import { parseIp } from '../privacy/parseIp';

/** IPv4-mapped IPv6 (`::ffff:192.0.2.1`), as Node reports IPv4 peers on a dual-stack socket. */
const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
/** Longest token worth looking at: the longest IPv6 text with brackets, zone and port is shorter. */
const MAX_TOKEN = 100;

/**
 * Turns one address as proxies write it into a plain IP, or `null`. Accepts the forms seen in
 * `X-Forwarded-For` and `Forwarded` (RFC 7239 §6): quotes, `[v6]:port`, `v4:port`, zone ids
 * (`fe80::1%eth0`); `unknown` and obfuscated identifiers (`_hidden`) give `null`.
 */
export const cleanAddress = (raw: string | null | undefined): string | null => {
  if (!raw) return null;
  let text = raw.trim();
  if (text.length > MAX_TOKEN) return null;
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) text = text.slice(1, -1);
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end < 0) return null;
    text = text.slice(1, end);
  } else if (
    text.includes('.') &&
    text.indexOf(':') === text.lastIndexOf(':') &&
    text.includes(':')
  ) {
    // `192.0.2.1:8080`: one colon after a dotted address is a port, never IPv6.
    text = text.slice(0, text.indexOf(':'));
  }
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const mapped = MAPPED_V4.exec(text);
  if (mapped) text = mapped[1];
  return parseIp(text) ? text : null;
};
