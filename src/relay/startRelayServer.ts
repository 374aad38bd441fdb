import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createRelay } from './createRelay';
import { toNodeHandler } from './handleNodeRequest';
import type { RelayOptions } from './types';

/** Options of `startRelayServer()`: the relay's own plus where to listen and store. */
export interface RelayServerOptions extends RelayOptions {
  /** TCP port; `0` picks a free one. Default `8787`. */
  port?: number;
  /** Interface to listen on. Default `'127.0.0.1'` (put a TLS proxy in front). */
  host?: string;
  /**
   * Data directory. The statistics store goes here as `zorgvuldig.sqlite` unless `sinks` has a
   * store already; a `sqlite` sink without `file` gets that file. Default: none.
   */
  dataDir?: string;
  /** Also writes every record to `YYYY-MM-DD.ndjson` files in `dataDir` (a log to export). Default `false`. */
  ndjsonLog?: boolean;
  /** Time a client has to send the request headers, in ms (slow-loris guard). Default `10000`. */
  headersTimeoutMs?: number;
  /** Time a client has to send the whole request, in ms. Default: headers plus body timeout. */
  requestTimeoutMs?: number;
}

/** A running relay server. */
export interface RelayServer {
  server: Server;
  /** `http://host:port`, without the base path. */
  url: string;
  close(): Promise<void>;
}

/** Sink types that are a statistics store: with one configured, no SQLite file is added. */
export const STORE_TYPES = new Set(['sqlite', 'postgres', 'd1']);

/** The configured sinks with the data directory's store (and NDJSON log) filled in. */
export const withDataDir = (
  configured: RelayOptions['sinks'],
  dataDir: string | undefined,
  ndjsonLog: boolean,
): RelayOptions['sinks'] => {
  if (!dataDir) return configured;
  const file = join(dataDir, 'zorgvuldig.sqlite');
  const sinks = (configured ?? []).map((sink) =>
    'type' in sink && sink.type === 'sqlite' && !sink.file ? { ...sink, file } : sink,
  );
  if (!sinks.some((sink) => 'type' in sink && STORE_TYPES.has(sink.type))) {
    sinks.unshift({ type: 'sqlite', file });
  }
  if (ndjsonLog && !sinks.some((sink) => 'type' in sink && sink.type === 'ndjson')) {
    sinks.push({ type: 'ndjson', dir: dataDir });
  }
  return sinks;
};

/** Starts the relay on `node:http`. Resolves once it listens. */
export const startRelayServer = async ({
  port = 8787,
  host = '127.0.0.1',
  dataDir,
  ndjsonLog = false,
  headersTimeoutMs = 10_000,
  requestTimeoutMs,
  ...options
}: RelayServerOptions = {}): Promise<RelayServer> => {
  const relay = createRelay({ ...options, sinks: withDataDir(options.sinks, dataDir, ndjsonLog) });
  const requestTimeout = requestTimeoutMs ?? headersTimeoutMs + relay.bodyTimeoutMs;
  if (requestTimeout < headersTimeoutMs) {
    throw new Error(
      'zorgvuldig startRelayServer(): requestTimeoutMs must not be below headersTimeoutMs',
    );
  }
  // Slow-loris guard. Node checks these timeouts only every `connectionsCheckingInterval`
  // (30 s by default), so a slow-header client would be kept ~31 s whatever was configured;
  // checking at a tenth of the headers timeout closes it close to the configured time.
  const server = createServer(
    {
      keepAlive: true,
      headersTimeout: headersTimeoutMs,
      requestTimeout,
      connectionsCheckingInterval: Math.min(1000, Math.max(25, headersTimeoutMs / 10)),
    },
    toNodeHandler(relay),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shown}:${address.port}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await relay.close();
    },
  };
};
