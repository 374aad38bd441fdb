import type { HitTiming } from '../../protocol/types';
import type { StoredHit, StoredReceipt, StoredRecord } from '../types';
import type { SqlDriver, SqlValue } from './types';

type Row = Record<string, SqlValue>;

/** PostgreSQL drivers return BIGINT and some aggregates as strings; every backend gives numbers here. */
export const toNumber = (value: SqlValue | undefined): number | undefined =>
  value === null || value === undefined ? undefined : Number(value);

const toText = (value: SqlValue | undefined): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

const TIMINGS = ['ttfb', 'fcp', 'lcp', 'cls', 'inp', 'load'] as const;

/** A stored hit as the relay wrote it, from its row (only the fields it had). */
const hitOf = (row: Row): StoredHit => {
  const hit = {
    received: new Date(Number(row.received)).toISOString(),
    ip: toText(row.ip) ?? null,
    sid: String(row.sid),
    type: row.type,
    time: String(row.time),
    url: String(row.url),
  } as StoredHit;
  if (row.clock_skew) hit.clockSkew = true;
  if (row.bid !== null) hit.bid = String(row.bid);
  if (row.prev !== null) hit.prev = String(row.prev);
  if (row.ref !== null) hit.ref = String(row.ref);
  if (row.browser !== null) {
    hit.ua = {
      browser: String(row.browser),
      version: toNumber(row.version) ?? null,
      os: String(row.os),
      device: row.device as NonNullable<StoredHit['ua']>['device'],
    };
  }
  if (row.lang !== null) hit.lang = String(row.lang);
  if (row.status !== null) hit.status = Number(row.status);
  if (row.transfer !== null || row.body_bytes !== null) {
    hit.bytes = {};
    if (row.transfer !== null) hit.bytes.transfer = Number(row.transfer);
    if (row.body_bytes !== null) hit.bytes.body = Number(row.body_bytes);
  }
  const timing: HitTiming = {};
  for (const metric of TIMINGS) if (row[metric] !== null) timing[metric] = Number(row[metric]);
  if (Object.keys(timing).length) hit.timing = timing;
  if (row.name !== null) hit.name = String(row.name);
  if (row.props !== null) hit.props = JSON.parse(String(row.props)) as StoredHit['props'];
  return hit;
};

const receiptOf = (row: Row): StoredReceipt => {
  const receipt: StoredReceipt = {
    type: 'consent',
    received: new Date(Number(row.received)).toISOString(),
    ip: toText(row.ip) ?? null,
    id: String(row.id),
    policy: String(row.policy),
    time: String(row.time),
    choices: JSON.parse(String(row.choices)) as Record<string, boolean>,
    method: row.method as StoredReceipt['method'],
  };
  if (row.objection !== null) receipt.objection = row.objection as StoredReceipt['objection'];
  if (row.sid !== null) receipt.sid = String(row.sid);
  return receipt;
};

/**
 * The last `limit` records of both tables, oldest first. Hits keep their storage order (`id`);
 * receipts are merged in by the time they were received.
 */
export const readRecentRecords = async (
  driver: SqlDriver,
  limit: number,
): Promise<StoredRecord[]> => {
  const [hits, receipts] = await Promise.all([
    driver.all<Row>({ sql: 'SELECT * FROM hits ORDER BY id DESC LIMIT ?', params: [limit] }),
    driver.all<Row>({
      sql: 'SELECT * FROM receipts ORDER BY received DESC, id DESC LIMIT ?',
      params: [limit],
    }),
  ]);
  const merged: { received: number; order: number; record: StoredRecord }[] = [
    ...hits.map((row, i) => ({ received: Number(row.received), order: -i, record: hitOf(row) })),
    ...receipts.map((row, i) => ({
      received: Number(row.received),
      order: -i,
      record: receiptOf(row),
    })),
  ];
  merged.sort((a, b) => a.received - b.received || a.order - b.order);
  return merged.slice(Math.max(0, merged.length - limit)).map((entry) => entry.record);
};
