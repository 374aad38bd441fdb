import { expect, test, type Page } from '@playwright/test';
import { hitsOf, recordBeacons } from './support/beacons';
import { holdParts, type PartName } from './support/parts';
import { banner, openSdkPage } from './support/sdkPage';

/**
 * `exportData()`, `forget()`, `audit()` and `renderCookieTable()` live in parts the core loads on
 * first use. Called before the part has arrived (its response is held here), each returns a
 * promise, and resolves with what it would have given with the part already there.
 */
const RIGHTS_PARTS: PartName[] = ['rights'];

type Pending = Window & { pending: Promise<unknown>; pendingWasPromise: boolean };

/** Opens a page with statistics on, waits for the first page view, then holds the rights parts. */
const openWithRightsHeld = async (page: Page) => {
  const bodies = recordBeacons(page);
  const held = await holdParts(page, RIGHTS_PARTS);
  await openSdkPage(page, { attributes: { 'data-endpoint': '/zv' } });
  await expect.poll(() => hitsOf(bodies).length).toBeGreaterThanOrEqual(1);
  return { bodies, held };
};

/** Calls `method` in the page and keeps what it returned; says whether that was a promise. */
const callEarly = (page: Page, method: 'exportData' | 'forget' | 'audit' | 'renderCookieTable') =>
  page.evaluate((name) => {
    const win = window as unknown as Pending;
    const api = window.zorgvuldig as unknown as Record<string, () => unknown>;
    const returned = api[name]();
    win.pendingWasPromise = typeof (returned as Promise<unknown>)?.then === 'function';
    win.pending = Promise.resolve(returned);
    return win.pendingWasPromise;
  }, method);

/** The part was asked for and is still held: the call above really came before it. */
const expectStillHeld = async (held: { held(): number }) => {
  await expect.poll(() => held.held()).toBeGreaterThanOrEqual(1);
};

test.describe('API calls made before their part has arrived', () => {
  test('exportData() resolves with the consent, the pseudonym and the beacons sent', async ({
    page,
    context,
  }) => {
    const { bodies, held } = await openWithRightsHeld(page);
    expect(await callEarly(page, 'exportData')).toBe(true);
    await expectStillHeld(held);
    await held.release();
    const exported = (await page.evaluate(() => (window as unknown as Pending).pending)) as {
      v: number;
      consent: unknown;
      pseudonym: string;
      beacons: unknown[];
      cookies: Record<string, string>;
    };
    expect(exported.v).toBe(1);
    expect(exported.consent).toEqual(await page.evaluate(() => window.zorgvuldig.getConsent()));
    expect(exported.pseudonym).toBe(bodies[0].sid);
    expect(exported.beacons).toEqual(expect.arrayContaining([bodies[0]]));
    const pseudonymCookie = (await context.cookies()).find(({ name }) => name === 'zv_id');
    expect(exported.cookies.zv_id).toBe(pseudonymCookie?.value);
  });

  test('audit() resolves with the consent, the cookies and the request the guard stopped', async ({
    page,
    context,
  }) => {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.fulfill({ status: 204, body: '' }),
    );
    const { held } = await openWithRightsHeld(page);
    const stopped = await page.evaluate(() => {
      window.zorgvuldig.rejectAll();
      return fetch('https://www.google-analytics.com/g/collect?v=2').then(
        () => 'sent',
        (error: Error) => error.name,
      );
    });
    expect(stopped).toBe('TypeError');
    expect(await callEarly(page, 'audit')).toBe(true);
    await expectStillHeld(held);
    await held.release();
    const report = (await page.evaluate(() => (window as unknown as Pending).pending)) as {
      consent: { method: string };
      cookies: { name: string; category: string | null }[];
      blocked: { host: string; mechanism: string }[];
    };
    expect(report.consent).toMatchObject({ method: 'reject-all' });
    expect(report.cookies).toContainEqual(
      expect.objectContaining({ name: 'zv_consent', category: 'necessary' }),
    );
    expect(report.blocked).toContainEqual(
      expect.objectContaining({ host: 'www.google-analytics.com', mechanism: 'fetch' }),
    );
  });

  test('renderCookieTable() resolves with the same table it gives once the part is there', async ({
    page,
  }) => {
    const { held } = await openWithRightsHeld(page);
    expect(await callEarly(page, 'renderCookieTable')).toBe(true);
    await expectStillHeld(held);
    await held.release();
    const { early, later, isTable } = await page.evaluate(async () => {
      const table = (await (window as unknown as Pending).pending) as HTMLTableElement;
      const again = (await window.zorgvuldig.renderCookieTable()) as HTMLTableElement;
      return {
        isTable: table instanceof HTMLTableElement,
        early: table.outerHTML,
        later: again.outerHTML,
      };
    });
    expect(isTable).toBe(true);
    expect(early).toBe(later);
    expect(early).toContain('data-cookie="zv_consent"');
    expect(early).toContain('data-cookie="zv_id"');
  });

  test('forget() resolves true, and the cookies, the storage and the choice are gone', async ({
    page,
    context,
  }) => {
    const { held } = await openWithRightsHeld(page);
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    expect(await callEarly(page, 'forget')).toBe(true);
    await expectStillHeld(held);
    // Nothing is erased before the part that erases has arrived: the call is queued, not dropped.
    expect((await context.cookies()).map(({ name }) => name)).toContain('zv_consent');
    await held.release();
    expect(await page.evaluate(() => (window as unknown as Pending).pending)).toBe(true);
    expect((await context.cookies()).map(({ name }) => name)).toEqual([]);
    expect(
      await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('zv_'))),
    ).toEqual([]);
    expect(await page.evaluate(() => window.zorgvuldig.getConsent().decided)).toBe(false);
    await expect(banner(page)).toBeVisible();
  });

  test('calls queued while the part loads are replayed in order: exportData() before forget() still sees the data', async ({
    page,
  }) => {
    const { bodies, held } = await openWithRightsHeld(page);
    await page.evaluate(() => {
      const win = window as unknown as { order: Promise<unknown[]> };
      win.order = Promise.all([window.zorgvuldig.exportData(), window.zorgvuldig.forget()]);
    });
    await expectStillHeld(held);
    await held.release();
    const [exported, forgotten] = (await page.evaluate(
      () => (window as unknown as { order: Promise<unknown[]> }).order,
    )) as [{ pseudonym: string; consent: { decided: boolean } }, boolean];
    expect(exported.pseudonym).toBe(bodies[0].sid);
    expect(forgotten).toBe(true);
    const after = await page.evaluate(() => window.zorgvuldig.exportData());
    expect(after.pseudonym).not.toBe(bodies[0].sid);
  });
});
