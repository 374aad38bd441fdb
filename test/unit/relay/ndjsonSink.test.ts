import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRelay } from '../../../src/relay/createRelay';
import { createNdjsonSink } from '../../../src/relay/sinks/createNdjsonSink';
import type { StoredHit, StoredRecord } from '../../../src/relay/types';
import { beacon, hit, newSid, post } from './support/defineRelaySuite';
import { CLIENT_ADDRESSES, FULL_ADDRESS_FRAGMENTS } from './support/fullAddresses';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zv-ndjson-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A clock on the day of the test records, so the retention sweep keeps them. */
const march = () => Date.parse('2025-03-02T12:00:00Z');

const record = (sid: string, received: string, extra: Partial<StoredHit> = {}): StoredRecord => ({
  received,
  ip: '203.0.0.0',
  sid,
  type: 'pageview',
  time: received,
  url: 'https://site.example/',
  ...extra,
});

/** Every byte in the directory, as text. */
const everyByte = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('');

describe('ndjson sink', () => {
  it('creates the directory and writes one file per UTC day, one record per line', async () => {
    const dir = join(tempDir(), 'nested', 'store');
    const sink = createNdjsonSink({ type: 'ndjson', dir }, march);
    await sink.write!(
      [record('a', '2025-03-01T23:59:59.000Z'), record('b', '2025-03-02T00:00:00.000Z')],
      {},
    );
    expect(readdirSync(dir).sort()).toEqual(['2025-03-01.ndjson', '2025-03-02.ndjson']);
    const line = readFileSync(join(dir, '2025-03-01.ndjson'), 'utf8');
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ sid: 'a', ip: '203.0.0.0' });
  });

  it('escapes U+2028 and U+2029, so a record never reads as two lines', async () => {
    const dir = tempDir();
    const sink = createNdjsonSink({ type: 'ndjson', dir }, march);
    const name = 'een\u2028twee\u2029drie';
    await sink.write!([record('a', '2025-03-01T10:00:00.000Z', { name })], {});
    const text = readFileSync(join(dir, '2025-03-01.ndjson'), 'utf8');
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).toContain('\\u2028');
    expect((JSON.parse(text) as StoredHit).name).toBe(name);
    expect((await sink.recent!(10))[0]).toMatchObject({ name });
  });

  it('leaves whole lines under many concurrent writes', async () => {
    const dir = tempDir();
    const sink = createNdjsonSink({ type: 'ndjson', dir }, march);
    const big = 'x'.repeat(5000);
    const writes = Array.from({ length: 400 }, (_, i) =>
      sink.write!(
        [
          record(`s${i}`, '2025-03-01T10:00:00.000Z', { name: big }),
          record(`t${i}`, '2025-03-01T10:00:00.000Z'),
        ],
        {},
      ),
    );
    await Promise.all(writes);
    const lines = readFileSync(join(dir, '2025-03-01.ndjson'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(800);
    const sids = new Set(lines.map((line) => (JSON.parse(line) as StoredRecord).sid));
    expect(sids.size).toBe(800);
  });

  it('deletes day files older than the retention and nothing else', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '2025-01-01.ndjson'), '{}\n');
    writeFileSync(join(dir, '2025-02-20.ndjson'), '{}\n');
    writeFileSync(join(dir, 'notes.txt'), 'keep');
    const now = () => Date.parse('2025-03-01T12:00:00Z');
    const sink = createNdjsonSink({ type: 'ndjson', dir, retentionDays: 30 }, now);
    await sink.write!([record('a', '2025-03-01T12:00:00.000Z')], {});
    expect(readdirSync(dir).sort()).toEqual([
      '2025-02-20.ndjson',
      '2025-03-01.ndjson',
      'notes.txt',
    ]);
  });

  it('forgets a pseudonym and receipt ids by rewriting files atomically', async () => {
    const dir = tempDir();
    const sink = createNdjsonSink({ type: 'ndjson', dir }, march);
    await sink.write!(
      [
        record('gone', '2025-03-01T10:00:00.000Z'),
        record('kept', '2025-03-01T10:00:00.000Z'),
        {
          type: 'consent',
          received: '2025-03-02T10:00:00.000Z',
          ip: null,
          id: 'receipt-to-forget-1',
          policy: '1',
          time: '2025-03-02T10:00:00.000Z',
          choices: { necessary: true },
          method: 'api',
        },
        record('gone', '2025-03-02T10:00:00.000Z'),
      ],
      {},
    );
    expect(await sink.forget!({ sid: 'gone', receipts: ['receipt-to-forget-1'] })).toBe(3);
    const left = [];
    for await (const r of sink.scan!()) left.push(r);
    expect(left.map((r) => r.sid)).toEqual(['kept']);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('cuts a half line left by a crash before appending after it', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, '2025-03-01.ndjson'),
      `${JSON.stringify(record('whole', '2025-03-01T01:00:00.000Z'))}\n{"received":"2025-03-01T0`,
    );
    const sink = createNdjsonSink({ type: 'ndjson', dir }, march);
    await sink.write!([record('after', '2025-03-01T02:00:00.000Z')], {});
    const lines = readFileSync(join(dir, '2025-03-01.ndjson'), 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).sid)).toEqual(['whole', 'after']);
  });

  it('answers 503 when the store cannot be written, and logs no personal data', async () => {
    // A path under a regular file can never be created, even by root (a read-only dir can).
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, '');
    const logged: string[] = [];
    const relay = createRelay({
      sinks: [{ type: 'ndjson', dir: join(file, 'store') }],
      log: (m) => logged.push(m),
    });
    const sid = newSid();
    const response = await relay(post('/collect', beacon(sid)), { clientAddress: '192.0.2.1' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toMatch(new RegExp(`${sid}|192\\.0|thuiszorg`));
  });

  it('keeps the full client IP out of every byte written, through the relay', async () => {
    const dir = tempDir();
    const relay = createRelay({
      sinks: [{ type: 'ndjson', dir }],
      allowedOrigins: ['https://site.example'],
      trustedProxies: ['10.0.0.0/8'],
      exposeRecords: true,
    });
    const ips = CLIENT_ADDRESSES;
    for (const ip of ips) {
      expect(
        (
          await relay(
            post(
              '/collect',
              beacon(newSid(), [hit(), hit({ type: 'vitals', timing: { lcp: 900 } })]),
            ),
            { clientAddress: ip },
          )
        ).status,
      ).toBe(202);
      expect(
        (
          await relay(
            post('/consent', {
              v: 1,
              id: newSid(),
              policy: '1',
              time: '2025-01-01T00:00:00Z',
              choices: { necessary: true },
              method: 'api',
            }),
            { clientAddress: '10.0.0.1' },
            {},
          )
        ).status,
      ).toBe(202);
      expect(
        (
          await relay(post('/collect', beacon(newSid()), { 'x-forwarded-for': ip }), {
            clientAddress: '10.0.0.1',
          })
        ).status,
      ).toBe(202);
    }
    const bytes = everyByte(dir);
    expect(bytes.split('\n').filter(Boolean)).toHaveLength(ips.length * 4);
    for (const leak of FULL_ADDRESS_FRAGMENTS) {
      expect(bytes, leak).not.toContain(leak);
    }
    expect(bytes).toContain('"ip":"192.0.0.0"');
    expect(bytes).toContain('"ip":"2001:db8:85a3::"');
    expect(bytes).toContain('"ip":"198.51.0.0"');
  });
});
