import { truncateIp } from '../privacy/truncateIp';
import { checkOrigin, corsHeaders } from './checkOrigin';
import { createDailySalt } from './createDailySalt';
import { createDashboard } from './dashboard/createDashboard';
import { handleDashboard } from './dashboard/handleDashboard';
import { createRateLimiter } from './createRateLimiter';
import { handleCollect } from './handleCollect';
import { handleConsent } from './handleConsent';
import { handleForget } from './handleForget';
import { handleGaCollect } from './handleGaCollect';
import { handleRecords, handleStats } from './handleReadout';
import {
  jsonAnswer,
  setAnswerer,
  toResponse,
  type AnswerRequest,
  type RelayAnswer,
} from './jsonAnswer';
import type { RelayRequest } from './relayRequest';
import { createRelayState } from './relayState';
import { resolveClientIp } from './resolveClientIp';
import { resolveOptions, type SinkFactory } from './resolveOptions';
import type { RelayContext, RelayEnv, RelayHandler, RelayOptions } from './types';

/** Routes that take a body from browsers: origin-checked and rate-limited. */
const POST_ROUTES = new Set(['/collect', '/consent', '/forget', '/g/collect']);
const PREFLIGHT_MAX_AGE = '86400'; // a day, in seconds

const clientAddressOf = (env: unknown): string | undefined => {
  const address = (env as RelayEnv | undefined)?.clientAddress;
  return typeof address === 'string' ? address : undefined;
};

const viaCloudflare = (env: unknown): boolean => (env as RelayEnv | undefined)?.cloudflare === true;

/**
 * The relay as a Fetch-API handler, for any platform: `platform` adds the sinks only that
 * platform has (Node: the ndjson store). The client IP is truncated before any other work;
 * the untruncated address lives only in this function's first lines.
 */
/* @__NO_SIDE_EFFECTS__ */
export const createRelayHandler = (
  options: RelayOptions,
  platform: Record<string, SinkFactory> = {},
): RelayHandler => {
  const resolved = resolveOptions(options, platform);
  const state = createRelayState(resolved, createDailySalt(resolved.gaSalt, resolved.now));
  const limit = resolved.rateLimit ? createRateLimiter(resolved.rateLimit, resolved.now) : null;
  const dashboard = createDashboard(resolved);

  const handle = async (
    request: RelayRequest,
    env: unknown,
    ctx: RelayContext,
  ): Promise<RelayAnswer> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return jsonAnswer(400, { error: 'bad request URL' });
    }
    if (!url.pathname.startsWith(`${resolved.basePath}/`))
      return jsonAnswer(404, { error: 'not found' });
    const route = url.pathname.slice(resolved.basePath.length);
    const method = request.method.toUpperCase();

    if (route === '/health' && method === 'GET') {
      const sinks = Object.fromEntries(
        resolved.sinks
          .filter((sink) => sink.counters)
          .map((sink) => [sink.name, sink.counters?.()]),
      );
      return jsonAnswer(200, { ok: true, counters: state.counters, sinks });
    }

    const ip = truncateIp(
      resolveClientIp(
        clientAddressOf(env),
        request.headers,
        resolved.trustedProxies,
        viaCloudflare(env),
      ) ?? '',
      resolved.ipLevel,
    );
    const origin = request.headers.get('origin');
    const originAllowed = checkOrigin(origin, resolved.allowedOrigins, url.origin);
    const headers = originAllowed ? corsHeaders(origin, url.origin) : {};

    if (method === 'OPTIONS') {
      if (!POST_ROUTES.has(route)) return jsonAnswer(404, { error: 'not found' });
      if (!originAllowed) return jsonAnswer(403, { error: 'origin not allowed', field: 'Origin' });
      return jsonAnswer(204, null, {
        ...headers,
        'access-control-allow-methods': 'POST, GET, OPTIONS',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': PREFLIGHT_MAX_AGE,
      });
    }
    if (route === '/dashboard' || route.startsWith('/dashboard/'))
      return handleDashboard({ request, url, route, ip, state, dashboard });
    if (route === '/stats' && method === 'GET') return handleStats(request, url, state);
    if (route === '/records' && method === 'GET') return handleRecords(request, url, state);
    if (!POST_ROUTES.has(route)) return jsonAnswer(404, { error: 'not found' });

    const isGa = route === '/g/collect';
    if (method !== 'POST' && !(isGa && method === 'GET')) {
      return jsonAnswer(
        405,
        { error: `use POST for ${route}` },
        { allow: isGa ? 'GET, POST' : 'POST' },
      );
    }
    if (!originAllowed) {
      state.counters.rejected++;
      return jsonAnswer(403, { error: 'origin not allowed', field: 'Origin' });
    }
    const wait = limit ? limit(ip ?? 'unknown') : 0;
    if (wait > 0) {
      state.counters.rejected++;
      return jsonAnswer(
        429,
        { error: 'too many requests' },
        { ...headers, 'retry-after': String(wait) },
      );
    }
    if (isGa) return handleGaCollect(request, url, ip, state, ctx, headers);
    if (route === '/collect') return handleCollect(request, ip, state, ctx, headers);
    if (route === '/consent') return handleConsent(request, ip, state, ctx, headers);
    return handleForget(request, state, headers);
  };

  const answer: AnswerRequest = async (request, env, ctx = {}) => {
    try {
      return await handle(request, env, ctx);
    } catch {
      // Never echo the error: it may quote the body. The relay answers and keeps running.
      resolved.log('zorgvuldig relay: internal error while handling a request');
      return jsonAnswer(500, { error: 'internal error' });
    }
  };
  const relay: RelayHandler = Object.assign(
    async (request: Request, env?: unknown, ctx?: RelayContext) =>
      toResponse(await answer(request, env, ctx)),
    {
      maxBodyBytes: resolved.maxBodyBytes,
      bodyTimeoutMs: resolved.bodyTimeoutMs,
      close: async () => {
        await Promise.allSettled(resolved.sinks.map((sink) => sink.close?.()));
      },
    },
  );
  // The Node adapter answers from the routes directly, with no Request or Response between.
  setAnswerer(relay, answer);
  return relay;
};
