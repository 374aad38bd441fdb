import type { RelayAnswer } from '../jsonAnswer';
/**
 * The dashboard's Content Security Policy: its own script and stylesheet only, no inline code,
 * no request to any other host, not framed, forms only to the relay. `data:` images are the
 * only exception (none are used today; SVG charts are built in the DOM).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Headers of every dashboard answer: pages, assets and data. */
export const securityHeaders = (): Record<string, string> => ({
  'content-security-policy': DASHBOARD_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
});

/** An HTML page of the dashboard, never cached (it may carry a CSRF token). */
export const htmlResponse = (
  status: number,
  html: string,
  headers: Record<string, string> = {},
): RelayAnswer =>
  new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...securityHeaders(),
      ...headers,
    },
  });
