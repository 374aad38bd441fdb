import { chromium, type Browser, type LaunchOptions } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOOGLE_HOSTS } from '../../../src/config/googleDefaults';
import { matchHost } from '../../../src/lib/matchHost';
import { test as base } from './build';
import { chromiumArgs, chromiumExecutable } from './chromium';

/**
 * Every request Chromium makes goes through this proxy on 127.0.0.1, so a request the page makes
 * where Playwright cannot see it (a `sendBeacon` during `pagehide`, a preload-scanner fetch, a
 * service worker's) is still in the log. It answers Google's hosts itself (TLS terminated with a
 * throwaway self-signed certificate; Chromium runs with `--ignore-certificate-errors`), forwards
 * loopback requests to the demo server, answers the test's third-party host, and refuses the rest.
 */
export interface ProxyEntry {
  /** `CONNECT` for a tunnel, else the HTTP method. */
  method: string;
  host: string;
  /** Full URL of a request; `host:port` of a tunnel. */
  url: string;
  body: string;
}

export interface RecordingProxy {
  port: number;
  log: ProxyEntry[];
  /** Entries (tunnels and requests) to a Google Analytics / Tag Manager / DoubleClick host. */
  google(): ProxyEntry[];
  clear(): void;
  close(): Promise<void>;
}

/** A non-Google third party the page may call; it answers with CORS so `fetch` can read it. */
export const THIRD_PARTY = 'third-party.test';

export const isGoogleHost = (host: string) =>
  GOOGLE_HOSTS.some((pattern) => matchHost(host, pattern));

/**
 * A stand-in for gtag.js that behaves as the real one does where it matters: it reads the
 * `dataLayer` (entries already there, then every push), keeps the consent state, writes `_ga`
 * cookies when analytics storage is granted (session-only when `cookie_expires` is 0), sends a
 * collect hit per `config` and per `event` (cookieless when denied, as Advanced Consent Mode
 * does) and a `user_engagement` beacon on `pagehide`. Like the real one, it ignores a
 * `ga-disable-<id>` set after it started. `window.gtagStub` records what it processed.
 */
const GTAG_STUB = `(() => {
  const stub = (window.gtagStub = { commands: [], hits: 0 });
  const consent = {};
  const fields = {};
  let id = 'G-UNSET';
  const granted = () => consent.analytics_storage === 'granted';
  const writeCookies = () => {
    const life = fields.cookie_expires === 0 ? '' : '; max-age=63072000';
    document.cookie = '_ga=GA1.1.1234567890.1700000000; path=/' + life;
    document.cookie = '_ga_' + id.slice(2) + '=GS1.1.1700000000.1.0; path=/' + life;
  };
  stub.writeCookies = writeCookies;
  const hit = (name) => {
    stub.hits++;
    const url = 'https://www.google-analytics.com/g/collect?v=2&tid=' + id + '&en=' + name +
      '&gcs=' + (granted() ? 'G111' : 'G100') + '&dl=' + encodeURIComponent(fields.page_location || location.href);
    if (granted()) writeCookies();
    // Counted page-wide (two copies may run): a test waits for this many to reach the proxy.
    if (navigator.sendBeacon(url)) window.gtagStubBeacons = (window.gtagStubBeacons || 0) + 1;
  };
  const run = (entry) => {
    const [command, a, b] = Array.from(entry);
    stub.commands.push([command, a, b]);
    if (command === 'consent') Object.assign(consent, b);
    if (command === 'set') Object.assign(fields, typeof a === 'object' ? a : { [a]: b });
    if (command === 'config') {
      id = a;
      Object.assign(fields, b);
      hit('page_view');
    }
    if (command === 'event') hit(a);
  };
  const dataLayer = (window.dataLayer = window.dataLayer || []);
  dataLayer.forEach(run);
  const push = dataLayer.push;
  dataLayer.push = function (...entries) {
    entries.forEach(run);
    return push.apply(this, entries);
  };
  addEventListener('pagehide', () => hit('user_engagement'));
})();`;

const GTM_STUB = `window.gtmStub = (window.gtmStub || 0) + 1;`;

/** A self-signed certificate for the Google hosts, made with the system's openssl. */
const makeCertificate = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zv-proxy-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=zorgvuldig-test',
        '-addext',
        'subjectAltName=DNS:*.google-analytics.com,DNS:*.googletagmanager.com,DNS:*.doubleclick.net',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });

/** What the proxy answers for a Google or third-party host. */
const answer = (url: URL, req: IncomingMessage, res: ServerResponse) => {
  const noStore = { 'Cache-Control': 'no-store' };
  if (url.hostname === THIRD_PARTY) {
    res.writeHead(200, {
      ...noStore,
      'Content-Type': 'application/json',
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'X-Answered-By': 'third-party',
    });
    res.end(JSON.stringify({ third: true, method: req.method, path: url.pathname + url.search }));
  } else if (url.pathname.startsWith('/gtag/js')) {
    res.writeHead(200, { ...noStore, 'Content-Type': 'text/javascript' }).end(GTAG_STUB);
  } else if (url.pathname.startsWith('/gtm.js')) {
    res.writeHead(200, { ...noStore, 'Content-Type': 'text/javascript' }).end(GTM_STUB);
  } else {
    // collect endpoints, pixels, iframes: GA answers 204.
    res
      .writeHead(204, { ...noStore, 'Access-Control-Allow-Origin': req.headers.origin ?? '*' })
      .end();
  }
};

const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost';

/** Starts the proxy on a random loopback port. */
export const startRecordingProxy = async (): Promise<RecordingProxy> => {
  const log: ProxyEntry[] = [];

  const handle = (secure: boolean) => async (req: IncomingMessage, res: ServerResponse) => {
    // A proxy gets absolute URLs; a terminated tunnel gets paths plus a Host header.
    const url = new URL(req.url ?? '/', `${secure ? 'https' : 'http'}://${req.headers.host}`);
    if (isLoopback(url.hostname)) {
      log.push({ method: req.method ?? 'GET', host: url.hostname, url: url.href, body: '' });
      const upstream = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method: req.method,
          path: url.pathname + url.search,
          headers: req.headers,
        },
        (reply) => {
          res.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    const body = await readBody(req);
    log.push({ method: req.method ?? 'GET', host: url.hostname, url: url.href, body });
    if (isGoogleHost(url.hostname) || url.hostname === THIRD_PARTY) answer(url, req, res);
    else res.writeHead(403, { 'Content-Type': 'text/plain' }).end('refused by the test proxy');
  };

  const tls = createHttpsServer(makeCertificate(), handle(true));
  const server = createServer(handle(false));
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    const target = req.url ?? '';
    const host = target.replace(/:\d+$/, '');
    log.push({ method: 'CONNECT', host, url: target, body: '' });
    socket.on('error', () => {});
    if (isGoogleHost(host) || host === THIRD_PARTY) {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      tls.emit('connection', socket);
    } else {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    port: (server.address() as AddressInfo).port,
    log,
    google: () => log.filter((entry) => isGoogleHost(entry.host)),
    clear: () => void log.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
};

/** Chromium with every request, loopback included, sent through `proxy`. */
export const launchBehindProxy = (proxy: RecordingProxy, options: LaunchOptions = {}) =>
  chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      ...chromiumArgs,
      `--proxy-server=http://127.0.0.1:${proxy.port}`,
      '--proxy-bypass-list=<-loopback>',
      '--ignore-certificate-errors',
    ],
    ...options,
  });

/**
 * Playwright fixtures: a Chromium per worker whose every request goes through the recording
 * proxy (`<-loopback>` removes the implicit loopback bypass, so the demo server's traffic is
 * recorded as well), and `recorder`, the same proxy with its log cleared before each test. It
 * extends the build choice of `./build`, so these specs also run against the one-file build.
 */
export const test = base.extend<
  { recorder: RecordingProxy },
  { proxyServer: RecordingProxy; browser: Browser }
>({
  proxyServer: [
    async ({}, use) => {
      const proxy = await startRecordingProxy();
      await use(proxy);
      await proxy.close();
    },
    { scope: 'worker' },
  ],
  browser: [
    async ({ proxyServer }, use) => {
      const browser = await launchBehindProxy(proxyServer);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  recorder: async ({ proxyServer }, use) => {
    proxyServer.clear();
    await use(proxyServer);
  },
});

export { expect } from '@playwright/test';
