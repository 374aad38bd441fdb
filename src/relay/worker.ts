/**
 * The Cloudflare Workers / workerd entry: `export default { fetch, scheduled }`, configured from
 * the Worker's `ZV_*` vars. The same handler as on Node; no file system, so the statistics store
 * is D1 (a `ZV_D1` binding), beside the upstream sinks (Matomo, Plausible, GA4) and, with
 * `ZV_MEMORY_SINK`, an in-memory ring per isolate (tests and demos: isolates come and go, so it
 * is not a store).
 *
 * With D1 the schema is migrated on an isolate's first use of the store. Retention runs after
 * writes at most hourly per isolate, and on every Cron Trigger (`scheduled`), so a site with few
 * visits still deletes on time.
 */
import { createRelayHandler } from './createRelayHandler';
import { flag, readEnvOptions, type RelayEnvVars } from './readEnvOptions';
import type { SinkFactory } from './resolveOptions';
import { createStoreSink } from './sinks/createStoreSink';
import { createD1Driver } from './store/createD1Driver';
import { createSqlStore } from './store/createSqlStore';
import type { StatsStore } from './store/types';
import type { D1SinkOptions, RelayContext, RelayHandler, RelayOptions } from './types';

export type * from './types';
export type * from './store/types';

/** The Worker's own sinks; `onStore` is told of every store built, for scheduled retention. */
const workerSinks = (
  onStore: (store: StatsStore) => void = () => {},
): Record<string, SinkFactory> => ({
  d1: (options, { now, log, retentionDays, statsThreshold, storeMaxBatch, storeMaxQueue }) => {
    const store = createSqlStore(createD1Driver((options as D1SinkOptions).database), {
      retentionDays,
      threshold: statsThreshold,
      now,
    });
    onStore(store);
    // The binding is no connection to lose: reopening after a failure is the same store. An
    // isolate serves requests at once, but one may not wait on another's I/O (workerd cancels
    // it as hung): each beacon is its own D1 batch, and the queue bound counts those in flight.
    return createStoreSink({
      name: 'd1',
      now,
      log,
      maxBatch: storeMaxBatch,
      maxQueue: storeMaxQueue,
      batchAcrossRequests: false,
      open: () => store,
    });
  },
});

/** The relay on Workers: every sink except the Node-only ones (SQLite, PostgreSQL, NDJSON). */
/* @__NO_SIDE_EFFECTS__ */
export const createRelay = (options: RelayOptions = {}): RelayHandler =>
  createRelayHandler(options, workerSinks());

let cached:
  { env: unknown; relay: RelayHandler; trustCloudflare: boolean; stores: StatsStore[] } | undefined;

const relayFor = (env: RelayEnvVars) => {
  if (cached?.env !== env) {
    const options = readEnvOptions(env);
    const sinks = options.sinks ?? [];
    if (flag(env, 'ZV_MEMORY_SINK')) sinks.unshift({ type: 'memory' });
    // The store first: `/stats` and `/records` read the first sink that can answer them.
    if (env.ZV_D1 !== undefined)
      sinks.unshift({ type: 'd1', database: env.ZV_D1 as D1SinkOptions['database'] });
    if (sinks.length) options.sinks = sinks;
    const stores: StatsStore[] = [];
    cached = {
      env,
      stores,
      relay: createRelayHandler(
        options,
        workerSinks((store) => stores.push(store)),
      ),
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

  /** A Cron Trigger (`[triggers] crons = ["17 3 * * *"]`): applies retention to the D1 store. */
  async scheduled(_controller: unknown, env: RelayEnvVars = {}): Promise<void> {
    for (const store of relayFor(env).stores) await store.applyRetention(Date.now());
  },
};
