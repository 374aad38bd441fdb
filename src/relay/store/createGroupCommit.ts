/** One transaction carries this many items (records) at most: its commit stays short (p99). */
export const MAX_BATCH = 500;
/** Items (records) waiting at most: a few seconds of the peak a single relay takes. */
export const MAX_QUEUE = 20_000;

export interface GroupCommitOptions<T> {
  /**
   * Writes one batch in one transaction: the writes it holds, in the order they were made, each
   * still apart (a store counts identical records within one write, not across writes).
   * Rejects when nothing of it was stored.
   */
  commit(writes: (readonly T[])[]): Promise<void>;
  /**
   * Items in one transaction at most; a single write larger than this is a batch of its own.
   * A whole number of at least 1. Default `MAX_BATCH`.
   */
  maxBatch?: number;
  /**
   * Items waiting for their transaction at most; a write beyond it fails at once with
   * `QueueFullError`. A whole number of at least 1, or `Infinity` for a caller that bounds what
   * it has in flight itself. Default `MAX_QUEUE`.
   */
  maxQueue?: number;
  /**
   * How long the first write of a batch waits for others: a number of ms, `0` for no wait, or
   * `'turn'`: one turn of the event loop (`setImmediate`), so every request whose bytes have
   * already arrived joins, with no timer. Without any wait, after a synchronous commit (SQLite)
   * the first request read next would commit alone while the rest of the same read waited.
   * Default `'turn'`.
   */
  windowMs?: number | 'turn';
  /**
   * `false` where a request may not wait on another request's I/O: workerd cancels a request
   * whose only pending work belongs to another request as hung, so beacons of different
   * requests cannot share a transaction there. Each write is then a batch of its own, committed
   * at once beside the others, and `maxQueue` bounds the items being written at once. Default
   * `true`.
   */
  batchAcrossRequests?: boolean;
  /** Runs after each committed batch (retention). */
  afterCommit?: () => void;
  /** Who configures it, for the error a wrong option throws: `createSqlStore()`. */
  owner?: string;
}

export interface GroupCommit<T> {
  /** Resolves once the batch holding `items` is committed; rejects when it is not. */
  write(items: readonly T[]): Promise<void>;
  /** Items waiting, not yet in a transaction (without `batchAcrossRequests`: not yet committed). */
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

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1;

/** Throws, naming the option, when a bound or the window is not one the group commit can use. */
const checkOptions = (
  owner: string,
  maxBatch: unknown,
  maxQueue: unknown,
  windowMs: unknown,
): void => {
  const fail = (message: string): never => {
    throw new Error(`zorgvuldig ${owner}: ${message}`);
  };
  if (!isCount(maxBatch))
    fail(`maxBatch must be a whole number of at least 1 (got ${JSON.stringify(maxBatch)})`);
  if (!(isCount(maxQueue) || maxQueue === Infinity))
    fail(`maxQueue must be a whole number of at least 1 (got ${JSON.stringify(maxQueue)})`);
  if (
    windowMs !== 'turn' &&
    !(typeof windowMs === 'number' && Number.isFinite(windowMs) && windowMs >= 0)
  )
    fail(`the batch window must be 'turn' or a number of ms ≥ 0 (got ${JSON.stringify(windowMs)})`);
};

/** Each write its own batch, committed at once; `maxQueue` bounds the items in flight. */
const createSoloCommit = <T>({
  commit,
  maxQueue,
  afterCommit,
}: Required<
  Pick<GroupCommitOptions<T>, 'commit' | 'maxQueue' | 'afterCommit'>
>): GroupCommit<T> => {
  let inFlight = 0;
  const writing = new Set<Promise<void>>();
  return {
    write(items) {
      if (!items.length) return Promise.resolve();
      if (inFlight > 0 && inFlight + items.length > maxQueue) {
        return Promise.reject(new QueueFullError());
      }
      inFlight += items.length;
      const written = commit([items])
        .then(afterCommit)
        .finally(() => {
          inFlight -= items.length;
          writing.delete(written);
        });
      writing.add(written);
      return written;
    },
    queued: () => inFlight,
    drain: async () => {
      await Promise.allSettled([...writing]);
    },
  };
};

interface Waiting<T> {
  items: readonly T[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Group commit: one transaction runs at a time, and the writes that arrive while it runs wait
 * and go together into the next one. A commit costs about the same for one beacon as for
 * hundreds, so under load each carries many, and when idle a beacon is written at once (no
 * timer). Each write resolves only after its own batch committed, and a failed commit rejects
 * every write in it (nothing of them is acknowledged; their clients retry). A write is never
 * split across transactions: its items are stored all or none. The queue is bounded, so a
 * store slower than the traffic makes the relay refuse (503) rather than grow without end.
 *
 * Generic over what it batches: the store sink and `createSqlStore` both gather records, and
 * whoever sits above a group commit writes through the layer below it at once (one queue).
 */
export const createGroupCommit = <T>({
  commit,
  maxBatch = MAX_BATCH,
  maxQueue = MAX_QUEUE,
  windowMs = 'turn',
  batchAcrossRequests = true,
  afterCommit = () => {},
  owner = 'createGroupCommit()',
}: GroupCommitOptions<T>): GroupCommit<T> => {
  checkOptions(owner, maxBatch, maxQueue, windowMs);
  if (!batchAcrossRequests) return createSoloCommit({ commit, maxQueue, afterCommit });
  let waiting: Waiting<T>[] = [];
  let queuedItems = 0;
  let running: Promise<void> | null = null;

  /** The first writes of the queue that fit in one batch (at least one). */
  const takeBatch = (): Waiting<T>[] => {
    let count = 0;
    let taken = 0;
    while (taken < waiting.length) {
      const size = waiting[taken].items.length;
      if (taken > 0 && count + size > maxBatch) break;
      count += size;
      taken++;
    }
    const batch = waiting.slice(0, taken);
    waiting = waiting.slice(taken);
    queuedItems -= count;
    return batch;
  };

  const run = async () => {
    while (waiting.length) {
      if (windowMs === 'turn') await nextTurn();
      else if (windowMs > 0) await pause(windowMs);
      const batch = takeBatch();
      try {
        await commit(batch.map((w) => w.items));
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
    write(items) {
      if (!items.length) return Promise.resolve();
      if (queuedItems > 0 && queuedItems + items.length > maxQueue) {
        return Promise.reject(new QueueFullError());
      }
      return new Promise<void>((resolve, reject) => {
        waiting.push({ items, resolve, reject });
        queuedItems += items.length;
        running ??= run();
      });
    },
    queued: () => queuedItems,
    drain: async () => {
      while (running) await running;
    },
  };
};
