import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRelay } from './createRelay';
import { toNodeHandler } from './handleNodeRequest';
import type { RelayOptions } from './types';

/** Options of `startRelayServer()`: the relay's own plus where to listen and store. */
export interface RelayServerOptions extends RelayOptions {
  /** TCP port; `0` picks a free one. Default `8787`. */
  port?: number;
  /** Interface to listen on. Default `'127.0.0.1'` (put a TLS proxy in front). */
  host?: string;
  /** Directory of the ndjson store; adds an ndjson sink unless `sinks` has one. Default: none. */
  dataDir?: string;
  /** Days the ndjson store keeps. Default `30`. */
  retentionDays?: number;
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

/** Starts the relay on `node:http`. Resolves once it listens. */
export const startRelayServer = async ({
  port = 8787,
  host = '127.0.0.1',
  dataDir,
  retentionDays,
  headersTimeoutMs = 10_000,
  requestTimeoutMs,
  ...options
}: RelayServerOptions = {}): Promise<RelayServer> => {
  const sinks = options.sinks ?? (dataDir ? [] : undefined);
  if (dataDir && !sinks?.some((sink) => 'type' in sink && sink.type === 'ndjson')) {
    sinks?.unshift({ type: 'ndjson', dir: dataDir, retentionDays });
  }
  const relay = createRelay({ ...options, sinks });
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
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
