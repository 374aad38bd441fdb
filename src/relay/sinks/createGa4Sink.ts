import type { GaHit, Ga4SinkOptions, RelayContext, Sink } from '../types';
import { createUpstreamQueue } from './createUpstreamQueue';

/** Google's collection endpoint for GA4 web streams. */
const DEFAULT_ENDPOINT = 'https://region1.google-analytics.com/g/collect';

/**
 * Forwards GA4 hits the relay has already checked and cleaned (`sanitiseGaHit`): consent,
 * hashed client id, truncated `_uip`, reduced user agent, allow-listed parameters. This sink
 * only delivers; it sends no cookies and no headers of the visitor's request.
 */
export const createGa4Sink = (
  options: Ga4SinkOptions,
  fetcher: typeof fetch,
  log: (message: string) => void,
): Sink => {
  const queue = createUpstreamQueue('ga4', fetcher, log, options);
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;

  return {
    name: 'ga4',
    async forwardGa(hit: GaHit, ctx: RelayContext) {
      const url = `${endpoint}?${hit.query}`;
      const init: RequestInit = hit.lines.length
        ? {
            method: 'POST',
            body: hit.lines.join('\n'),
            headers: { 'content-type': 'text/plain', 'user-agent': hit.userAgent },
          }
        : { method: 'POST', headers: { 'user-agent': hit.userAgent } };
      // Enqueue first: `ctx.waitUntil?.(queue.enqueue(…))` would skip the enqueue itself on Node,
      // where there is no waitUntil, and no hit would ever be forwarded.
      const delivery = queue.enqueue({ url, init });
      ctx.waitUntil?.(delivery);
    },
    counters: queue.counters,
  };
};
