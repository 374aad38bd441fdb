import type { BlockedRequest } from '../context/context';

export type Mechanism = BlockedRequest['mechanism'];

/**
 * What the patched browser APIs ask before they act. One hook per page, whatever number of
 * SDK copies load: the patches are installed once and a (re)started guard only swaps the hook's
 * functions, so nothing is ever wrapped twice and a teardown never unwraps what a later script
 * wrapped around us.
 */
export interface GuardHook {
  /** `true` stops the request; `replay` is kept to make it once consent comes. Never throws. */
  block(url: unknown, mechanism: Mechanism, replay?: false | (() => void)): boolean;
  /** `true` drops a `document.cookie` write. Never throws. */
  cookie(cookie: string): boolean;
  /** Elements whose `src` a script set: the others with a `src` came from the HTML parser. */
  scripted: WeakSet<object>;
}

const HOOK = Symbol.for('zorgvuldig.guard');
const ALLOW = () => false;

// `never` parameters: any function fits, and each wrapper calls its original with Reflect.apply.
type Fn = (this: never, ...args: never[]) => unknown;

/**
 * Replaces the method (`value`) or the setter (`set`) `name` with `make(original)`, where `target`
 * or its prototype chain defines it (a page's own wrapper on the instance is the one wrapped).
 * A missing, frozen or non-configurable API is left alone.
 */
const patch = (
  target: object | null,
  name: string,
  make: (original: Fn) => Fn,
  key: 'value' | 'set' = 'value',
) => {
  while (target && !Object.prototype.hasOwnProperty.call(target, name)) {
    target = Object.getPrototypeOf(target);
  }
  try {
    const descriptor = Object.getOwnPropertyDescriptor(target, name)!;
    Object.defineProperty(target, name, { ...descriptor, [key]: make(descriptor[key]) });
  } catch {
    // Not there, or not configurable: nothing to patch.
  }
};

/**
 * Patches every way a script can start a request to another host, so the decision is taken
 * *before* the request starts: a MutationObserver sees an inserted script only after Chromium
 * has sent its request. Returns the page's single hook.
 */
export const installPatches = (): GuardHook => {
  const global = window as unknown as Record<symbol, GuardHook>;
  if (global[HOOK]) return global[HOOK];
  const hook: GuardHook = (global[HOOK] = { block: ALLOW, cookie: ALLOW, scripted: new WeakSet() });

  patch(
    window,
    'fetch',
    (fetch) =>
      function (this: unknown, ...args) {
        const input = args[0] as Request | undefined;
        return hook.block(input?.url ?? input, 'fetch')
          ? // What a network failure gives: a rejection with a TypeError, never a throw.
            Promise.reject(new TypeError('Failed to fetch'))
          : Reflect.apply(fetch, this, args);
      },
  );
  patch(
    navigator,
    'sendBeacon',
    (sendBeacon) =>
      function (this: unknown, ...args) {
        return !hook.block(args[0], 'beacon') && Reflect.apply(sendBeacon, this, args);
      },
  );

  const urls = new WeakMap<object, unknown>();
  const xhr = XMLHttpRequest.prototype;
  patch(
    xhr,
    'open',
    (open) =>
      function (this: XMLHttpRequest, ...args) {
        urls.set(this, args[1]);
        Reflect.deleteProperty(this, 'readyState');
        // The arguments go on as given: `open(method, url, undefined)` would be synchronous.
        return Reflect.apply(open, this, args);
      },
  );
  patch(
    xhr,
    'send',
    (send) =>
      function (this: XMLHttpRequest, ...args) {
        if (!hook.block(urls.get(this), 'xhr')) return Reflect.apply(send, this, args);
        // A network error, as the XHR spec runs it: DONE with status 0, then readystatechange,
        // error and loadend, asynchronously.
        Object.defineProperty(this, 'readyState', { value: 4, configurable: true });
        setTimeout(() =>
          ['readystatechange', 'error', 'loadend'].map((type) =>
            this.dispatchEvent(new ProgressEvent(type)),
          ),
        );
      },
  );

  // Scripts and iframes that were stopped are made once consent comes; a pixel is not: a hit
  // from before the choice is not sent afterwards.
  const kinds: [typeof HTMLElement, Mechanism][] = [
    [HTMLScriptElement, 'script'],
    [HTMLIFrameElement, 'iframe'],
    [HTMLImageElement, 'image'],
  ];
  for (const [element, mechanism] of kinds) {
    patch(
      element.prototype,
      'src',
      (set) =>
        function (this: unknown, value) {
          // The value goes through untouched: under Trusted Types it is a TrustedScriptURL, and a
          // string would be refused.
          const run = () => Reflect.apply(set, this, [value]);
          hook.scripted.add(this as object);
          if (!hook.block(value, mechanism, mechanism != 'image' && run)) run();
        },
      'set',
    );
  }
  patch(
    Element.prototype,
    'setAttribute',
    (setAttribute) =>
      function (this: Element, ...args) {
        const run = () => Reflect.apply(setAttribute, this, args);
        const mechanism =
          String(args[0]).toLowerCase() == 'src' &&
          kinds.find(([element]) => this instanceof element)?.[1];
        if (mechanism) hook.scripted.add(this);
        if (!mechanism || !hook.block(args[1], mechanism, mechanism != 'image' && run))
          return run();
      },
  );
  patch(
    document,
    'cookie',
    (set) =>
      function (this: unknown, value) {
        if (!hook.cookie(String(value))) Reflect.apply(set, this, [value]);
      },
    'set',
  );
  return hook;
};
