import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { truncateIp } from '../privacy/truncateIp';
import type { Sink, StoredRecord } from './types';

export interface ImportOptions {
  /** Records received longer ago than this are past retention and not imported. Default `30`. */
  retentionDays?: number;
  /** The relay's IP level: addresses are truncated again, in case a file holds a wider one. */
  ipLevel?: 1 | 2 | 3;
  now?: () => number;
  /** Bodies written at once (the store joins them into few transactions). Default `500`. */
  concurrency?: number;
}

export interface ImportResult {
  files: number;
  /** Records read and handed to the store (those it already had are stored once, not again). */
  records: number;
  /** Lines that are not a record of this relay: unreadable JSON or a record without its fields. */
  skipped: number;
  /** Records older than the retention period. */
  expired: number;
}

const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.ndjson$/;
const TYPES = new Set(['pageview', 'event', 'vitals', 'consent']);
const MS_PER_DAY = 864e5;

/** The record of one line, or `null` when the line is not one this relay wrote. */
const parseRecord = (line: string, ipLevel: 1 | 2 | 3): StoredRecord | null => {
  let record: StoredRecord;
  try {
    record = JSON.parse(line) as StoredRecord;
  } catch {
    return null;
  }
  if (typeof record !== 'object' || record === null || !TYPES.has(record.type)) return null;
  if (typeof record.received !== 'string' || Number.isNaN(Date.parse(record.received))) return null;
  if (record.type === 'consent' ? typeof record.id !== 'string' : typeof record.sid !== 'string')
    return null;
  if (record.type !== 'consent' && typeof (record as { url?: unknown }).url !== 'string')
    return null;
  record.ip = typeof record.ip === 'string' ? truncateIp(record.ip, ipLevel) : null;
  return record;
};

/** Records of one body share their received time, pseudonym and body id, and are adjacent. */
const bodyKey = (record: StoredRecord) =>
  `${record.received}\n${record.sid ?? ''}\n${'bid' in record ? (record.bid ?? '') : ''}\n${record.type === 'consent' ? record.id : ''}`;

/**
 * Imports the `YYYY-MM-DD.ndjson` files of `dir` (the NDJSON log, or the store of relays from
 * before the SQLite one) into a store sink. Idempotent: the store keys every record by its
 * content (and receipts by id), so a second import of the same files adds nothing. Records are
 * written body by body, as the relay wrote them, so the keys are the ones a live write gave.
 */
export const importNdjson = async (
  dir: string,
  sink: Sink,
  { retentionDays = 30, ipLevel = 2, now = Date.now, concurrency = 500 }: ImportOptions = {},
): Promise<ImportResult> => {
  if (!sink.write) throw new Error(`zorgvuldig import: the ${sink.name} sink cannot store records`);
  const write = sink.write.bind(sink);
  const names = (await readdir(dir)).filter((name) => DAY_FILE.test(name)).sort();
  const cutoff = now() - retentionDays * MS_PER_DAY;
  const result: ImportResult = { files: names.length, records: 0, skipped: 0, expired: 0 };
  let inFlight: Promise<void>[] = [];
  let body: StoredRecord[] = [];
  let key = '';
  const flushBody = async () => {
    if (!body.length) return;
    result.records += body.length;
    inFlight.push(write(body, {}));
    body = [];
    if (inFlight.length >= concurrency) {
      const writing = inFlight;
      inFlight = [];
      await Promise.all(writing);
    }
  };
  for (const name of names) {
    const lines = createInterface({
      input: createReadStream(join(dir, name)),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (!line.trim()) continue;
      const record = parseRecord(line, ipLevel);
      if (!record) {
        result.skipped++;
        continue;
      }
      if (Date.parse(record.received) < cutoff) {
        result.expired++;
        continue;
      }
      if (bodyKey(record) !== key) {
        await flushBody();
        key = bodyKey(record);
      }
      body.push(record);
    }
  }
  await flushBody();
  await Promise.all(inFlight);
  return result;
};
