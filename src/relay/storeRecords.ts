import { jsonResponse } from './jsonResponse';
import type { RelayState } from './relayState';
import type { RelayContext, StoredRecord } from './types';

/** 503 when a local sink cannot keep or delete records: the client retries, nothing is acknowledged. */
export const storageUnavailable = (headers: Record<string, string>): Response =>
  jsonResponse(
    503,
    { error: 'storage unavailable, try again later' },
    { ...headers, 'retry-after': '5' },
  );

/**
 * Stores validated records and acknowledges them (202), or answers 503 with nothing kept. A body
 * whose `id` this relay stored recently is acknowledged again (202, `duplicate: true`) and not
 * stored twice: the client sent it twice (a beacon and a retry) and must stop retrying it.
 */
export const storeRecords = async (
  records: StoredRecord[],
  state: RelayState,
  ctx: RelayContext,
  headers: Record<string, string>,
  id?: string,
): Promise<Response> => {
  if (id !== undefined && !state.seen.claim(id)) {
    state.counters.duplicates++;
    return jsonResponse(202, { ok: true, duplicate: true }, headers);
  }
  if (!(await state.store(records, ctx))) {
    // Not kept, so not seen: the retry this 503 asks for must be stored.
    if (id !== undefined) state.seen.release(id);
    return storageUnavailable(headers);
  }
  state.counters.accepted++;
  return jsonResponse(202, { ok: true, stored: records.length }, headers);
};
