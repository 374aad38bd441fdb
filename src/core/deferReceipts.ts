import type { ConsentState } from '../consent/types';
import type { Context } from '../context/context';
import type { KeptReceipt } from '../context/parts';
import { guarded } from '../lib/guarded';
import { isRecord } from '../lib/isRecord';
import { afterPaint } from '../lib/yieldToMain';
import { RECEIPTS_KEY, type ReceiptLog } from '../rights/startReceipts';
import type { Parts } from './createParts';

export interface DeferredReceipts {
  /**
   * Resolves once the receipts part runs (or could not load) and every choice made so far has
   * its receipt: then `all()` is complete. Also called ahead of a choice the visitor is about to
   * make (the preferences opened).
   */
  ready(): Promise<unknown>;
  all(): KeptReceipt[];
  clear(): void;
}

/** Choices a page made and was left before its receipts part ran, for the next page. */
const CHOICES_KEY = 'zv_choices';

/** Does this tab hold a receipt an earlier page could not deliver? Read without parsing. */
const receiptWaiting = () => {
  try {
    return /"delivered":false/.test(sessionStorage.getItem(RECEIPTS_KEY) ?? '');
  } catch {
    return false; // Storage blocked: nothing can be waiting in it.
  }
};

/** The choices an earlier page left (and forgets them: this page keeps them now). */
const takeLeftChoices = (): ConsentState[] => {
  try {
    const left: unknown = JSON.parse(sessionStorage.getItem(CHOICES_KEY) ?? '[]');
    sessionStorage.removeItem(CHOICES_KEY);
    return Array.isArray(left)
      ? left.filter((state) => isRecord(state) && typeof state.id == 'string' && state.decided)
      : [];
  } catch {
    return [];
  }
};

/**
 * Consent receipts come as a part. Where there is a relay to post to, it is fetched after the
 * paint while the banner asks for a choice, or when a receipt an earlier page could not deliver
 * is waiting (it is retried then); otherwise on the first choice, when the preferences open,
 * or when the rights need the tab's receipts (each through `ready`): a decided visit with every
 * receipt delivered does not download it. The choices made before it runs are kept here, in
 * order, and handed to it; a page left before then leaves them to the next page of the tab,
 * which receipts them. Where the part cannot load, no receipt is posted (the
 * warning says so) and consent works as before.
 */
export const deferReceipts = (
  ctx: Context,
  parts: Parts,
  pseudonym: () => string | null | Promise<string | null>,
): DeferredReceipts => {
  const earlier = takeLeftChoices();
  let log: ReceiptLog | null = null;
  // A page left before the part ran hands its choices to the next page, which receipts them.
  const leave = () => {
    try {
      if (!log && earlier.length) sessionStorage.setItem(CHOICES_KEY, JSON.stringify(earlier));
    } catch {
      // Storage blocked or full: the choice stands, its receipt is not posted.
    }
  };
  // Back from the back/forward cache: choices still left are this page's again; choices taken
  // are the next page's, which receipted them.
  const restored = (event: PageTransitionEvent) => {
    try {
      if (!event.persisted || log || !earlier.length) return;
      if (sessionStorage.getItem(CHOICES_KEY)) sessionStorage.removeItem(CHOICES_KEY);
      else earlier.length = 0;
    } catch {
      // Storage blocked: nothing was left in it.
    }
  };
  addEventListener('pagehide', leave);
  addEventListener('pageshow', restored);
  ctx.onTeardown(() => {
    removeEventListener('pagehide', leave);
    removeEventListener('pageshow', restored);
  });
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
    )).then(() => log?.kept());
  if (ctx.config.endpoint && (!ctx.consent.get().decided || earlier.length || receiptWaiting()))
    afterPaint(() => void ready());
  return {
    ready,
    all: () => log?.all() ?? [],
    clear: () => log?.clear(),
  };
};
