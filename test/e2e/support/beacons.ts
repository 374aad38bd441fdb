import type { Page } from '@playwright/test';
import type { CollectBody, ConsentReceiptBody, Hit } from '../../../src/protocol/types';

/** Is this the relay's statistics route? */
export const isCollect = (url: string) => new URL(url).pathname === '/zv/collect';

/** Is this the relay's consent-receipt route? */
export const isConsent = (url: string) => new URL(url).pathname === '/zv/consent';

/** Every JSON body the page posts to a route `matches` accepts, in order, as the browser sent it. */
const recordPosts = <T>(page: Page, matches: (url: string) => boolean): T[] => {
  const bodies: T[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && matches(request.url())) {
      bodies.push(JSON.parse(request.postData() ?? 'null'));
    }
  });
  return bodies;
};

/**
 * Every statistics body the page posts, as the browser sent it (request events: a `sendBeacon`
 * during `pagehide` can escape them, so tests of that read the relay's store instead).
 */
export const recordBeacons = (page: Page) => recordPosts<CollectBody>(page, isCollect);

/** Every consent receipt the page posts to the relay's `/zv/consent`, as the browser sent it. */
export const recordReceipts = (page: Page) => recordPosts<ConsentReceiptBody>(page, isConsent);

export const hitsOf = (bodies: CollectBody[]): Hit[] => bodies.flatMap((body) => body.hits);
export const pathOf = (hit: Hit) => new URL(hit.url).pathname;
