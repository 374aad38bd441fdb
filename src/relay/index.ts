export { computeStats, type RelayStats } from './computeStats';
export { createRelay, createSqliteSink } from './createRelay';
export { handleNodeRequest, toNodeHandler } from './handleNodeRequest';
export { readEnvOptions } from './readEnvOptions';
export { createStoreSink, type StoreSinkOptions } from './sinks/createStoreSink';
export { openSqliteDriver } from './store/sqlite/openSqliteDriver';
export { startRelayServer, type RelayServer, type RelayServerOptions } from './startRelayServer';
export { createSqlStore, type SqlStoreOptions } from './store/createSqlStore';
export { QueueFullError } from './store/createGroupCommit';
export {
  createPostgresDriver,
  type PostgresDriver,
  type PostgresDriverOptions,
} from './store/createPostgresDriver';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './store/migrations';
export { STATS_QUERIES, type StatsQueryName } from './store/statsQueries';
export type * from './store/types';
export type * from './types';
