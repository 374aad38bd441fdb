import type { Context } from '../context/context';
import { guarded } from '../lib/guarded';

/** What the page tells the worker: each guarded category, its hosts, and whether it is granted. */
export interface GuardState {
  zv: 1;
  categories: [key: string, hosts: string[], granted: boolean][];
}

/**
 * Registers `dist/zorgvuldig-sw.js` (served at `url`) for the whole site and keeps it told of
 * consent. The scope is `/`: serve the file at the site root or send `Service-Worker-Allowed: /`.
 * A worker only controls pages loaded after it activated, so it guards from the second page
 * view on; it is what stops a raw `<script src>` that the preload scanner would fetch.
 */
export const registerServiceWorker = (ctx: Context, url: string): void => {
  try {
    const container = navigator.serviceWorker;
    const post = () => {
      const state: GuardState = {
        zv: 1,
        categories: ctx.config.categories
          .filter(({ hosts }) => hosts.length)
          .map(({ key, hosts }) => [key, hosts, ctx.consent.isGranted(key)]),
      };
      container.controller?.postMessage(state);
      void container.ready.then(
        guarded('telling the service worker', (registration: ServiceWorkerRegistration) =>
          registration.active?.postMessage(state),
        ),
      );
    };
    container
      .register(url, { scope: '/' })
      .catch((error) => console.warn('zorgvuldig: service worker', error));
    post();
    ctx.onTeardown(ctx.consent.onChange(post));
  } catch {
    // No service workers here (plain http, a sandboxed frame): the page guard still runs.
  }
};
