/**
 * The built Worker bundle (`dist/relay-worker.mjs`) inside workerd through miniflare, configured
 * by env vars as on Cloudflare, as a `RelayHarness`. Upstream requests are caught by miniflare's
 * outbound service. With `d1`, the Worker has a `ZV_D1` binding (miniflare's D1, in memory).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Miniflare, type Request as MiniflareRequest } from 'miniflare';
import { SUITE_CONFIG, type CapturedRequest, type RelayHarness } from './defineRelaySuite';

const script = fileURLToPath(new URL('../../../../dist/relay-worker.mjs', import.meta.url));

/** The suite's bindings, as a Worker's `[vars]` would set them. */
export const SUITE_BINDINGS = {
  ZV_BASE_PATH: SUITE_CONFIG.basePath,
  ZV_ALLOWED_ORIGINS: SUITE_CONFIG.allowedOrigins.join(','),
  ZV_TRUSTED_PROXIES: SUITE_CONFIG.trustedProxies.join(','),
  ZV_STATS_TOKEN: SUITE_CONFIG.statsToken,
  ZV_RATE_BURST: String(SUITE_CONFIG.rateLimit.burst),
  ZV_RATE_PER_SECOND: String(SUITE_CONFIG.rateLimit.perSecond),
  ZV_TRUST_CLOUDFLARE: '1',
  ZV_MATOMO_URL: SUITE_CONFIG.matomo.url,
  ZV_MATOMO_SITE_ID: SUITE_CONFIG.matomo.siteId,
  ZV_MATOMO_TOKEN: SUITE_CONFIG.matomo.token,
  ZV_PLAUSIBLE_URL: SUITE_CONFIG.plausible.url,
  ZV_PLAUSIBLE_DOMAIN: SUITE_CONFIG.plausible.domain,
  ZV_GA4_ENDPOINT: SUITE_CONFIG.ga4,
};

export interface WorkerRelay extends RelayHarness {
  mf: Miniflare;
}

export const startWorkerRelay = async ({
  bindings,
  d1 = false,
}: {
  bindings: Record<string, string>;
  d1?: boolean;
}): Promise<WorkerRelay> => {
  if (!existsSync(script)) {
    throw new Error(`${script} is missing: run npm run build first`);
  }
  const captured: CapturedRequest[] = [];
  const mf = new Miniflare({
    modules: true,
    scriptPath: script,
    compatibilityDate: '2025-01-01',
    bindings,
    d1Databases: d1 ? ['ZV_D1'] : [],
    outboundService: async (request: MiniflareRequest) => {
      const headers: Record<string, string> = {};
      request.headers.forEach((value: string, key: string) => (headers[key] = value));
      captured.push({ url: request.url, headers, body: await request.text() });
      return new Response(null, { status: 204 });
    },
  });
  await mf.ready;
  return {
    mf,
    dispatch: async (request, peer) => {
      const headers = new Headers(request.headers);
      // What Cloudflare's edge does: CF-Connecting-IP is the connecting client, whatever it sent.
      if (peer !== undefined) headers.set('cf-connecting-ip', peer);
      else headers.delete('cf-connecting-ip');
      const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
      const response = await mf.dispatchFetch(request.url, {
        method: request.method,
        headers,
        body,
      });
      // Back to a plain Response so the suite reads both platforms the same way.
      const bytes = await response.arrayBuffer();
      return new Response(response.status === 204 ? null : bytes, {
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
      });
    },
    upstream: () => captured,
    cfIsPeer: true,
    close: () => mf.dispose(),
  };
};
