import type { ForgetQuery, MemorySinkOptions, Sink, StoredRecord } from '../types';

/** True when `record` belongs to what `/forget` names. */
export const matchesForget = (record: StoredRecord, { sid, receipts }: ForgetQuery): boolean =>
  (!!sid && record.sid === sid) ||
  (record.type === 'consent' && !!receipts && receipts.includes(record.id));

/**
 * The last `limit` records in memory: for tests, the QA demo and Workers without storage.
 * Lost on restart by design.
 */
export const createMemorySink = (
  { limit = 1000 }: MemorySinkOptions = { type: 'memory' },
): Sink => {
  let records: StoredRecord[] = [];
  return {
    name: 'memory',
    async write(batch) {
      records.push(...batch);
      if (records.length > limit) records = records.slice(records.length - limit);
    },
    async forget(query: ForgetQuery) {
      const before = records.length;
      records = records.filter((record) => !matchesForget(record, query));
      return before - records.length;
    },
    async recent(count: number) {
      return records.slice(Math.max(0, records.length - count));
    },
    async *scan() {
      yield* records.slice();
    },
  };
};
