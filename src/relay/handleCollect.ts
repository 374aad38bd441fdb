import { keyHits } from './hitIdentities';
import { jsonAnswer, type RelayAnswer } from './jsonAnswer';
import { readJsonRequest } from './readJsonRequest';
import { readRequestUserAgent } from './readRequestUserAgent';
import type { RelayState } from './relayState';
import { sanitiseHit } from './sanitiseHit';
import { storeRecords } from './storeRecords';
import { collectSchema } from './schemas';
import type { RelayContext, StoredHit } from './types';
import type { RelayRequest } from './relayRequest';

/**
 * `POST /collect`: a beacon of hits, stored one record per hit, all or nothing. A hit this relay
 * took recently in another body (`hitIdentities`) is left out, so every sink gets it once.
 */
export const handleCollect = async (
  request: RelayRequest,
  ip: string | null,
  state: RelayState,
  ctx: RelayContext,
  headers: Record<string, string>,
): Promise<RelayAnswer> => {
  const read = await readJsonRequest(request, collectSchema, state, headers);
  if (!read.ok) return read.response;
  const body = read.value;
  const received = new Date(state.options.now()).toISOString();
  const records: StoredHit[] = [];
  // Hits from this SDK carry no `ua`: the relay reduces the request's own; older clients send one.
  const ua = readRequestUserAgent(request.headers);
  for (const [i, hit] of body.hits.entries()) {
    const result = sanitiseHit(hit, received, ip, body.sid, state.options.allowParams, ua);
    if (!result.ok) {
      state.counters.rejected++;
      const field = `hits[${i}].${result.field}`;
      return jsonAnswer(400, { error: `${field}: not a valid absolute URL`, field }, headers);
    }
    if (body.bid !== undefined) result.record.bid = body.bid;
    records.push(result.record);
  }
  if (body.dropped) state.counters.browserDrops += body.dropped;
  const id = body.bid === undefined ? undefined : `collect:${body.sid}:${body.bid}`;
  // Each hit keeps its key for the store, which then need not compute it again.
  const hitIds = (await keyHits(records)).map((key) => `hit:${key}`);
  return storeRecords(records, state, ctx, headers, id, hitIds);
};
