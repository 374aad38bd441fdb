/// <reference lib="webworker" />
/**
 * The service worker guard (`dist/zorgvuldig-sw.js`). It sees every request of the pages it
 * controls, raw `<script src>` tags in the HTML included, and answers those to a guarded host
 * with a network error while the host's category is not granted. The page posts the state on
 * load and on every consent change. A fresh worker does not know it yet (it keeps nothing on
 * disk, because consent ends with the browser session and a cache would not), so it holds
 * cross-origin requests until the page tells it, and blocks the default Google hosts if the page
 * stays silent.
 */
import type { GuardState } from '../guard/registerServiceWorker';
import { matchHost } from '../lib/matchHost';
import { GOOGLE_HOSTS } from '../config/googleDefaults';

declare const self: ServiceWorkerGlobalScope;

/** How long a request waits for the page's first message: the SDK posts it as it starts. */
const WAIT_FOR_PAGE_MS = 3000;

let state: GuardState['categories'] | null = null;
let known: () => void;
const stateKnown = new Promise<void>((resolve) => (known = resolve));

const isState = (data: unknown): data is GuardState =>
  (data as GuardState)?.zv === 1 && Array.isArray((data as GuardState).categories);

/** The category blocking `url`, or `undefined`. */
const blockedBy = (url: URL) =>
  (state ?? [['googleAnalytics', GOOGLE_HOSTS, false]]).find(
    ([, hosts, granted]) => !granted && hosts.some((pattern) => matchHost(url.hostname, pattern)),
  )?.[0];

const answer = async (event: FetchEvent, url: URL): Promise<Response> => {
  const category = blockedBy(url);
  if (!category) return fetch(event.request);
  const client = await self.clients.get(event.clientId || event.resultingClientId);
  client?.postMessage({
    zv: 'blocked',
    request: {
      host: url.hostname,
      url: url.origin + url.pathname,
      category,
      time: new Date().toISOString(),
    },
  });
  return Response.error();
};

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', ({ data }) => {
  if (!isState(data)) return;
  state = data.categories;
  known();
});
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin == self.location.origin || !/^https?:$/.test(url.protocol)) return;
  if (state) {
    if (blockedBy(url)) event.respondWith(answer(event, url));
    return;
  }
  event.respondWith(
    Promise.race([stateKnown, new Promise((wait) => setTimeout(wait, WAIT_FOR_PAGE_MS))]).then(() =>
      answer(event, url),
    ),
  );
});
