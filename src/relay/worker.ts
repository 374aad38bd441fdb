/**
 * The Cloudflare Workers / workerd entry: `export default { fetch }`, configured from the
 * Worker's `ZV_*` vars. The same handler as on Node; no file system, so the sinks are the
 * upstream ones (Matomo, Plausible, GA4) plus, with `ZV_MEMORY_SINK`, an in-memory ring per
 * isolate (tests and demos: isolates come and go, so it is not a store).
 */
import { createRelayHandler } from './createRelayHandler';
import { flag, readEnvOptions, type RelayEnvVars } from './readEnvOptions';
import type { RelayContext, RelayHandler, RelayOptions } from './types';

export type * from './types';

/** The relay on Workers: every sink except the ndjson store. */
/* @__NO_SIDE_EFFECTS__ */
export const createRelay = (options: RelayOptions = {}): RelayHandler =>
  createRelayHandler(options);

let cached: { env: unknown; relay: RelayHandler; trustCloudflare: boolean } | undefined;

const relayFor = (env: RelayEnvVars) => {
  if (cached?.env !== env) {
    const options = readEnvOptions(env);
    if (flag(env, 'ZV_MEMORY_SINK')) options.sinks = [{ type: 'memory' }, ...(options.sinks ?? [])];
    cached = {
      env,
      relay: createRelay(options),
      trustCloudflare: flag(env, 'ZV_TRUST_CLOUDFLARE'),
    };
  }
  return cached;
};

export default {
  fetch(request: Request, env: RelayEnvVars = {}, ctx?: RelayContext): Promise<Response> {
    const { relay, trustCloudflare } = relayFor(env);
    // On Cloudflare the edge sets CF-Connecting-IP and overwrites any a client sent: it is the
    // peer. Elsewhere (workerd behind your own proxy) it is just a header: trust it only if told.
    const clientAddress = trustCloudflare
      ? (request.headers.get('cf-connecting-ip') ?? undefined)
      : undefined;
    return relay(request, { clientAddress, cloudflare: trustCloudflare }, ctx);
  },
};
