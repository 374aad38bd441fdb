import type { Hit } from '../protocol/types';
import { createStoredValue } from './createStoredValue';

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

  const save = ({ hits, dropped }: Batch) => {
    // Oldest first out: the newest hits say most about the visit now.
    while (hits.length > MAX_QUEUED_HITS || (hits.length && byteLength(hits) > MAX_QUEUED_BYTES)) {
      hits.shift();
      dropped++;
    }
    stored.set({ hits, dropped: Math.min(dropped, MAX_DROPPED) });
  };

  return {
    push(hit) {
      const { hits, dropped } = stored.get();
      save({ hits: [...hits, hit], dropped });
    },
    take(count) {
      const { hits, dropped } = stored.get();
      save({ hits: hits.slice(count), dropped: 0 });
      return { hits: hits.slice(0, count), dropped };
    },
    restore(batch) {
      const { hits, dropped } = stored.get();
      save({ hits: [...batch.hits, ...hits], dropped: dropped + batch.dropped });
    },
    size: () => stored.get().hits.length,
    clear: () => stored.set({ hits: [], dropped: 0 }),
  };
};
