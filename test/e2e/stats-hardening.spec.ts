import { expect, test, type Page } from '@playwright/test';
import { hitsOf, pathOf, recordBeacons } from './support/beacons';

/** Issue 8 for statistics: hostile pages and faults. Every case also asserts no page error. */

const pageErrors = (page: Page): Error[] => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
};

test.describe('statistics under faults', () => {
  test('keeps counting in memory when sessionStorage throws and cookies are blocked', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const deny = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      for (const method of ['getItem', 'setItem', 'removeItem'] as const) {
        Storage.prototype[method] = deny;
      }
      Object.defineProperty(Document.prototype, 'cookie', { get: deny, set: deny });
    });
    const errors = pageErrors(page);
    const bodies = recordBeacons(page);
    let fail = true;
    await page.route('**/zv/collect', (route) => (fail ? route.abort() : route.continue()));
    await page.goto('/spa.html');
    await expect.poll(() => bodies.length).toBe(1);
    // The relay was down: the page view waits in memory and goes with the next flush.
    fail = false;
    await page.evaluate(() => history.pushState(null, '', '/spa/over-ons'));
    await expect.poll(() => bodies.length).toBe(2);
    expect(hitsOf([bodies[1]]).map(pathOf)).toEqual(['/spa.html', '/spa/over-ons']);
    expect(bodies[1].sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(errors).toEqual([]);
  });

  test('keeps going when sessionStorage is full', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('quota', 'QuotaExceededError');
      };
    });
    const errors = pageErrors(page);
    const bodies = recordBeacons(page);
    await page.goto('/spa.html');
    await page.evaluate(() => history.pushState(null, '', '/spa/over-ons'));
    await expect.poll(() => hitsOf(bodies).length).toBe(2);
    expect(errors).toEqual([]);
  });

  test('counts navigation when other scripts wrap history.pushState before and after the SDK', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const original = history.pushState;
      history.pushState = function (...args: Parameters<History['pushState']>) {
        (window as { before?: number }).before = ((window as { before?: number }).before ?? 0) + 1;
        return original.apply(this, args);
      };
    });
    const errors = pageErrors(page);
    const bodies = recordBeacons(page);
    await page.goto('/spa.html');
    await page.evaluate(() => {
      const sdkPatched = history.pushState;
      history.pushState = function (...args: Parameters<History['pushState']>) {
        (window as { after?: number }).after = ((window as { after?: number }).after ?? 0) + 1;
        return sdkPatched.apply(this, args);
      };
      history.pushState(null, '', '/spa/een');
      history.pushState(null, '', '/spa/twee');
    });
    await expect.poll(() => hitsOf(bodies).length).toBe(3);
    expect(hitsOf(bodies).map(pathOf)).toEqual(['/spa.html', '/spa/een', '/spa/twee']);
    expect(await page.evaluate(() => location.pathname)).toBe('/spa/twee');
    expect(
      await page.evaluate(() => [
        (window as { before?: number }).before,
        (window as { after?: number }).after,
      ]),
    ).toEqual([2, 2]);
    expect(errors).toEqual([]);
  });

  test('keeps a 100 KB URL out of the beacon', async ({ page }) => {
    const bodies = recordBeacons(page);
    await page.goto('/spa.html');
    await page.evaluate(() => history.pushState(null, '', `/spa/${'lang-'.repeat(20_000)}`));
    await expect.poll(() => hitsOf(bodies).length).toBe(2);
    expect(hitsOf(bodies)[1].url.length).toBeLessThanOrEqual(1024);
    for (const body of bodies) expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(4096);
  });
});
