import { jsonAnswer, type RelayAnswer } from './jsonAnswer';
import { readJsonRequest } from './readJsonRequest';
import type { RelayState } from './relayState';
import { forgetSchema } from './schemas';
import { storageUnavailable } from './storeRecords';
import type { RelayRequest } from './relayRequest';

/**
 * `POST /forget`: deletes the records of a pseudonym and the named receipts from every sink
 * that can delete (the local ones). Knowing the 128-bit pseudonym is the proof of ownership.
 * Upstream tools (Matomo, Plausible, GA) keep what they received: their own deletion applies.
 */
export const handleForget = async (
  request: RelayRequest,
  state: RelayState,
  headers: Record<string, string>,
): Promise<RelayAnswer> => {
  const read = await readJsonRequest(request, forgetSchema, state, headers);
  if (!read.ok) return read.response;
  const query = { sid: read.value.sid, receipts: read.value.receipts };
  let removed = 0;
  try {
    for (const sink of state.options.sinks) if (sink.forget) removed += await sink.forget(query);
  } catch {
    state.options.log('zorgvuldig relay: a sink failed to forget records');
    return storageUnavailable(headers);
  }
  return jsonAnswer(200, { ok: true, removed }, headers);
};
