import { jsonAnswer, type RelayAnswer } from './jsonAnswer';
import { readBody } from './readBody';
import type { RelayState } from './relayState';
import { hasAnalyticsConsent, sanitiseGaHit } from './sanitiseGaHit';
import type { RelayContext } from './types';
import type { RelayRequest } from './relayRequest';

/** Lines (events) per batched GA4 request at most; gtag batches far fewer. */
const MAX_LINES = 50;

/**
 * `GET|POST /g/collect`: GA4 hits from gtag's `transport_url`. Forwarded only with analytics
 * consent in `gcs`; always answered 204 as Google does, so the page cannot tell the difference.
 */
export const handleGaCollect = async (
  request: RelayRequest,
  url: URL,
  ip: string | null,
  state: RelayState,
  ctx: RelayContext,
  headers: Record<string, string>,
): Promise<RelayAnswer> => {
  let lines: string[] = [];
  if (request.method === 'POST') {
    const body = await readBody(request, state.options.maxBodyBytes, state.options.bodyTimeoutMs);
    if (!body.ok) {
      state.counters.rejected++;
      const status = body.reason === 'too-large' ? 413 : 400;
      return jsonAnswer(status, { error: `body could not be read (${body.reason})` }, headers);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
    } catch {
      state.counters.rejected++;
      return jsonAnswer(400, { error: 'body is not valid UTF-8' }, headers);
    }
    lines = text.split(/\r?\n/).filter(Boolean).slice(0, MAX_LINES);
  }
  const gaSinks = state.options.sinks.filter((sink) => sink.forwardGa);
  if (!hasAnalyticsConsent(url.searchParams.get('gcs'))) {
    state.counters.gaWithoutConsent++;
    return jsonAnswer(204, null, headers);
  }
  if (gaSinks.length === 0) return jsonAnswer(204, null, headers);
  const hit = await sanitiseGaHit(
    url.searchParams,
    lines,
    request.headers.get('user-agent') ?? '',
    ip,
    state.salt(),
    state.options.gaAllowParams,
  );
  for (const sink of gaSinks) await sink.forwardGa?.(hit, ctx);
  state.counters.gaForwarded++;
  return jsonAnswer(204, null, headers);
};
