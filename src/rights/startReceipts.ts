import type { ConsentState } from '../consent/types';
import type { Context } from '../context/context';
import type { ConsentReceiptBody } from '../protocol/types';
import { createStoredValue } from '../lib/createStoredValue';
import { isDelivered } from '../lib/isDelivered';
import { sendBody } from '../lib/sendBody';
import { guarded } from '../lib/guarded';

/** Receipts kept per tab, for `exportData()` and `/forget`. */
export interface ReceiptLog {
  /** Receipts posted (or waiting to be posted) in this tab session, oldest first. */
  all(): (ConsentReceiptBody & { delivered: boolean })[];
  /** Posts what is still waiting. */
  flush(): Promise<void>;
  /** Resolves once every choice made so far has its receipt in `all()` (some wait for a pseudonym). */
  kept(): Promise<unknown>;
  clear(): void;
}

/** Where a tab keeps its receipts, delivered or waiting (`core/deferReceipts` looks for waiting ones). */
export const RECEIPTS_KEY = 'zv_receipts';

/** A visitor changes their mind a handful of times; 50 is far more than a session needs. */
const MAX_RECEIPTS = 50;

const isReceiptList = (stored: unknown) =>
  Array.isArray(stored) && stored.every((r) => r && typeof r.id === 'string' && r.v === 1)
    ? (stored as (ConsentReceiptBody & { delivered: boolean })[])
    : undefined;

/**
 * Proof of consent (GDPR art. 7(1)): every choice is posted to `{endpoint}/consent` as a receipt.
 * One that fails waits in `sessionStorage` and is retried on the next choice or page. `earlier`:
 * the choices made before this started (the core keeps them while this part is on its way).
 */
export const startReceipts = (
  ctx: Context,
  pseudonym: () => string | null | Promise<string | null>,
  earlier: ConsentState[] = [],
): ReceiptLog => {
  const { config, consent } = ctx;
  const stored = createStoredValue(RECEIPTS_KEY, [], isReceiptList);
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

  /** Receipts in the order the choices were made, each once its pseudonym is known. */
  let order: Promise<unknown> = Promise.resolve();
  const keepReceipt = (state: ConsentState) => {
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
    const keep = (id: string | null) => {
      if (id) receipt.sid = id;
      stored.set([...stored.get(), receipt].slice(-MAX_RECEIPTS));
      void flushOnce();
    };
    if (typeof sid == 'object' && sid) order = order.then(() => sid.then(keep, () => keep(null)));
    else keep(sid);
  };
  for (const state of earlier) keepReceipt(state);
  ctx.onTeardown(consent.onChange(keepReceipt));
  void flushOnce();

  return {
    all: () => stored.get(),
    flush: () => flushOnce() ?? Promise.resolve(),
    kept: () => order,
    clear: () => stored.set([]),
  };
};
