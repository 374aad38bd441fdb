import type { StoredRecord } from '../records';

export interface GroupCommitOptions {
  /** Writes one batch in one transaction; rejects when nothing of it was stored. */
  commit(records: StoredRecord[]): Promise<void>;
  /** Records in one transaction at most; a single write larger than this is a batch of its own. */
  maxBatch: number;
  /** Records waiting for their transaction at most; a write beyond it fails at once. */
  maxQueue: number;
  /**
   * How long the first write of a batch waits for others: a number of ms, `0` for no wait, or
   * `'turn'`: one turn of the event loop (`setImmediate`), so every request whose bytes have
   * already arrived joins, with no timer. Without any wait, after a synchronous commit (SQLite)
   * the first request read next would commit alone while the rest of the same read waited.
   */
  windowMs: number | 'turn';
  /** Runs after each committed batch (retention). */
  afterCommit?: () => void;
}

export interface GroupCommit {
  /** Resolves once the batch holding `records` is committed; rejects when it is not. */
  write(records: StoredRecord[]): Promise<void>;
  /** Records waiting, not yet in a transaction. */
  queued(): number;
  /** Resolves when every write made so far has been committed or failed. */
  drain(): Promise<void>;
}

/** The error of a write refused because the queue is full: the relay answers 503 at once. */
export class QueueFullError extends Error {
  readonly code = 'ZV_QUEUE_FULL';
  constructor() {
    super('the store queue is full');
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * After the I/O already waiting has been handled: Node's check phase (`setImmediate`); a
 * zero timer where there is none (workerd without Node compatibility).
 */
const nextTurn = (): Promise<void> =>
  new Promise((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );

interface Waiting {
  records: StoredRecord[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: one transaction runs at a time, and the writes that arrive while it runs wait
 * and go together into the next one. A commit costs about the same for one beacon as for
 * hundreds, so under load each carries many, and when idle a beacon is written at once (no
 * timer). Each write resolves only after its own batch committed, and a failed commit rejects
 * every write in it (nothing of them is acknowledged; their clients retry). A write is never
 * split across transactions: its records are stored all or none. The queue is bounded, so a
 * store slower than the traffic makes the relay refuse (503) rather than grow without end.
 */
export const createGroupCommit = ({
  commit,
  maxBatch,
  maxQueue,
  windowMs,
  afterCommit = () => {},
}: GroupCommitOptions): GroupCommit => {
  let waiting: Waiting[] = [];
  let queuedRecords = 0;
  let running: Promise<void> | null = null;

  /** The first writes of the queue that fit in one batch (at least one). */
  const takeBatch = (): Waiting[] => {
    let count = 0;
    let taken = 0;
    while (taken < waiting.length) {
      const size = waiting[taken].records.length;
      if (taken > 0 && count + size > maxBatch) break;
      count += size;
      taken++;
    }
    const batch = waiting.slice(0, taken);
    waiting = waiting.slice(taken);
    queuedRecords -= count;
    return batch;
  };

  const run = async () => {
    while (waiting.length) {
      if (windowMs === 'turn') await nextTurn();
      else if (windowMs > 0) await pause(windowMs);
      const batch = takeBatch();
      try {
        await commit(batch.length === 1 ? batch[0].records : batch.flatMap((w) => w.records));
      } catch (error) {
        for (const w of batch) w.reject(error);
        continue;
      }
      for (const w of batch) w.resolve();
      afterCommit();
    }
    running = null;
  };

  return {
    write(records) {
      if (!records.length) return Promise.resolve();
      if (queuedRecords > 0 && queuedRecords + records.length > maxQueue) {
        return Promise.reject(new QueueFullError());
      }
      return new Promise<void>((resolve, reject) => {
        waiting.push({ records, resolve, reject });
        queuedRecords += records.length;
        running ??= run();
      });
    },
    queued: () => queuedRecords,
    drain: async () => {
      while (running) await running;
    },
  };
};
