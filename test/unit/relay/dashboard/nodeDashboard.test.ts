import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { createRelay as CreateRelay } from '../../../../src/relay/createRelay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayServer, type RelayServer } from '../../../../src/relay/startRelayServer';

/** The dashboard over real HTTP on node:http: the adapter hands the relay its session cookie. */
describe('dashboard on the node:http adapter', () => {
  let server: RelayServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zv-dashboard-'));
    server = await startRelayServer({ port: 0, dataDir: dir, statsToken: 'tok', rateLimit: false });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in and reads the data with the session cookie among the site’s other cookies', async () => {
    const page = await (await fetch(`${server.url}/zv/dashboard`)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1];
    const signIn = await fetch(`${server.url}/zv/dashboard/session`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: new URLSearchParams({ csrf, token: 'tok' }).toString(),
    });
    expect(signIn.status).toBe(303);
    const session = /zv_dashboard=[^;]+/.exec(signIn.headers.get('set-cookie')!)![0];
    const data = await fetch(`${server.url}/zv/dashboard/data?from=2026-12-01&to=2026-12-01`, {
      headers: { cookie: `_ga=GA1.1.123; ${session}; other=1` },
    });
    expect(data.status).toBe(200);
    expect(await data.json()).toMatchObject({ range: { from: '2026-12-01', to: '2026-12-01' } });
    const without = await fetch(`${server.url}/zv/dashboard/data?from=2026-12-01&to=2026-12-01`, {
      headers: { cookie: '_ga=GA1.1.123' },
    });
    expect(without.status).toBe(401);
  });

  it('the built Node bundle carries the page script and stylesheet as they were built', async () => {
    const built = fileURLToPath(new URL('../../../../dist/relay.mjs', import.meta.url));
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
    const { createRelay } = (await import(built)) as { createRelay: typeof CreateRelay };
    const relay = createRelay({ statsToken: 'tok', sinks: [{ type: 'memory' }] });
    for (const [name, type] of [
      ['dashboard.js', 'text/javascript; charset=utf-8'],
      ['dashboard.css', 'text/css; charset=utf-8'],
    ]) {
      const response = await relay(
        new Request(`https://stats.example/zv/dashboard/assets/${name}`),
      );
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe(
        readFileSync(new URL(`../../../../dist/dashboard/${name}`, import.meta.url), 'utf8'),
      );
    }
    const missing = await relay(new Request('https://stats.example/zv/dashboard/assets/x.js'));
    expect(missing.status).toBe(404);
  });
});
