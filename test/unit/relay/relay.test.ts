import { createRelay } from '../../../src/relay/createRelay';
import type { RelayContext } from '../../../src/relay/types';
import { defineRelaySuite, SUITE_CONFIG, type CapturedRequest } from './support/defineRelaySuite';

/** The request-level suite against the Node build of the handler, in-process. */
defineRelaySuite('relay on Node (in-process handler)', async () => {
  const captured: CapturedRequest[] = [];
  const pending: Promise<unknown>[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => (headers[key] = value));
    captured.push({ url: request.url, headers, body: await request.text() });
    return new Response(null, { status: 204 });
  }) as typeof fetch;
  const { matomo, plausible, ga4, ...config } = SUITE_CONFIG;
  const relay = createRelay({
    ...config,
    trustedProxies: [...config.trustedProxies],
    allowedOrigins: [...config.allowedOrigins],
    fetch: fetcher,
    log: () => {},
    sinks: [
      { type: 'memory', limit: 100_000 },
      { type: 'matomo', ...matomo },
      { type: 'plausible', ...plausible },
      { type: 'ga4', endpoint: ga4 },
    ],
  });
  const ctx: RelayContext = { waitUntil: (promise) => void pending.push(promise) };
  return {
    dispatch: (request, peer) => relay(request, { clientAddress: peer }, ctx),
    upstream: () => captured,
    cfIsPeer: false,
    close: async () => {
      await Promise.all(pending);
    },
  };
});
