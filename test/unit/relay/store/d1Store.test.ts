import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { vi } from 'vitest';
import { createD1Driver, type D1DatabaseLike } from '../../../../src/relay/store/createD1Driver';
import { defineStoreSuite } from './support/defineStoreSuite';

// Each statement crosses from Node into workerd and back (miniflare's proxy of the binding),
// so a batch of a few hundred statements takes seconds here that it does not take in a Worker.
vi.setConfig({ testTimeout: 30_000 });

/** Every file under `dir`, as text. */
const filesUnder = (dir: string): string =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('latin1'))
    .join('');

/**
 * The store suite on D1: per case a workerd of its own (miniflare) with a `ZV_D1` binding kept
 * in a temporary directory, so what D1 wrote to disk can be searched byte by byte. The driver
 * runs here and every statement on D1's engine in workerd (`getD1Database()`).
 */
defineStoreSuite('Cloudflare D1 (miniflare)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zv-d1-'));
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response(null, { status: 204 }) };',
    compatibilityDate: '2025-01-01',
    d1Databases: ['ZV_D1'],
    d1Persist: dir,
  });
  const database = (await mf.getD1Database('ZV_D1')) as unknown as D1DatabaseLike;
  return {
    driver: createD1Driver(database),
    storedBytes: async () => filesUnder(dir),
    dispose: async () => {
      await mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
