// The bench's only origin: a node:http server on 127.0.0.1 serving dist/, node_modules/ (the
// peers), generated pages and bundles, and a stand-in for the endpoints the subjects beacon to.
// Files go out uncompressed and uncached: transfer sizes are computed from the bytes, once.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};
// What the relay and Plausible's API would answer; their work is not what is measured here.
const SINKS = [
  [/^\/zv\//, 204],
  [/^\/api\/event/, 202],
];
const STATIC_ROOTS = ['/dist/', '/node_modules/'];

/**
 * Starts the server. `generated` maps a path to `{ body, type }` for pages and bundles made in
 * memory. Every body served is kept in `served` (path → Buffer) so sizes come from what loaded.
 */
export const startServer = async (root, generated) => {
  const served = new Map();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const sink = SINKS.find(([pattern]) => pattern.test(path));
    if (sink) {
      request.resume();
      return response.writeHead(sink[1], { 'cache-control': 'no-store' }).end();
    }
    let body = generated.get(path)?.body;
    let type = generated.get(path)?.type;
    const safe = normalize(path);
    if (!body && STATIC_ROOTS.some((prefix) => safe.startsWith(prefix))) {
      body = await readFile(join(root, safe)).catch(() => undefined);
      type = TYPES[extname(safe)] ?? 'application/octet-stream';
    }
    if (!body) return response.writeHead(404).end();
    const bytes = Buffer.from(body);
    served.set(path, bytes);
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(bytes);
  });
  // Many page loads in a row: keep-alive sockets would otherwise pile up per context.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, served, close: () => new Promise((resolve) => server.close(resolve)) };
};
