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
  ...options
}: RelayServerOptions = {}): Promise<RelayServer> => {
  const sinks = options.sinks ?? (dataDir ? [] : undefined);
  if (dataDir && !sinks?.some((sink) => 'type' in sink && sink.type === 'ndjson')) {
    sinks?.unshift({ type: 'ndjson', dir: dataDir, retentionDays });
  }
  const relay = createRelay({ ...options, sinks });
  const server = createServer({ keepAlive: true }, toNodeHandler(relay));
  // Slow-loris guard: a request must arrive whole within 15 s (headers within 10 s).
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
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
