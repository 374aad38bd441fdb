import { beforeEach, describe, expect, it, vi } from 'vitest';

// The worker runs its module top level against `self`; each test loads a fresh copy against a
// fake ServiceWorkerGlobalScope and drives it with fake events.
type Listener = (event: unknown) => void;

interface FakeFetchEvent {
  request: Request;
  clientId: string;
  resultingClientId: string;
  answer?: Promise<Response>;
  respondWith(response: Promise<Response>): void;
}

const loadWorker = async () => {
  const listeners: Record<string, Listener> = {};
  const posted: unknown[] = [];
  const passedThrough: string[] = [];
  vi.stubGlobal('self', {
    location: new URL('https://zorg.example/zorgvuldig-sw.js'),
    addEventListener: (type: string, listener: Listener) => (listeners[type] = listener),
    skipWaiting: async () => {},
    clients: {
      claim: async () => {},
      get: async () => ({ postMessage: (message: unknown) => posted.push(message) }),
    },
  });
  vi.stubGlobal('fetch', async (request: Request) => {
    passedThrough.push(request.url);
    return new Response('ok');
  });
  vi.resetModules();
  await import('../../../src/sw/serviceWorker');
  const request = (url: string): FakeFetchEvent => {
    const event: FakeFetchEvent = {
      request: new Request(url),
      clientId: 'page',
      resultingClientId: '',
      respondWith(response) {
        event.answer = response;
      },
    };
    listeners.fetch(event);
    return event;
  };
  const tell = (categories: [string, string[], boolean][]) =>
    listeners.message({ data: { zv: 1, categories } });
  return { request, tell, posted, passedThrough };
};

const GA = 'https://www.google-analytics.com/g/collect?v=2';
const GTM = 'https://www.googletagmanager.com/gtag/js?id=G-RAW';
const HOSTS = ['*.google-analytics.com', '*.googletagmanager.com'];

beforeEach(() => {
  vi.unstubAllGlobals();
});

describe('service worker guard', () => {
  it('answers a guarded host with a network error while its category is not granted', async () => {
    const worker = await loadWorker();
    worker.tell([['googleAnalytics', HOSTS, false]]);
    const event = worker.request(GTM);
    expect((await event.answer!).type).toBe('error');
    expect(worker.passedThrough).toEqual([]);
    expect(worker.posted).toMatchObject([
      { zv: 'blocked', request: { host: 'www.googletagmanager.com', category: 'googleAnalytics' } },
    ]);
  });

  it('leaves same-origin and other hosts to the browser, and follows consent', async () => {
    const worker = await loadWorker();
    worker.tell([['googleAnalytics', HOSTS, false]]);
    expect(worker.request('https://zorg.example/zv/collect').answer).toBeUndefined();
    expect(worker.request('https://cdn.example.nl/x.js').answer).toBeUndefined();
    worker.tell([['googleAnalytics', HOSTS, true]]);
    expect(worker.request(GA).answer).toBeUndefined();
    worker.tell([['googleAnalytics', HOSTS, false]]);
    expect((await worker.request(GA).answer!).type).toBe('error');
  });

  it('a fresh worker holds cross-origin requests until the page says what is granted', async () => {
    const worker = await loadWorker();
    const held = worker.request(GTM);
    const other = worker.request('https://cdn.example.nl/x.js');
    expect(held.answer).toBeDefined();
    worker.tell([['googleAnalytics', HOSTS, true]]);
    expect((await held.answer!).type).not.toBe('error');
    await other.answer;
    expect(worker.passedThrough).toEqual([GTM, 'https://cdn.example.nl/x.js']);
  });

  it('a fresh worker blocks the default Google hosts if the page never tells it', async () => {
    vi.useFakeTimers();
    const worker = await loadWorker();
    const held = worker.request(GA);
    await vi.advanceTimersByTimeAsync(5000);
    expect((await held.answer!).type).toBe('error');
    vi.useRealTimers();
  });

  it('ignores messages that are not its state', async () => {
    const worker = await loadWorker();
    worker.tell([['googleAnalytics', HOSTS, false]]);
    (worker as unknown as { tell: (c: unknown) => void }).tell('nonsense');
    expect((await worker.request(GA).answer!).type).toBe('error');
  });
});
