import { hitIdentities, hitKey, keyOfHit } from '../hitIdentities';
import { pageOfUrl } from '../pageOfUrl';
import type { StoredHit, StoredReceipt, StoredRecord } from '../types';
import type { SqlStatement, SqlValue } from './types';

const HIT_COLUMNS = [
  'key',
  'day',
  'received',
  'time',
  'type',
  'url',
  'page',
  'prev',
  'ref',
  'browser',
  'version',
  'os',
  'device',
  'lang',
  'status',
  'transfer',
  'body_bytes',
  'ttfb',
  'load',
  'fcp',
  'lcp',
  'cls',
  'inp',
  'name',
  'props',
  'clock_skew',
  'bid',
  'sid',
  'ip',
] as const;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

// A row that is already stored (same key) is left as it is: storing a record twice is a retry.
const INSERT_HIT = `INSERT INTO hits (${HIT_COLUMNS.join(', ')}) VALUES (${placeholders(HIT_COLUMNS.length)}) ON CONFLICT (key) DO NOTHING`;
const INSERT_PROP =
  'INSERT INTO event_props (hit_key, day, received, page, name, prop, value) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hit_key, prop) DO NOTHING';
const INSERT_RECEIPT =
  'INSERT INTO receipts (id, day, received, time, policy, method, choices, objection, sid, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING';

const opt = <T extends SqlValue>(value: T | undefined): T | null => value ?? null;

/** A property value as the statistics count it: strings as they are, the rest as JSON. */
const propText = (value: string | number | boolean | null): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/**
 * The key of a hit: a hash of its identity (`hitIdentities`), which counts identical hits before
 * it in the same body. The same hit stored again (a copy delivered by the next page, a body
 * retried after a 503, an NDJSON file imported twice) gets the same key and is stored once; two
 * identical hits in one body (an event tracked twice in the same millisecond) stay two.
 */
const hitStatements = async (hit: StoredHit, key: string): Promise<SqlStatement[]> => {
  const received = Date.parse(hit.received);
  const day = hit.received.slice(0, 10);
  const values: Record<(typeof HIT_COLUMNS)[number], SqlValue> = {
    key,
    day,
    received,
    time: hit.time,
    type: hit.type,
    url: hit.url,
    page: pageOfUrl(hit.url),
    prev: opt(hit.prev),
    ref: opt(hit.ref),
    browser: hit.ua?.browser ?? null,
    version: hit.ua?.version ?? null,
    os: hit.ua?.os ?? null,
    device: hit.ua?.device ?? null,
    lang: opt(hit.lang),
    status: opt(hit.status),
    transfer: opt(hit.bytes?.transfer),
    body_bytes: opt(hit.bytes?.body),
    ttfb: opt(hit.timing?.ttfb),
    load: opt(hit.timing?.load),
    fcp: opt(hit.timing?.fcp),
    lcp: opt(hit.timing?.lcp),
    cls: opt(hit.timing?.cls),
    inp: opt(hit.timing?.inp),
    name: opt(hit.name),
    props: hit.props ? JSON.stringify(hit.props) : null,
    clock_skew: hit.clockSkew ? 1 : null,
    bid: opt(hit.bid),
    sid: hit.sid,
    ip: hit.ip,
  };
  const statements: SqlStatement[] = [
    { sql: INSERT_HIT, params: HIT_COLUMNS.map((column) => values[column]) },
  ];
  if (hit.type === 'event' && hit.props) {
    for (const [prop, value] of Object.entries(hit.props)) {
      statements.push({
        sql: INSERT_PROP,
        params: [key, day, received, values.page, hit.name ?? '', prop, propText(value)],
      });
    }
  }
  return statements;
};

const receiptStatement = (receipt: StoredReceipt): SqlStatement => ({
  sql: INSERT_RECEIPT,
  params: [
    receipt.id,
    receipt.received.slice(0, 10),
    Date.parse(receipt.received),
    receipt.time,
    receipt.policy,
    receipt.method,
    JSON.stringify(receipt.choices),
    opt(receipt.objection),
    opt(receipt.sid),
    receipt.ip,
  ],
});

/**
 * The INSERT statements of one body's records (the records of one `append` call, or of one
 * body read back from an NDJSON file). Occurrences of identical hits are counted within it.
 */
export const recordStatements = async (
  records: readonly StoredRecord[],
): Promise<SqlStatement[]> => {
  const hits = records.filter((record): record is StoredHit => record.type !== 'consent');
  // Hits the relay took from a body have their keys already (`keyHits`); others (an NDJSON
  // file read back, a store used directly) are keyed here, within the records given.
  const identities = hits.some((hit) => keyOfHit(hit) === undefined) ? hitIdentities(hits) : [];
  const statements: SqlStatement[] = [];
  let hitIndex = 0;
  for (const record of records) {
    if (record.type === 'consent') {
      statements.push(receiptStatement(record as StoredReceipt));
      continue;
    }
    const key = keyOfHit(record) ?? (await hitKey(identities[hitIndex]!));
    hitIndex++;
    statements.push(...(await hitStatements(record, key)));
  }
  return statements;
};
