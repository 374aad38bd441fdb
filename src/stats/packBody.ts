import { randomId } from '../lib/randomId';
import type { CollectBody, Hit } from '../protocol/types';

/**
 * Largest body, in UTF-8 bytes: the relay's default `maxBodyBytes`, and the 64 KB that
 * `sendBeacon` and `fetch(keepalive)` share in flight.
 */
export const MAX_BODY_BYTES = 64 * 1024;

/** One body packed from the front of a queue. */
export interface PackedBody {
  /** The body's JSON, or null when no hit fits in it. */
  json: string | null;
  /** At least the body's length in UTF-8 bytes (its drop count counted at its widest). */
  bytes: number;
  /** Hits in the body, oldest first. */
  hits: Hit[];
  /** The body's drop count: the queue's, plus every hit too large for any body. */
  dropped: number;
  /** Hits that did not fit in `room`, for a later body. */
  rest: Hit[];
}

const bytesOf = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Packs the oldest `hits` into one body of at most `room` bytes (≤ `MAX_BODY_BYTES`), in order:
 * what does not fit goes back as `rest`, for the next body. A hit too large for a body on its own
 * can never be sent (the browser refuses it, the relay answers 413), so it is dropped and
 * counted in `dropped` rather than blocking the queue.
 */
export const packBody = (
  sid: string,
  hits: readonly Hit[],
  dropped: number,
  room = MAX_BODY_BYTES,
): PackedBody => {
  // Every body has its own id, so the relay can store a body that arrives twice (a `sendBeacon`
  // and a `fetch` of the same text) once.
  const bid = randomId();
  // The envelope with the largest drop count the relay accepts, so the count can only shrink it.
  const envelope = bytesOf(JSON.stringify({ v: 1, sid, bid, hits: [], dropped: 1e6 }));
  const kept: Hit[] = [];
  let size = envelope;
  let i = 0;
  for (; i < hits.length; i++) {
    // Each hit costs its JSON and a comma.
    const cost = bytesOf(JSON.stringify(hits[i])) + 1;
    if (envelope + cost > MAX_BODY_BYTES) dropped++;
    else if (size + cost > room) break;
    else {
      kept.push(hits[i]);
      size += cost;
    }
  }
  const rest = hits.slice(i);
  if (!kept.length) return { json: null, bytes: 0, hits: kept, dropped, rest };
  const body: CollectBody = { v: 1, sid, bid, hits: kept };
  if (dropped) body.dropped = dropped;
  return { json: JSON.stringify(body), bytes: size, hits: kept, dropped, rest };
};
