#!/usr/bin/env node
// The QA demo: serves demo/ at `/`, the built SDK at `/dist/`, the test fixtures at `/fixtures/`,
// and the relay at `/zv` with the embedded SQLite store (and an NDJSON log beside it) on disk.
// Nothing leaves localhost.
//   node demo/server.mjs [--port 8080] [--host 127.0.0.1] [--data-dir .data/demo] [--stats-token T]
// The statistics dashboard is at /zv/dashboard, signed in with the demo's stats token (printed
// at start; a fixed one, as the demo listens on this machine only).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string', default: join(root, '.data', 'demo') },
    'stats-token': { type: 'string', default: process.env.ZV_STATS_TOKEN ?? 'demo' },
    // The browser tests send many beacons from one (truncated) address in parallel.
    'no-rate-limit': { type: 'boolean', default: false },
  },
});

const MOUNTS = [
  ['/dist/', join(root, 'dist')],
  ['/fixtures/', join(root, 'test', 'e2e', 'fixtures')],
  ['/', join(root, 'demo')],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
// `?csp=strict` serves a page under a CSP without 'unsafe-inline'; `?csp=tt` adds Trusted Types.
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'";
const CSP = {
  strict: STRICT_CSP,
  tt: `${STRICT_CSP}; require-trusted-types-for 'script'; trusted-types zorgvuldig demo`,
};

if (!existsSync(join(root, 'dist', 'zorgvuldig.min.js'))) {
  console.error('demo: dist/ is missing. Run `npm run build` first (`npm run demo` does).');
  process.exit(1);
}

/** The relay, when it is built: mounted at /zv, its SQLite store and NDJSON log in --data-dir. */
const relay = await (async () => {
  const entry = join(root, 'dist', 'relay.mjs');
  if (!existsSync(entry)) return null;
  const { createRelay, handleNodeRequest } = await import(entry);
  const dir = resolve(args['data-dir']);
  const handler = createRelay({
    basePath: '/zv',
    sinks: [
      { type: 'sqlite', file: join(dir, 'zorgvuldig.sqlite') },
      { type: 'ndjson', dir },
    ],
    // The QA cockpit, the dashboard and their browser tests use this token; a real relay sets its own.
    statsToken: args['stats-token'],
    exposeRecords: true,
    ...(args['no-rate-limit'] ? { rateLimit: false } : {}),
    allowedOrigins: [`http://${args.host}:${args.port}`, `http://localhost:${args.port}`],
  });
  const handle = (req, res) => handleNodeRequest(handler, req, res);
  return Object.assign(handle, { close: () => handler.close() });
})();

const sendFile = (res, file, query) => {
  const headers = {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  };
  if (extname(file) === '.html' && CSP[query.get('csp')])
    headers['Content-Security-Policy'] = CSP[query.get('csp')];
  if (file.endsWith('zorgvuldig-sw.js')) headers['Service-Worker-Allowed'] = '/';
  // The core loads its parts with `crossorigin="anonymous"` and an integrity hash; where the page
  // has another origin (a sandboxed frame's is opaque, a CDN's differs) the check needs CORS.
  if (/\/dist\/zorgvuldig[\w.-]*\.js$/.test(file)) headers['Access-Control-Allow-Origin'] = '*';
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
};

const resolveFile = (pathname) => {
  for (const [prefix, dir] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    let file = normalize(join(dir, decodeURIComponent(pathname.slice(prefix.length))));
    if (!file.startsWith(dir + sep) && file !== dir) return null; // No way out of the mount.
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    return existsSync(file) ? file : null;
  }
  return null;
};

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    return;
  }
  if (url.pathname.startsWith('/zv/') || url.pathname === '/zv') {
    if (relay) return relay(req, res);
    res
      .writeHead(503, { 'Content-Type': 'application/json' })
      .end('{"error":"relay is not built"}');
    return;
  }
  let file = null;
  try {
    file = resolveFile(url.pathname);
  } catch {
    // Malformed percent-encoding in the path: treat as not found.
  }
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  sendFile(res, file, url.searchParams);
});

server.listen(Number(args.port), args.host, () => {
  console.log(
    `zorgvuldig demo: http://${args.host}:${args.port}/  (relay ${relay ? 'at /zv' : 'not built'}, store ${resolve(args['data-dir'])})`,
  );
  if (relay) {
    console.log(
      `statistics dashboard: http://${args.host}:${args.port}/zv/dashboard  (token: ${args['stats-token']})`,
    );
  }
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () =>
    server.close(() => void Promise.resolve(relay?.close()).finally(() => process.exit(0))),
  );
