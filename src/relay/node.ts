/**
 * The `zorgvuldig-relay` command. Configuration from a JSON file (`--config relay.json`),
 * then `ZV_*` environment variables, then flags (`--port`, `--host`, `--data-dir`), later
 * winning. Importing this module starts nothing unless it is the program being run.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flag, readEnvOptions } from './readEnvOptions';
import { startRelayServer, type RelayServerOptions } from './startRelayServer';

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
  return options;
};

const runCli = async () => {
  const options = readCliOptions(process.argv.slice(2), process.env);
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
