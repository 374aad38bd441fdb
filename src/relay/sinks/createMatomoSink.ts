import { renderUserAgent } from '../renderUserAgent';
import { sha256Hex } from '../sha256Hex';
import type { MatomoSinkOptions, RelayContext, Sink, StoredHit, StoredRecord } from '../types';
import { createUpstreamQueue } from './createUpstreamQueue';

/** Matomo's visitor id (`_id`) is exactly 16 hexadecimal characters. */
const VISITOR_ID_LENGTH = 16;

/**
 * Matomo Tracking API (https://developer.matomo.org/api-reference/tracking-api). The visitor id
 * is derived from the pseudonym by hash (Matomo cannot reverse it to the sid), `cip` overrides
 * the IP with the truncated one (Matomo only accepts it with `token_auth`), and `ua` replaces
 * the relay's own user agent with the reduced one. Vitals hits and consent receipts stay home.
 */
export const createMatomoSink = (
  options: MatomoSinkOptions,
  fetcher: typeof fetch,
  log: (message: string) => void,
): Sink => {
  const queue = createUpstreamQueue('matomo', fetcher, log, options);

  const toParams = async (hit: StoredHit): Promise<URLSearchParams> => {
    const params = new URLSearchParams({
      idsite: String(options.siteId),
      rec: '1',
      apiv: '1',
      send_image: '0',
      url: hit.url,
      _id: (await sha256Hex(`matomo:${hit.sid}`)).slice(0, VISITOR_ID_LENGTH),
      ua: renderUserAgent(hit.ua),
      token_auth: options.token,
    });
    if (hit.ip) params.set('cip', hit.ip);
    if (hit.ref) params.set('urlref', hit.ref);
    if (hit.lang) params.set('lang', hit.lang);
    if (hit.type === 'event') {
      params.set('e_c', 'event');
      params.set('e_a', hit.name ?? 'event');
    }
    return params;
  };

  return {
    name: 'matomo',
    async write(records: StoredRecord[], ctx: RelayContext) {
      for (const record of records) {
        if (record.type !== 'pageview' && record.type !== 'event') continue;
        const body = await toParams(record);
        const delivery = queue.enqueue({
          url: options.url,
          init: {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
          },
        });
        ctx.waitUntil?.(delivery);
      }
    },
    counters: queue.counters,
  };
};
