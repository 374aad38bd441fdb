import type { UpstreamOptions } from '../types';

/** One upstream request, built when it is (re)tried. */
export interface UpstreamRequest {
  url: string;
  init: RequestInit;
}

/** Counters of one upstream, for `GET /health`. */
export interface UpstreamCounters {
  queued: number;
  delivered: number;
  retried: number;
  dropped: number;
}

/** Status codes worth another try; any other 4xx is the request's fault and is not retried. */
const RETRY_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
/** Random share added to each backoff so retries of many requests do not arrive together. */
const JITTER = 0.2;

/**
 * Delivers requests to an upstream API with retries and exponential backoff. At most `maxQueue`
 * requests are in flight or waiting; beyond that new ones are dropped and counted, so a dead
 * upstream can never grow memory. The promise `enqueue` returns settles when the request is
 * delivered or given up, never rejects, and is what `ctx.waitUntil` receives; the response
 * never waits for it.
 */
export const createUpstreamQueue = (
  name: string,
  fetcher: typeof fetch,
  log: (message: string) => void,
  { retries = 5, maxQueue = 1000, backoffMs = 1000, timeoutMs = 10_000 }: UpstreamOptions = {},
) => {
  const counters: UpstreamCounters = { queued: 0, delivered: 0, retried: 0, dropped: 0 };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const drop = (why: string) => {
    counters.dropped++;
    // Only the upstream's name, the reason and counts: never the request, which holds data.
    log(`zorgvuldig relay: ${name} dropped a request (${why}); ${counters.dropped} dropped so far`);
  };

  const attempt = async (request: UpstreamRequest): Promise<boolean | 'fatal'> => {
    try {
      const response = await fetcher(request.url, {
        ...request.init,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel().catch(() => {});
      if (response.ok) return true;
      return RETRY_STATUS.has(response.status) ? false : 'fatal';
    } catch {
      return false;
    }
  };

  const deliver = async (request: UpstreamRequest): Promise<void> => {
    try {
      for (let i = 0; i < retries; i++) {
        if (i > 0) {
          counters.retried++;
          await sleep(backoffMs * 2 ** (i - 1) * (1 + Math.random() * JITTER));
        }
        const result = await attempt(request);
        if (result === true) {
          counters.delivered++;
          return;
        }
        if (result === 'fatal') return drop('rejected by upstream');
      }
      drop(`no success after ${retries} attempts`);
    } finally {
      counters.queued--;
    }
  };

  return {
    enqueue(request: UpstreamRequest): Promise<void> {
      if (counters.queued >= maxQueue) {
        drop('queue full');
        return Promise.resolve();
      }
      counters.queued++;
      return deliver(request);
    },
    counters: (): Record<string, number> => ({ ...counters }),
  };
};
