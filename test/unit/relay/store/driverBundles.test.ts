/**
 * The database drivers stay where they belong in the build (`npm run build` first): neither
 * `pg` nor better-sqlite3 reaches the Worker bundle or a browser bundle, and the Node relay
 * loads them only with `import()`, so a relay that uses neither never loads them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../../../dist/', import.meta.url));
const read = (file: string) => {
  if (!existsSync(dist + file)) throw new Error(`dist/${file} is missing: run npm run build first`);
  return readFileSync(dist + file, 'utf8');
};
/** Static imports of a module: `import … from 'pg'` or `import 'pg'`. */
const staticImport = (name: string) => new RegExp(`import[^;()]*['"]${name}['"]`);

describe('database drivers in the build', () => {
  it('are in no Worker or browser bundle', () => {
    for (const file of ['relay-worker.mjs', 'zorgvuldig.min.js', 'zorgvuldig.mjs', 'scrub.mjs']) {
      const code = read(file);
      for (const marker of ['pg_advisory_lock', 'better-sqlite3', "'pg'", '"pg"']) {
        expect(code, `${file} has ${marker}`).not.toContain(marker);
      }
    }
  });

  it('are loaded by the Node relay only with import(), when a store needs them', () => {
    // Every chunk the Node entries load at start: static imports, followed from the entries.
    const loaded = new Set<string>();
    const follow = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const [, chunk] of read(file).matchAll(/(?:from|import)\s*['"]\.\/([^'"]+\.mjs)['"]/g)) {
        follow(chunk!);
      }
    };
    follow('relay.mjs');
    follow('relay-node.mjs');
    expect(loaded.size).toBeGreaterThan(2);
    for (const file of loaded) {
      expect(read(file), file).not.toMatch(staticImport('pg'));
      expect(read(file), file).not.toMatch(staticImport('better-sqlite3'));
    }
    const all = readdirSync(dist).filter((name) => name.endsWith('.mjs'));
    expect(all.filter((name) => /import\(\s*['"]pg['"]\s*\)/.test(read(name)))).toHaveLength(1);
  });
});
