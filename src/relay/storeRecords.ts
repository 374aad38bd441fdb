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

/** Stores validated records and acknowledges them (202), or answers 503 with nothing kept. */
export const storeRecords = async (
  records: StoredRecord[],
  state: RelayState,
  ctx: RelayContext,
  headers: Record<string, string>,
): Promise<Response> => {
  if (!(await state.store(records, ctx))) return storageUnavailable(headers);
  state.counters.accepted++;
  return jsonResponse(202, { ok: true, stored: records.length }, headers);
};
