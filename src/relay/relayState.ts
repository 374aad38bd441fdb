import { createSeenIds, type SeenIds } from './createSeenIds';
import type { ResolvedOptions } from './resolveOptions';
import type { RelayContext, StoredRecord } from './types';

/** What every route of one relay shares. Module-private state lives here, per relay instance. */
export interface RelayState {
  options: ResolvedOptions;
  /** Operational counters (no personal data), reported by `GET /health`. */
  counters: Record<string, number>;
  /** Stores records in every sink; `false` when a local sink failed (the client should retry). */
  store(records: StoredRecord[], ctx: RelayContext): Promise<boolean>;
  /** Today's salt for GA client-id hashes. */
  salt(): string;
  /**
   * Recently stored body ids (`collect:<sid>:<bid>`, `consent:<id>`) and hit ids (`hit:<hash>`),
   * to store a repeat once.
   */
  seen: SeenIds;
}

/** The state of one relay instance. */
export const createRelayState = (options: ResolvedOptions, salt: () => string): RelayState => {
  const counters: Record<string, number> = {
    accepted: 0,
    rejected: 0,
    stored: 0,
    storeFailures: 0,
    browserDrops: 0,
    duplicates: 0,
    repeatedRecords: 0,
    gaForwarded: 0,
    gaWithoutConsent: 0,
  };
  return {
    options,
    counters,
    salt,
    seen: createSeenIds(options.now),
    async store(records, ctx) {
      const results = await Promise.allSettled(
        options.sinks.map((sink) => sink.write?.(records, ctx)),
      );
      const failed = results.filter((result) => result.status === 'rejected').length;
      if (failed) {
        counters.storeFailures++;
        // The error itself may quote a record (a path, a value): log only that it happened.
        options.log(
          `zorgvuldig relay: ${failed} sink(s) failed to store ${records.length} record(s)`,
        );
        return false;
      }
      counters.stored += records.length;
      return true;
    },
  };
};
