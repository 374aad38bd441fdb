import { scrubText } from '../privacy/scrubText';
import { readJsonRequest } from './readJsonRequest';
import type { RelayState } from './relayState';
import { receiptSchema } from './schemas';
import { storeRecords } from './storeRecords';
import type { RelayContext, StoredReceipt } from './types';
import type { RelayAnswer } from './jsonAnswer';
import type { RelayRequest } from './relayRequest';

/** `POST /consent`: a consent receipt (GDPR art. 7(1) proof), stored with the truncated IP. */
export const handleConsent = async (
  request: RelayRequest,
  ip: string | null,
  state: RelayState,
  ctx: RelayContext,
  headers: Record<string, string>,
): Promise<RelayAnswer> => {
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
  if (body.objection) record.objection = body.objection;
  if (body.sid) record.sid = body.sid;
  return storeRecords([record], state, ctx, headers, `consent:${body.id}`);
};
