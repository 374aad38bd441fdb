import { renderUserAgent } from '../renderUserAgent';
import type { PlausibleSinkOptions, RelayContext, Sink, StoredRecord } from '../types';
import { createUpstreamQueue } from './createUpstreamQueue';

/**
 * Plausible Events API (`POST /api/event`, https://plausible.io/docs/events-api). Plausible
 * derives its daily visitor hash from `X-Forwarded-For` and `User-Agent`: it receives the
 * truncated IP and the reduced user agent, never the originals. Vitals and receipts stay home.
 */
export const createPlausibleSink = (
  options: PlausibleSinkOptions,
  fetcher: typeof fetch,
  log: (message: string) => void,
): Sink => {
  const queue = createUpstreamQueue('plausible', fetcher, log, options);
  const endpoint = `${(options.url ?? 'https://plausible.io').replace(/\/+$/, '')}/api/event`;

  return {
    name: 'plausible',
    async write(records: StoredRecord[], ctx: RelayContext) {
      for (const record of records) {
        if (record.type !== 'pageview' && record.type !== 'event') continue;
        const event: Record<string, unknown> = {
          name: record.type === 'pageview' ? 'pageview' : (record.name ?? 'event'),
          url: record.url,
          domain: options.domain,
        };
        if (record.ref) event.referrer = record.ref;
        if (record.props) event.props = record.props;
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'user-agent': renderUserAgent(record.ua),
        };
        if (record.ip) headers['x-forwarded-for'] = record.ip;
        const delivery = queue.enqueue({
          url: endpoint,
          init: { method: 'POST', body: JSON.stringify(event), headers },
        });
        ctx.waitUntil?.(delivery);
      }
    },
    counters: queue.counters,
  };
};
