/**
 * The `zorgvuldig-relay` command: `zorgvuldig-relay` serves, `zorgvuldig-relay import <dir>`
 * imports NDJSON day files into the store. Configuration from a JSON file (`--config
 * relay.json`), then `ZV_*` environment variables, then flags (`--port`, `--host`,
 * `--data-dir`), later winning. Importing this module starts nothing unless it is the program
 * being run.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NODE_SINKS } from './createRelay';
import { importNdjson } from './importNdjson';
import { flag, readEnvOptions } from './readEnvOptions';
import { MAX_BATCH } from './store/createGroupCommit';
import {
  startRelayServer,
  STORE_TYPES,
  withDataDir,
  type RelayServerOptions,
} from './startRelayServer';
import type { SinkOptions } from './types';

export { createRelay } from './createRelay';
export { handleNodeRequest, toNodeHandler } from './handleNodeRequest';
export { startRelayServer } from './startRelayServer';

const flagValue = (argv: string[], name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0
    ? argv[i + 1]
    : argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
};

/** Options from file, environment and flags. */
export const readCliOptions = (
  argv: string[],
  env: Record<string, string | undefined>,
): RelayServerOptions => {
  const configPath = flagValue(argv, '--config') ?? env.ZV_CONFIG;
  const file = configPath
    ? (JSON.parse(readFileSync(configPath, 'utf8')) as RelayServerOptions)
    : {};
  const options: RelayServerOptions = { ...file, ...readEnvOptions(env) };
  if (file.sinks && options.sinks !== file.sinks)
    options.sinks = [...file.sinks, ...options.sinks!];
  const port = flagValue(argv, '--port') ?? env.ZV_PORT;
  if (port !== undefined) options.port = Number(port);
  const host = flagValue(argv, '--host') ?? env.ZV_HOST;
  if (host !== undefined) options.host = host;
  options.dataDir =
    flagValue(argv, '--data-dir') ?? env.ZV_DATA_DIR ?? file.dataDir ?? '.data/relay';
  if (argv.includes('--ndjson-log') || flag(env, 'ZV_NDJSON_LOG')) options.ndjsonLog = true;
  // A PostgreSQL store takes the place of the SQLite file in the data directory.
  const postgres = env.ZV_POSTGRES_URL?.trim();
  if (postgres) options.sinks = [...(options.sinks ?? []), { type: 'postgres', url: postgres }];
  return options;
};

/**
 * `zorgvuldig-relay import <dir>`: the NDJSON day files of `dir` into the configured store (the
 * same file, `ZV_*` variables and flags as the server). Running it twice adds nothing.
 */
export const runImport = async (dir: string | undefined, options: RelayServerOptions) => {
  if (!dir) throw new Error('usage: zorgvuldig-relay import <dir with YYYY-MM-DD.ndjson files>');
  const configured = withDataDir(options.sinks, options.dataDir, false) ?? [];
  const store = configured.find(
    (sink): sink is SinkOptions => 'type' in sink && STORE_TYPES.has(sink.type),
  );
  const factory = store && NODE_SINKS[store.type];
  if (!store || !factory)
    throw new Error('zorgvuldig-relay import: no statistics store configured');
  const retentionDays = options.retentionDays ?? 30;
  const sink = factory(store, {
    now: Date.now,
    log: (message) => console.warn(message),
    retentionDays,
    statsThreshold: options.statsThreshold ?? 5,
    storeMaxBatch: options.storeMaxBatch ?? MAX_BATCH,
    // The import bounds what it has in flight itself (`concurrency` bodies): its writes never
    // meet the relay's queue limit, however large the bodies.
    storeMaxQueue: Infinity,
  });
  try {
    const result = await importNdjson(dir, sink, { retentionDays, ipLevel: options.ipLevel });
    console.log(
      `zorgvuldig-relay import: ${result.records} records from ${result.files} files into the ${sink.name} store` +
        ` (already stored ones are kept once); ${result.expired} past the ${retentionDays}-day retention and ${result.skipped} unreadable lines skipped`,
    );
  } finally {
    await sink.close?.();
  }
};

const runCli = async () => {
  const argv = process.argv.slice(2);
  const options = readCliOptions(argv, process.env);
  if (argv[0] === 'import') return runImport(argv[1], options);
  const server = await startRelayServer(options);
  console.log(`zorgvuldig relay listening on ${server.url}${options.basePath ?? '/zv'}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

const isMain = (): boolean => {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
};

if (isMain()) {
  runCli().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
