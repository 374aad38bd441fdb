import type { Hit } from '../protocol/types';
import { createStoredValue } from '../lib/createStoredValue';
import { guarded } from '../lib/guarded';

/** Hits waiting to be sent, and how many the bounds pushed out since the last delivery. */
export interface Batch {
  hits: Hit[];
  dropped: number;
}

/** The bounded retry queue, kept in `sessionStorage` so the next page can deliver it. */
export interface HitQueue {
  push(hit: Hit): void;
  /** Removes up to `count` oldest hits, with the drop count, for one body. */
  take(count: number): Batch;
  /** Puts a batch whose send failed back in front, so it is retried first. */
  restore(batch: Batch): void;
  size(): number;
  clear(): void;
}

/** Issue 4: at most 50 hits and 64 KB in the queue; the oldest go first. */
export const MAX_QUEUED_HITS = 50;
export const MAX_QUEUED_BYTES = 64 * 1024;
/** The relay refuses `dropped` above a million. */
const MAX_DROPPED = 1e6;

const byteLength = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

/* @__NO_SIDE_EFFECTS__ */
export const createHitQueue = (key = 'zv_queue'): HitQueue => {
  const stored = createStoredValue<Batch>(key, { hits: [], dropped: 0 }, (value) => {
    const batch = value as Batch | null;
    return batch &&
      Array.isArray(batch.hits) &&
      Number.isInteger(batch.dropped) &&
      batch.dropped >= 0
      ? batch
      : undefined;
  });
  let { hits, dropped } = stored.get();
  let dirty = false;

  // Bounds and storage are applied once per task, not per hit: a page that calls pushState
  // thousands of times in a loop must not pay a JSON encoding and a storage write for each.
  const commit = () => {
    if (!dirty) return;
    dirty = false;
    // Oldest first out: the newest hits say most about the visit now.
    const over = hits.length - MAX_QUEUED_HITS;
    if (over > 0) hits.splice(0, over);
    dropped += Math.max(0, over);
    while (hits.length && byteLength(hits) > MAX_QUEUED_BYTES) {
      hits.shift();
      dropped++;
    }
    dropped = Math.min(dropped, MAX_DROPPED);
    stored.set({ hits, dropped });
  };
  const change = () => {
    if (!dirty) queueMicrotask(guarded('storing the statistics queue', commit));
    dirty = true;
  };

  return {
    push(hit) {
      hits.push(hit);
      change();
    },
    take(count) {
      commit();
      const batch = { hits: hits.splice(0, count), dropped };
      dropped = 0;
      change();
      commit();
      return batch;
    },
    restore(batch) {
      hits = [...batch.hits, ...hits];
      dropped += batch.dropped;
      change();
    },
    size() {
      commit();
      return hits.length;
    },
    clear() {
      hits = [];
      dropped = 0;
      change();
      commit();
    },
  };
};
