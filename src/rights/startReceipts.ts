import type { Context } from '../core/context';
import type { ConsentReceiptBody } from '../protocol/types';
import { createStoredValue } from '../stats/createStoredValue';
import { isDelivered } from '../stats/isDelivered';
import { sendBody } from '../stats/sendBody';
import { guarded } from '../lib/guarded';

/** Receipts kept per tab, for `exportData()` and `/forget`. */
export interface ReceiptLog {
  /** Receipts posted (or waiting to be posted) in this tab session, oldest first. */
  all(): (ConsentReceiptBody & { delivered: boolean })[];
  /** Posts what is still waiting. */
  flush(): Promise<void>;
  clear(): void;
}

/** A visitor changes their mind a handful of times; 50 is far more than a session needs. */
const MAX_RECEIPTS = 50;

const isReceiptList = (stored: unknown) =>
  Array.isArray(stored) && stored.every((r) => r && typeof r.id === 'string' && r.v === 1)
    ? (stored as (ConsentReceiptBody & { delivered: boolean })[])
    : undefined;

/**
 * Proof of consent (GDPR art. 7(1)): every choice is posted to `{endpoint}/consent` as a receipt.
 * One that fails waits in `sessionStorage` and is retried on the next choice or page.
 */
export const startReceipts = (ctx: Context, pseudonym: () => string | null): ReceiptLog => {
  const { config, consent } = ctx;
  const stored = createStoredValue('zv_receipts', [], isReceiptList);
  let flushing: Promise<void> | null = null;

  const flush = async () => {
    if (!config.endpoint) return;
    for (const receipt of stored.get().filter((r) => !r.delivered)) {
      const { delivered: _, ...body } = receipt;
      if (isDelivered(await sendBody(`${config.endpoint}/consent`, JSON.stringify(body)))) {
        stored.set(stored.get().map((r) => (r.id === receipt.id ? { ...r, delivered: true } : r)));
      }
    }
  };
  const flushOnce = guarded(
    'delivering consent receipts',
    () => (flushing ||= flush().finally(() => (flushing = null))),
  );

  ctx.onTeardown(
    consent.onChange((state) => {
      if (!state.decided || !state.id) return;
      const receipt: ConsentReceiptBody & { delivered: boolean } = {
        v: 1,
        id: state.id,
        policy: state.policyVersion,
        time: state.time ?? new Date().toISOString(),
        choices: state.choices,
        method: state.method ?? 'api',
        ...(state.objection ? { objection: state.objection } : {}),
        delivered: false,
      };
      const sid = pseudonym();
      if (sid) receipt.sid = sid;
      stored.set([...stored.get(), receipt].slice(-MAX_RECEIPTS));
      void flushOnce();
    }),
  );
  void flushOnce();

  return {
    all: () => stored.get(),
    flush: () => flushOnce() ?? Promise.resolve(),
    clear: () => stored.set([]),
  };
};
