import { createRelayHandler } from './createRelayHandler';
import type { SinkEnv, SinkFactory } from './resolveOptions';
import { createNdjsonSink } from './sinks/createNdjsonSink';
import { createPostgresSink } from './sinks/createPostgresSink';
import { createStoreSink } from './sinks/createStoreSink';
import { createSqlStore } from './store/createSqlStore';
import { openSqliteDriver } from './store/sqlite/openSqliteDriver';
import type {
  NdjsonSinkOptions,
  PostgresSinkOptions,
  RelayHandler,
  RelayOptions,
  SqliteSinkOptions,
} from './types';

/**
 * The SQLite store on `file`. better-sqlite3 is a native module: it is loaded when the store is
 * first used, so nothing else (the Worker build, a browser bundle) ever loads it.
 */
export const createSqliteSink = (
  file: string,
  { now, log, retentionDays, statsThreshold, storeMaxBatch, storeMaxQueue }: SinkEnv,
) =>
  createStoreSink({
    name: 'sqlite',
    now,
    log,
    // The sink gathers the batches (group commit) and writes each through `appendBatch`.
    maxBatch: storeMaxBatch,
    maxQueue: storeMaxQueue,
    open: async () =>
      createSqlStore(await openSqliteDriver(file), {
        retentionDays,
        threshold: statsThreshold,
        now,
      }),
  });

/** The sinks only Node has, by type (the CLI's `import` builds its store from these too). */
export const NODE_SINKS: Record<string, SinkFactory> = {
  sqlite: (options, env) => {
    const { file } = options as SqliteSinkOptions;
    if (typeof file !== 'string' || !file) {
      throw new Error(
        'zorgvuldig createRelay(): the sqlite sink needs a file (startRelayServer() defaults it to <dataDir>/zorgvuldig.sqlite)',
      );
    }
    return createSqliteSink(file, env);
  },
  postgres: (options, env) => createPostgresSink(options as PostgresSinkOptions, env),
  ndjson: (options, env) => {
    const { dir, retentionDays = env.retentionDays } = options as NdjsonSinkOptions;
    if (typeof dir !== 'string' || !dir) {
      throw new Error('zorgvuldig createRelay(): the ndjson sink needs a dir');
    }
    return createNdjsonSink({ type: 'ndjson', dir, retentionDays }, env.now);
  },
};

/**
 * The relay for Node: a `(request, env?, ctx?) => Promise<Response>` handler with every sink,
 * the embedded SQLite store and the NDJSON log included. Mount it with `handleNodeRequest()` or
 * run it with `startRelayServer()`. On Workers, `zorgvuldig/relay` resolves to the Worker build.
 */
/* @__NO_SIDE_EFFECTS__ */
export const createRelay = (options: RelayOptions = {}): RelayHandler =>
  createRelayHandler(options, NODE_SINKS);
