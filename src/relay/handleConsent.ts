import { scrubText } from '../privacy/scrubText';
import { jsonResponse } from './jsonResponse';
import { readJsonRequest } from './readJsonRequest';
import type { RelayState } from './relayState';
import { receiptSchema } from './schemas';
import type { RelayContext, StoredReceipt } from './types';

/** `POST /consent`: a consent receipt (GDPR art. 7(1) proof), stored with the truncated IP. */
export const handleConsent = async (
  request: Request,
  ip: string | null,
  state: RelayState,
  ctx: RelayContext,
  headers: Record<string, string>,
): Promise<Response> => {
  const read = await readJsonRequest(request, receiptSchema, state, headers);
  if (!read.ok) return read.response;
  const body = read.value;
  const record: StoredReceipt = {
    type: 'consent',
    received: new Date(state.options.now()).toISOString(),
    ip,
    id: body.id,
    policy: scrubText(body.policy),
    time: body.time,
    choices: { ...body.choices },
    method: body.method,
  };
  if (body.sid) record.sid = body.sid;
  if (!(await state.store([record], ctx))) {
    return jsonResponse(
      503,
      { error: 'storage unavailable, try again later' },
      { ...headers, 'retry-after': '5' },
    );
  }
  state.counters.accepted++;
  return jsonResponse(202, { ok: true, stored: 1 }, headers);
};
