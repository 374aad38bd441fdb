import type { Hit } from '../protocol/types';
import type { Batch, HitQueue } from './createHitQueue';
import { MAX_BODY_BYTES, packBody, type PackedBody } from './packBody';
import { createTokenBucket } from './createTokenBucket';
import { isDelivered } from '../lib/isDelivered';
import { sendBody } from '../lib/sendBody';
import { guarded } from '../lib/guarded';

export interface BeaconSenderOptions {
  /** `{endpoint}/collect`. */
  url: string;
  queue: HitQueue;
  /** The pseudonym to send under, or `null` when statistics are not allowed (nothing is sent). */
  sid(): string | null;
  /** Called with the JSON of every body the relay (or the browser's beacon queue) took. */
  onSent(json: string): void;
}

/** Batches hits from the queue into bodies, within the rate limit, and retries failures. */
export interface BeaconSender {
  /** Queues a hit; it goes out with whatever else arrives in the same moment. */
  push(hit: Hit): void;
  /** Sends now. `unloading`: the page is being hidden or left, so use `sendBeacon`. */
  flush(unloading?: boolean): void;
  /** Drops everything queued; a send in flight that fails is not put back. */
  clear(): void;
}

/**
 * Hits per body: keeps a body near 10 KB, far below `sendBeacon`'s and the relay's 64 KB; bodies
 * with large hits are cut further, by bytes (`packBody`).
 */
export const HITS_PER_BODY = 10;
/** Burst of bodies allowed at once, then one per `SEND_INTERVAL`: "a few per second" at most. */
export const SEND_BURST = 4;
/** Milliseconds per body once the burst is used: 2 bodies per second. */
export const SEND_INTERVAL = 500;
/** Milliseconds hits wait for company before a body goes out. */
const COALESCE = 50;

/** 4xx other than 408 (timeout) and 429 (rate limited): this body will never be accepted. */
const isRefused = (status: number) =>
  status >= 400 && status < 500 && status !== 408 && status !== 429;

/* @__NO_SIDE_EFFECTS__ */
export const createBeaconSender = ({
  url,
  queue,
  sid,
  onSent,
}: BeaconSenderOptions): BeaconSender => {
  const bucket = createTokenBucket(SEND_BURST, SEND_INTERVAL);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flying = false;
  /** The last send failed: the relay is down or refusing, so keep hits queued for later. */
  let failing = false;
  /** Bumped by `clear()`, so a failing send from before is not put back. */
  let epoch = 0;

  const schedule = (delay: number) => {
    timer ||= setTimeout(() => {
      timer = undefined;
      flush();
    }, delay);
  };

  /** Bytes of this sender's bodies the browser still holds: its 64 KB keepalive quota is shared. */
  let inFlight = 0;

  /** Sends the next body, of at most `room` bytes; returns its size, or 0 when none went. */
  const sendNext = (unloading: boolean, room: number): number => {
    const id = sid();
    // On the way out a relay that just failed gets nothing: the hits wait in sessionStorage
    // for the next page, where a `fetch` can tell whether they arrived.
    if (!id || !queue.size() || (unloading ? failing : flying)) return 0;
    // On the way out there is no later for the rate limit to wait for; the quota bounds the burst.
    const wait = unloading ? 0 : bucket.take();
    if (wait) {
      schedule(wait);
      return 0;
    }
    let packed: PackedBody;
    for (;;) {
      const taken = queue.take(HITS_PER_BODY);
      packed = packBody(id, taken.hits, taken.dropped, room);
      if (packed.json) break;
      // Only hits too large for any body (now counted as dropped), or no room left for the next.
      queue.restore({ hits: packed.rest, dropped: packed.dropped });
      if (packed.rest.length || !queue.size()) return 0;
    }
    if (packed.rest.length) queue.restore({ hits: packed.rest, dropped: 0 });
    // The body's hits and drop count, to put back if it fails (`restore` reads only those).
    const batch: Batch = packed;
    const { json, bytes } = packed;
    const sentIn = epoch;
    flying = true;
    inFlight += bytes;
    sendBody(url, json, unloading).then((status) => {
      flying = false;
      inFlight -= bytes;
      failing = !isDelivered(status);
      if (!failing) {
        onSent(json);
        flush();
      } else if (sentIn === epoch) {
        // A body the relay refuses for what it is (400, 413, 415) fails every time: retrying it
        // would block the queue, so it goes, counted as dropped, and the next body tells.
        queue.restore(
          isRefused(status) ? { hits: [], dropped: batch.dropped + batch.hits.length } : batch,
        );
      }
    });
    return bytes;
  };

  const flush: (unloading?: boolean) => void = guarded(
    'sending statistics',
    (unloading = false): void => {
      let room = MAX_BODY_BYTES - inFlight;
      if (!unloading) {
        sendNext(false, room);
        return;
      }
      // On the way out: as many bodies as the queue fills and the keepalive quota holds, each
      // cut to the room left, so a large batch is split rather than refused. What does not fit
      // stays queued in sessionStorage, for the next page of the session.
      for (let sent = 1; sent && room > 0; room -= sent) sent = sendNext(true, room);
    },
  );

  return {
    push(hit) {
      queue.push(hit);
      schedule(COALESCE);
    },
    flush,
    clear() {
      epoch++;
      queue.clear();
    },
  };
};
