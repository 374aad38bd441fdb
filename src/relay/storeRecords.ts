import { jsonAnswer, type RelayAnswer } from './jsonAnswer';
import type { RelayState } from './relayState';
import type { RelayContext, StoredRecord } from './types';

/** 503 when a local sink cannot keep or delete records: the client retries, nothing is acknowledged. */
export const storageUnavailable = (headers: Record<string, string>): RelayAnswer =>
  jsonAnswer(
    503,
    { error: 'storage unavailable, try again later' },
    { ...headers, 'retry-after': '5' },
  );

/**
 * Stores validated records and acknowledges them (202), or answers 503 with nothing kept.
 *
 * A body whose `id` this relay took recently is acknowledged again (202, `duplicate: true`) and
 * not stored twice: the client sent it twice (a beacon and a retry) and must stop retrying it.
 * `recordIds` (one per record, or none) do the same for single records that arrive again in
 * another body: those are left out, the rest stored, and a body of repeats alone is a duplicate.
 */
export const storeRecords = async (
  records: StoredRecord[],
  state: RelayState,
  ctx: RelayContext,
  headers: Record<string, string>,
  id?: string,
  recordIds: readonly string[] = [],
): Promise<RelayAnswer> => {
  if (id !== undefined && !state.seen.claim(id)) {
    state.counters.duplicates++;
    return jsonAnswer(202, { ok: true, duplicate: true }, headers);
  }
  const claimed: string[] = [];
  const fresh = recordIds.length ? [] : records;
  recordIds.forEach((recordId, i) => {
    if (!state.seen.claim(recordId)) return;
    claimed.push(recordId);
    fresh.push(records[i]);
  });
  if (!fresh.length) {
    state.counters.duplicates++;
    return jsonAnswer(202, { ok: true, duplicate: true }, headers);
  }
  if (!(await state.store(fresh, ctx))) {
    // Not kept, so not seen: the retry this 503 asks for must be stored.
    for (const taken of id === undefined ? claimed : [id, ...claimed]) state.seen.release(taken);
    return storageUnavailable(headers);
  }
  state.counters.accepted++;
  if (fresh.length < records.length)
    state.counters.repeatedRecords += records.length - fresh.length;
  return jsonAnswer(202, { ok: true, stored: fresh.length }, headers);
};
