// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startGuard } from '../../../src/guard/startGuard';
import { fakeContext, type FakeContext } from './fakeContext';

const GA =
  'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST123&cid=123.456&dl=https%3A%2F%2Fzorg.example%2Fdepressie';
const GTM = 'https://www.googletagmanager.com/gtm.js?id=GTM-TEST';

// The "native" APIs under the guard: recorders, so nothing reaches the network and each test
// can see exactly what the browser would have been asked to do.
const nativeFetch = vi.fn(async (..._args: unknown[]) => new Response('ok'));
const nativeBeacon = vi.fn((..._args: unknown[]) => true);
const nativeSend = vi.fn();
const nativeSrc = vi.fn();
const values = new WeakMap<object, unknown>();

beforeAll(() => {
  // As in a browser: `fetch` is a data property of window (vitest's happy-dom makes it an accessor).
  Object.defineProperty(window, 'fetch', {
    value: nativeFetch,
    writable: true,
    configurable: true,
  });
  Object.defineProperty(navigator, 'sendBeacon', {
    value: nativeBeacon,
    writable: true,
    configurable: true,
  });
  XMLHttpRequest.prototype.send = nativeSend;
  for (const element of [HTMLScriptElement, HTMLIFrameElement, HTMLImageElement]) {
    Object.defineProperty(element.prototype, 'src', {
      configurable: true,
      get() {
        return values.has(this) ? String(values.get(this)) : '';
      },
      set(value: unknown) {
        values.set(this, value);
        nativeSrc(this, value);
      },
    });
  }
});

let ctx: FakeContext;
const start = (choices = {}, options = {}) => {
  ctx = fakeContext(options, choices);
  return startGuard(ctx);
};

afterEach(() => {
  ctx?.teardown();
  vi.clearAllMocks();
});

describe('startGuard: fetch', () => {
  it('rejects a fetch to Google with a TypeError before calling the browser', async () => {
    start();
    await expect(fetch(GA, { method: 'POST', keepalive: true })).rejects.toBeInstanceOf(TypeError);
    expect(nativeFetch).not.toHaveBeenCalled();
  });

  it('blocks Request and URL objects to Google as well', async () => {
    start();
    await expect(fetch(new Request(GA))).rejects.toThrow(TypeError);
    await expect(fetch(new URL(GA))).rejects.toThrow(TypeError);
    expect(nativeFetch).not.toHaveBeenCalled();
  });

  it("passes the page's own requests through with the same arguments", async () => {
    start();
    const request = new Request('https://api.example.nl/x', { method: 'POST', body: 'a' });
    const url = new URL('https://cdn.example.nl/y');
    const init = { method: 'PUT' };
    await fetch('/relative?q=1', init);
    await fetch(request);
    await fetch(url);
    expect(nativeFetch.mock.calls).toEqual([['/relative?q=1', init], [request], [url]]);
    expect(nativeFetch.mock.calls[1][0]).toBe(request);
    expect(nativeFetch.mock.calls[2][0]).toBe(url);
  });

  it('lets Google through once googleAnalytics is granted, and blocks again on withdrawal', async () => {
    start();
    ctx.consent.set({ googleAnalytics: true }, 'api');
    await fetch(GA);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    ctx.consent.set({ googleAnalytics: false }, 'withdraw');
    await expect(fetch(GA)).rejects.toThrow(TypeError);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
  });

  it('emits one blocked event per call, with the host, mechanism, category and no query', async () => {
    const guard = start();
    await fetch(GA).catch(() => {});
    expect(ctx.events$).toHaveLength(1);
    const [event] = ctx.events$;
    expect(event).toMatchObject({
      host: 'www.google-analytics.com',
      url: 'https://www.google-analytics.com/g/collect',
      mechanism: 'fetch',
      category: 'googleAnalytics',
    });
    expect(Number.isNaN(Date.parse(event.time))).toBe(false);
    expect(guard.blocked()).toEqual([event]);
  });

  it('never throws into the page, whatever it is given', async () => {
    start();
    const evil = {
      toString() {
        throw new Error('boom');
      },
    };
    await fetch(evil as unknown as string);
    await fetch(undefined as unknown as string);
    expect(nativeFetch).toHaveBeenCalledTimes(2);
  });
});

describe('startGuard: sendBeacon and XMLHttpRequest', () => {
  it('makes sendBeacon to Google return false without sending', () => {
    start();
    expect(navigator.sendBeacon(GA, 'x')).toBe(false);
    expect(nativeBeacon).not.toHaveBeenCalled();
    expect(navigator.sendBeacon('/zv/collect', 'x')).toBe(true);
    expect(nativeBeacon).toHaveBeenCalledWith('/zv/collect', 'x');
    expect(ctx.events$.map((e) => e.mechanism)).toEqual(['beacon']);
  });

  it('fails an XHR to Google like a network error: readyState 4, status 0, error and loadend', async () => {
    start();
    const xhr = new XMLHttpRequest();
    const seen: string[] = [];
    for (const type of ['readystatechange', 'error', 'loadend', 'load']) {
      xhr.addEventListener(type, () => seen.push(type));
    }
    const onerror = vi.fn();
    xhr.onerror = onerror;
    xhr.open('POST', GA);
    expect(() => xhr.send('x')).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(nativeSend).not.toHaveBeenCalled();
    expect(seen).toEqual(['readystatechange', 'error', 'loadend']);
    expect(onerror).toHaveBeenCalledTimes(1);
    expect(xhr.readyState).toBe(4);
    expect(xhr.status).toBe(0);
    expect(ctx.events$.map((e) => e.mechanism)).toEqual(['xhr']);
  });

  it("sends the page's own XHR untouched", () => {
    start();
    const xhr = new XMLHttpRequest();
    xhr.open('GET', '/api/own');
    xhr.send();
    expect(nativeSend).toHaveBeenCalledTimes(1);
    expect(ctx.events$).toEqual([]);
  });
});

describe('startGuard: elements', () => {
  it('stops a script inserted by a script before its request, and runs it once on consent', () => {
    start();
    const script = document.createElement('script');
    script.src = GTM;
    document.head.append(script);
    expect(nativeSrc).not.toHaveBeenCalled();
    expect(ctx.events$.map((e) => e.mechanism)).toEqual(['script']);
    ctx.consent.set({ statistics: true }, 'api');
    expect(nativeSrc).not.toHaveBeenCalled();
    ctx.consent.set({ googleAnalytics: true }, 'api');
    expect(nativeSrc).toHaveBeenCalledExactlyOnceWith(script, GTM);
    ctx.consent.set({ googleAnalytics: false }, 'withdraw');
    ctx.consent.set({ googleAnalytics: true }, 'api');
    expect(nativeSrc).toHaveBeenCalledTimes(1);
  });

  it('stops setAttribute("src") on scripts and iframes, and replays it on consent', () => {
    start();
    const iframe = document.createElement('iframe');
    iframe.setAttribute('SRC', 'https://td.doubleclick.net/td/rul/1');
    expect(iframe.getAttribute('src')).toBeNull();
    ctx.consent.set({ googleAnalytics: true }, 'api');
    expect(iframe.getAttribute('src')).toBe('https://td.doubleclick.net/td/rul/1');
  });

  it('stops image pixels and does not send them later', () => {
    start();
    const pixel = new Image();
    pixel.src = GA;
    document.createElement('img').setAttribute('src', GA);
    expect(nativeSrc).not.toHaveBeenCalled();
    ctx.consent.set({ googleAnalytics: true }, 'api');
    expect(nativeSrc).not.toHaveBeenCalled();
    expect(ctx.events$.map((e) => e.mechanism)).toEqual(['image', 'image']);
  });

  it('passes a Trusted Types value to the browser as the same object', () => {
    start({ googleAnalytics: true });
    const trusted = { toString: () => GTM };
    const script = document.createElement('script');
    script.src = trusted as unknown as string;
    expect(nativeSrc.mock.calls[0][1]).toBe(trusted);
  });

  it('leaves other attributes and other hosts alone', () => {
    start();
    const script = document.createElement('script');
    script.setAttribute('data-src', GTM);
    script.src = '/own.js';
    expect(script.getAttribute('data-src')).toBe(GTM);
    expect(nativeSrc).toHaveBeenCalledExactlyOnceWith(script, '/own.js');
  });
});

describe('startGuard: cookies, site categories, loading twice', () => {
  it('refuses Google cookies while not granted, but lets them be deleted', () => {
    start();
    document.cookie = '_ga=GA1.1.123.456; path=/';
    document.cookie = '_ga_ABC=GS1.1.1; path=/';
    document.cookie = 'own=1; path=/';
    expect(document.cookie).toBe('own=1');
    ctx.consent.set({ googleAnalytics: true }, 'api');
    document.cookie = '_ga=GA1.1.123.456; path=/';
    expect(document.cookie).toContain('_ga=GA1.1.123.456');
    ctx.consent.set({ googleAnalytics: false }, 'withdraw');
    document.cookie = '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    expect(document.cookie).not.toContain('_ga');
    document.cookie = 'own=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it("guards a site category's hosts", async () => {
    start(
      {},
      {
        categories: { video: { label: 'Video', description: 'YouTube', hosts: ['*.youtube.com'] } },
      },
    );
    await expect(fetch('https://www.youtube.com/embed/x')).rejects.toThrow(TypeError);
    expect(ctx.events$[0]).toMatchObject({ category: 'video', host: 'www.youtube.com' });
  });

  it('patches once when started twice: the newest guard decides', async () => {
    start();
    const patched = window.fetch;
    const first = ctx;
    start({ googleAnalytics: true });
    expect(window.fetch).toBe(patched);
    await fetch(GA);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
    first.teardown();
  });

  it('lets everything through after teardown', async () => {
    start();
    ctx.teardown();
    await fetch(GA);
    expect(nativeFetch).toHaveBeenCalledTimes(1);
  });
});
