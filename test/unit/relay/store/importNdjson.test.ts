import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRelay } from '../../../../src/relay/createRelay';
import { readCliOptions, runImport } from '../../../../src/relay/node';
import type { RelayOptions } from '../../../../src/relay/types';
import { beacon, hit, newSid, post } from '../support/defineRelaySuite';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zv-import-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const count = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** Beacons and a receipt as a relay with `sinks` stores them, on one day, from 192.0.2.1. */
const traffic = async (sinks: RelayOptions['sinks'], now: number) => {
  const relay = createRelay({ sinks, now: () => now, log: () => {} });
  const click = hit({ type: 'event', name: 'klik', props: { knop: 'bel' } });
  for (let i = 0; i < 3; i++) {
    const sid = newSid();
    const sent = await relay(
      post('/collect', { ...beacon(sid, [hit(), click, click]), bid: `body${sid}` }),
      { clientAddress: '192.0.2.1' },
    );
    expect(sent.status).toBe(202);
  }
  const receipt = await relay(
    post('/consent', {
      v: 1,
      id: newSid(),
      policy: '1',
      time: '2025-03-02T10:00:00Z',
      choices: { necessary: true, statistics: true },
      method: 'accept-all',
      objection: 'gpc',
    }),
    { clientAddress: '192.0.2.1' },
  );
  expect(receipt.status).toBe(202);
  await relay.close();
};

const NOW = Date.parse('2025-03-02T12:00:00Z');

describe('zorgvuldig-relay import <dir>', () => {
  const importInto = async (logDir: string, dataDir: string, now = NOW) => {
    vi.spyOn(Date, 'now').mockReturnValue(now);
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    await runImport(logDir, readCliOptions(['--data-dir', dataDir], {}));
    vi.restoreAllMocks();
    return printed.join('\n');
  };

  it('imports NDJSON day files into the SQLite store, and a second import adds nothing', async () => {
    const logDir = tempDir();
    await traffic([{ type: 'ndjson', dir: logDir }], NOW);
    // A line that is no record, and a record past the 30-day retention.
    appendFileSync(join(logDir, '2025-03-02.ndjson'), 'not json\n{"type":"pageview"}\n');
    appendFileSync(
      join(logDir, '2025-01-01.ndjson'),
      `${JSON.stringify({ received: '2025-01-01T10:00:00.000Z', ip: '192.0.0.0', sid: 'oldVisitorxxxxxxxxxxxx', type: 'pageview', time: '2025-01-01T10:00:00.000Z', url: 'https://site.example/oud' })}\n`,
    );
    const dataDir = tempDir();
    const file = join(dataDir, 'zorgvuldig.sqlite');
    const first = await importInto(logDir, dataDir);
    expect(first).toMatch(/10 records from 2 files into the sqlite store/);
    expect(first).toMatch(/1 past the 30-day retention and 2 unreadable lines skipped/);
    expect(count(file, 'hits')).toBe(9); // two identical clicks per body stay two
    expect(count(file, 'receipts')).toBe(1);
    expect(count(file, 'event_props')).toBe(6);
    await importInto(logDir, dataDir);
    expect(count(file, 'hits')).toBe(9);
    expect(count(file, 'receipts')).toBe(1);
  });

  it('adds nothing from a log that was written beside the same store', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'zorgvuldig.sqlite');
    await traffic(
      [
        { type: 'sqlite', file },
        { type: 'ndjson', dir: dataDir },
      ],
      NOW,
    );
    expect(count(file, 'hits')).toBe(9);
    const printed = await importInto(dataDir, dataDir);
    expect(printed).toMatch(/10 records from 1 files/);
    expect(count(file, 'hits')).toBe(9);
    expect(count(file, 'receipts')).toBe(1);
  });

  it('says what is missing', async () => {
    await expect(runImport(undefined, readCliOptions([], {}))).rejects.toThrow(/usage/);
    await expect(runImport(tempDir(), { sinks: [{ type: 'memory' }] })).rejects.toThrow(
      /no statistics store configured/,
    );
  });
});
