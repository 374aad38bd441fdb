import type { ZorgvuldigApi } from '../api/types';
import { isFunction, readPageGlobal } from '../lib/readPageGlobal';
import type { PartSource } from './createInstance';
import { readScriptConfig } from './readScriptConfig';
import { runningInstance, startOnce } from './startOnce';

type QueueStub = ((...args: unknown[]) => void) & { q?: ArrayLike<unknown>[] };
type Callable = ZorgvuldigApi & ((method: string, ...args: unknown[]) => unknown);

/**
 * The script-tag builds start themselves (`partsOf` says where their parts come from, given the
 * SDK's own `<script>` element). Sites may call the API before the bundle loads through the
 * usual stub, `window.zorgvuldig = window.zorgvuldig || function () { (zorgvuldig.q = zorgvuldig.q || []).push(arguments) }`;
 * those calls are replayed here, in order. After load `zorgvuldig('acceptAll')` still works.
 *
 * The start runs in a microtask of the script's own evaluation: it still completes before the
 * parser runs the page's next script (a microtask checkpoint follows every script the parser
 * runs, and an external script always runs with an empty stack), but without this file's
 * top-level code and bundle wrapper on the stack. A browser with DevTools attached (Lighthouse,
 * Playwright) records a stack trace at each `document.cookie` access, and V8 re-parses every
 * function on that stack for its source positions: with the wrapper, that is the whole file.
 */
export const startScriptTag = (partsOf: (script: HTMLScriptElement | null) => PartSource): void => {
  // Set only while the script itself runs, so read here.
  const own = readCurrentScript();
  const run = () => {
    try {
      start(partsOf, own);
    } catch (error) {
      // Never break the host page: the site keeps working without the SDK, and says so.
      console.error('zorgvuldig: could not start', error);
    }
  };
  try {
    queueMicrotask(run);
  } catch {
    // A page that broke `queueMicrotask`: the start runs now, as it always may.
    run();
  }
};

const readCurrentScript = (): unknown => {
  try {
    return document.currentScript;
  } catch {
    return null;
  }
};

const start = (partsOf: (script: HTMLScriptElement | null) => PartSource, own: unknown) => {
  // Loaded twice: the first copy runs the page. Asked of the Symbol `init()` sets and of a real
  // function, never of `'getConsent' in window.zorgvuldig` alone, which
  // `<form name="zorgvuldig"><input name="getConsent">` fakes.
  const win = window as unknown as { zorgvuldig?: QueueStub | Callable };
  if (runningInstance() && typeof win.zorgvuldig == 'function' && 'getConsent' in win.zorgvuldig)
    return;
  const current = readPageGlobal('zorgvuldig', isFunction, 'a function (the queue stub)') as
    QueueStub | undefined;

  // `<img name="currentScript">` clobbers `document.currentScript` too.
  const script =
    (own instanceof HTMLScriptElement ? own : null) ??
    document.querySelector<HTMLScriptElement>('script[src*="zorgvuldig"]');
  const api = startOnce(readScriptConfig(script), partsOf(script));
  const callable = Object.assign((method: string, ...args: unknown[]) => {
    const fn = (api as unknown as Record<string, unknown>)[method];
    if (typeof fn !== 'function') throw new Error(`zorgvuldig(): unknown method "${method}"`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  }, api) as Callable;
  win.zorgvuldig = callable;

  for (const call of Array.from(current?.q ?? [])) {
    try {
      callable(...(Array.from(call) as [string, ...unknown[]]));
    } catch (error) {
      console.error('zorgvuldig: a queued call failed', error);
    }
  }
};
