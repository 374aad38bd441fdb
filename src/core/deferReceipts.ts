import type { ConsentState } from '../consent/types';
import type { Context } from '../context/context';
import type { KeptReceipt } from '../context/parts';
import { guarded } from '../lib/guarded';
import { afterPaint } from '../lib/yieldToMain';
import { RECEIPTS_KEY } from '../rights/startReceipts';
import type { Parts } from './createParts';

export interface DeferredReceipts {
  /**
   * Resolves once the receipts part runs (or could not load): then `all()` is complete. Also
   * called ahead of a choice the visitor is about to make (the preferences opened).
   */
  ready(): Promise<unknown>;
  all(): KeptReceipt[];
  clear(): void;
}

/** Does this tab hold a receipt an earlier page could not deliver? Read without parsing. */
const receiptWaiting = () => {
  try {
    return /"delivered":false/.test(sessionStorage.getItem(RECEIPTS_KEY) ?? '');
  } catch {
    return false; // Storage blocked: nothing can be waiting in it.
  }
};

/**
 * Consent receipts come as a part. Where there is a relay to post to, it is fetched after the
 * paint while the banner asks for a choice, or when a receipt an earlier page could not deliver
 * is waiting (it is retried then); otherwise on the first choice, when the preferences open,
 * or when the rights need the tab's receipts (each through `ready`): a decided visit with every
 * receipt delivered does not download it. The choices made before it runs are kept here, in
 * order, and handed to it; none is lost. Where the part cannot load, no receipt is posted (the
 * warning says so) and consent works as before.
 */
export const deferReceipts = (
  ctx: Context,
  parts: Parts,
  pseudonym: () => string | null | Promise<string | null>,
): DeferredReceipts => {
  const earlier: ConsentState[] = [];
  let log: { all(): KeptReceipt[]; clear(): void } | null = null;
  let starting: Promise<unknown> | null = null;
  const stopKeeping = ctx.consent.onChange((state) => {
    earlier.push(state);
    void ready();
  });
  ctx.onTeardown(stopKeeping);
  const ready = () =>
    (starting ||= parts.get('receipts').then(
      guarded('starting consent receipts', (part) => {
        // In one go, so no choice falls between the kept ones and the part's own listener.
        stopKeeping();
        log = part.startReceipts(ctx, pseudonym, earlier.splice(0));
      }),
      () => undefined,
    ));
  if (ctx.config.endpoint && (!ctx.consent.get().decided || receiptWaiting()))
    afterPaint(() => void ready());
  return {
    ready,
    all: () => log?.all() ?? [],
    clear: () => log?.clear(),
  };
};
