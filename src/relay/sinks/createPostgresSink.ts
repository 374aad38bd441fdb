/**
 * The statistics store on a PostgreSQL server (Node only). The driver is imported when the
 * store is first opened, and `pg` with it, so a relay without this sink never loads either.
 * While the server is down every write rejects (the relay answers 503 and acknowledges
 * nothing); the store sink then opens a fresh pool once the server answers again.
 */
import type { SinkEnv } from '../resolveOptions';
import { createSqlStore } from '../store/createSqlStore';
import type { PostgresSinkOptions, Sink } from '../types';
import { createStoreSink } from './createStoreSink';

export const createPostgresSink = (
  { url, maxConnections, connectTimeoutMs, queryTimeoutMs }: PostgresSinkOptions,
  { now, log, retentionDays, statsThreshold, storeMaxBatch, storeMaxQueue }: SinkEnv,
): Sink => {
  // Checked now, not at the first beacon: a wrong URL stops the start with a clear message.
  if (typeof url !== 'string' || !/^postgres(ql)?:\/\/./.test(url)) {
    throw new Error(
      'zorgvuldig createRelay(): the postgres sink needs a url (postgres://user@host:5432/database)',
    );
  }
  return createStoreSink({
    name: 'postgres',
    now,
    log,
    // The sink gathers the batches (group commit) and writes each through `appendBatch`.
    maxBatch: storeMaxBatch,
    maxQueue: storeMaxQueue,
    open: async () => {
      const { createPostgresDriver } = await import('../store/createPostgresDriver');
      const driver = createPostgresDriver({
        url,
        maxConnections,
        connectTimeoutMs,
        queryTimeoutMs,
        log,
      });
      return createSqlStore(driver, { retentionDays, threshold: statsThreshold, now });
    },
  });
};
