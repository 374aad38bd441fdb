import type { StatsStore } from '../store/types';
import type { Sink } from '../types';
import type { StoredRecord } from '../records';
import {
  createGroupCommit,
  MAX_BATCH,
  MAX_QUEUE,
  QueueFullError,
} from '../store/createGroupCommit';

export { MAX_BATCH, MAX_QUEUE };

export interface StoreSinkOptions {
  /** Name for `/health` and logs (`sqlite`, `postgres`, `d1`). */
  name: string;
  /** Opens the store (a new connection each time it is called) and runs its migrations. */
  open(): Promise<StatsStore> | StatsStore;
  now?: () => number;
  /** Operational messages; never a record or an error text (it may quote one). */
  log?: (message: string) => void;
  /** Records written in one transaction at most (group commit). Default `MAX_BATCH`. */
  maxBatch?: number;
  /**
   * Records waiting for their transaction at most; a beacon beyond it is refused at once with
   * 503 and `Retry-After`, so a store slower than the traffic cannot grow the relay's memory.
   * Default `MAX_QUEUE`.
   */
  maxQueue?: number;
  /**
   * How long a batch waits for more beacons before its transaction: ms, or `'turn'` (one turn
   * of the event loop, no timer: the requests already read join). Default `'turn'`.
   */
  batchWindowMs?: number | 'turn';
  /**
   * `false` on workerd, where a request may not wait on another request's I/O: each beacon is
   * then its own transaction (a D1 batch), and `maxQueue` bounds the records being written at
   * once. Default `true`.
   */
  batchAcrossRequests?: boolean;
}

/** After a failure the store is reopened, but not sooner than this (ms): no reconnect storm. */
export const REOPEN_AFTER_MS = 1000;
/** How often retention runs at most (an hour). */
const SWEEP_EVERY_MS = 36e5;

/**
 * A sink on a statistics store. The store is opened on first use. When an operation fails
 * (disk full, read-only, locked, server gone) the error goes to the caller, so the relay
 * answers 503 and the client retries, and the connection is dropped: the next operation after
 * `REOPEN_AFTER_MS` opens a fresh one, so the relay recovers once the cause is gone, without a
 * restart. Retention runs after writes, at most hourly.
 *
 * Writes are group-committed (`createGroupCommit`): the beacons that arrive while a transaction
 * is written go together into the next one, and each is acknowledged only once its own
 * transaction committed. A failed commit fails every beacon in it (503, none acknowledged).
 * The queue is the sink's, not the connection's, so it outlives a reopen; each batch goes to
 * the store's `appendBatch` (no second queue below this one), or `append` where it has none.
 */
export const createStoreSink = ({
  name,
  open,
  now = Date.now,
  log = () => {},
  maxBatch = MAX_BATCH,
  maxQueue = MAX_QUEUE,
  batchWindowMs = 'turn',
  batchAcrossRequests = true,
}: StoreSinkOptions): Sink => {
  let current: Promise<StatsStore> | null = null;
  let failedAt = -Infinity;
  let lastSweep = -Infinity;
  const counters = { failures: 0, reopens: 0, queueFull: 0, batches: 0 };

  const drop = (failed: Promise<StatsStore>) => {
    if (current !== failed) return; // another caller dropped it already
    current = null;
    failedAt = now();
    failed.then((store) => store.close()).catch(() => {});
  };

  const store = (): Promise<StatsStore> => {
    if (current) return current;
    if (now() - failedAt < REOPEN_AFTER_MS) {
      return Promise.reject(new Error(`the ${name} store is unavailable`));
    }
    if (failedAt > -Infinity) counters.reopens++;
    const opening = (async () => {
      const opened = await open();
      await opened.migrate();
      return opened;
    })();
    current = opening;
    opening.catch((error: { code?: unknown }) => {
      // The code only (`SQLITE_CANTOPEN`, `ERR_MODULE_NOT_FOUND`, `ECONNREFUSED`): a message
      // may quote a path or a value.
      const code = typeof error?.code === 'string' ? ` (${error.code})` : '';
      log(`zorgvuldig relay: the ${name} store could not be opened${code}`);
      drop(opening);
    });
    return opening;
  };

  /** Runs `task` on the store; a failure drops the connection and is passed on. */
  const use = async <T>(task: (opened: StatsStore) => Promise<T>): Promise<T> => {
    const opening = store();
    try {
      return await task(await opening);
    } catch (error) {
      counters.failures++;
      drop(opening);
      throw error;
    }
  };

  const sweep = () => {
    if (now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now();
    use((opened) => opened.applyRetention(now())).catch(() =>
      log(`zorgvuldig relay: the ${name} store could not apply retention`),
    );
  };

  const group = createGroupCommit<StoredRecord>({
    maxBatch,
    maxQueue,
    windowMs: batchWindowMs,
    batchAcrossRequests,
    owner: 'createStoreSink()',
    commit: (writes) => {
      counters.batches++;
      return use((opened) =>
        opened.appendBatch ? opened.appendBatch(writes) : opened.append(writes.flat()),
      );
    },
    afterCommit: sweep,
  });

  return {
    name,
    async write(records) {
      // Nothing to store: the store is still opened, so a broken one answers now.
      if (!records.length) return use((opened) => opened.append(records));
      try {
        await group.write(records);
      } catch (error) {
        if (error instanceof QueueFullError) counters.queueFull++;
        throw error;
      }
    },
    forget: (query) => use((opened) => opened.forget(query)),
    recent: (limit) => use((opened) => opened.recent(limit)),
    report: (query) => use((opened) => opened.report(query)),
    counters: () => ({ ...counters, queued: group.queued() }),
    async close() {
      // The beacons already taken are written (or fail) before the connection closes.
      await group.drain();
      const closing = current;
      current = null;
      failedAt = now();
      if (closing) await (await closing.catch(() => null))?.close();
    },
  };
};
