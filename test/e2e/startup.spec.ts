import { expect, test, type Page } from '@playwright/test';
import { hitsOf, isConsent, recordBeacons, recordReceipts } from './support/beacons';
import {
  holdParts,
  partOf,
  recordPaintAndParts,
  recordPartRequests,
  waitForIdle,
} from './support/parts';
import { banner, dialog, openSdkPage, type SdkPageOptions } from './support/sdkPage';

/**
 * Start-up of the script-tag core: what it loads, and when. The core loads the banner UI only
 * where a choice is still to be made, the statistics part only once the banner has painted (and
 * only where statistics may run), and nothing of the UI for a returning visitor until the
 * preferences are opened.
 */
const WITH_STATISTICS: SdkPageOptions = { attributes: { 'data-endpoint': '/zv' } };

const gpcOn = (page: Page) =>
  page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  );

test.describe('start-up: first visit', () => {
  test('the banner shows; the UI part is requested once; statistics only after the banner painted', async ({
    page,
  }) => {
    const startup = await recordPaintAndParts(page);
    const parts = recordPartRequests(page);
    const bodies = recordBeacons(page);
    await openSdkPage(page, WITH_STATISTICS);
    await expect(banner(page)).toBeVisible();
    // Statistics run on this page (the default): the first page view proves the part arrived.
    await expect.poll(() => hitsOf(bodies).length).toBeGreaterThanOrEqual(1);
    await waitForIdle(page);
    expect(parts.count('ui')).toBe(1);
    expect(parts.count('stats')).toBe(1);
    expect(parts.count('rights')).toBe(0); // On first use only.

    const { bannerLaidOutAt, partFetches } = await startup();
    expect(bannerLaidOutAt).not.toBeNull();
    const statsFetch = partFetches.find(([url]) => partOf(url) === 'stats');
    expect(statsFetch).toBeDefined();
    expect(statsFetch![1]).toBeGreaterThan(bannerLaidOutAt!);

    // The dialog comes from the same part: opening it asks for nothing more.
    await banner(page).getByRole('button', { name: 'Instellingen' }).click();
    await expect(dialog(page)).toBeVisible();
    expect(parts.count('ui')).toBe(1);
  });

  test("the banner's parts are fetched at high priority; statistics are not", async ({ page }) => {
    // Chromium fetches a script the core inserts at low priority and holds low-priority requests
    // back while the page is still parsing: the banner would wait for the page's own files.
    const cdp = await page.context().newCDPSession(page);
    const priorities = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', ({ request }) => {
      const part = partOf(request.url);
      if (part) priorities.set(part, request.initialPriority);
    });
    await cdp.send('Network.enable');
    const bodies = recordBeacons(page);
    await openSdkPage(page, WITH_STATISTICS);
    await expect(banner(page)).toBeVisible();
    await expect.poll(() => hitsOf(bodies).length).toBeGreaterThanOrEqual(1);
    expect(priorities.get('ui')).toBe('High');
    expect(priorities.get('shell')).toBe('High');
    expect(priorities.get('stats')).toBe('Low');
  });

  for (const { why, gpc, optIn } of [
    { why: 'the browser sends Global Privacy Control', gpc: true, optIn: false },
    { why: 'statistics are opt-in and not given', gpc: false, optIn: true },
  ]) {
    test(`the statistics part is never requested when ${why}, until statistics are switched on`, async ({
      page,
    }) => {
      if (gpc) await gpcOn(page);
      const parts = recordPartRequests(page);
      const bodies = recordBeacons(page);
      await openSdkPage(page, {
        attributes: {
          'data-endpoint': '/zv',
          ...(optIn ? { 'data-statistics-default': 'off' } : {}),
        },
      });
      await expect(banner(page)).toBeVisible();
      await waitForIdle(page);
      await page.evaluate(() => {
        history.pushState(null, '', '/t/volgende');
        window.zorgvuldig.track('klik');
      });
      // A choice that does not give statistics: with GPC even "accept all" does not.
      await page.evaluate((accept) => {
        if (accept) window.zorgvuldig.acceptAll();
        else window.zorgvuldig.rejectAll();
      }, !optIn);
      await waitForIdle(page);
      expect(parts.count('stats')).toBe(0);
      expect(bodies).toEqual([]);

      // The control: given explicitly, the part loads once and counts this page.
      await page.evaluate(() => window.zorgvuldig.setConsent({ statistics: true }));
      await expect.poll(() => hitsOf(bodies).length).toBeGreaterThanOrEqual(1);
      expect(parts.count('stats')).toBe(1);
    });
  }
});

test.describe('start-up: before the next script of the page', () => {
  test('the API, the consent defaults and the guard are in place for the script after the SDK tag', async ({
    page,
  }) => {
    // Should the guard fail, the beacon must still not reach the internet.
    await page.route('**/*.google-analytics.com/**', (route) => route.abort());
    await openSdkPage(page, {
      attributes: { 'data-ga-id': 'G-TEST123' },
      head: `<script>window.nextScript = {
        api: typeof window.zorgvuldig?.getConsent,
        decided: window.zorgvuldig?.getConsent?.().decided,
        first: Array.from(window.dataLayer?.[0] ?? []).slice(0, 2).join(' '),
        beacon: navigator.sendBeacon('https://www.google-analytics.com/g/collect', 'x'),
      };</script>`,
    });
    const seen = await page.evaluate(
      () => (window as unknown as { nextScript: object }).nextScript,
    );
    expect(seen).toEqual({
      api: 'function',
      decided: false,
      first: 'consent default',
      beacon: false,
    });
  });
});

test.describe('start-up: leaving early', () => {
  test('a visitor who leaves before the statistics part has arrived is still counted', async ({
    page,
  }) => {
    const held = await holdParts(page, ['stats']);
    const path = `/t/kort-bezoek-${test.info().workerIndex}-${Date.now()}.html`;
    // The part may be requested before the page's load event, which then waits for it.
    await openSdkPage(page, { ...WITH_STATISTICS, path, waitUntil: 'domcontentloaded' });
    await expect(banner(page)).toBeVisible();
    await expect.poll(() => held.held()).toBeGreaterThanOrEqual(1);
    // Gone to the site's next page before the part arrived there: the first page view may leave
    // on pagehide or with the next page, but it may not be lost.
    held.stop();
    await openSdkPage(page, { ...WITH_STATISTICS, path: `${path}.volgende` });
    await expect
      .poll(
        async () => {
          const response = await page.request.get('/zv/records?limit=1000');
          const { records } = (await response.json()) as {
            records: { type?: string; url?: string }[];
          };
          return records
            .filter((r) => r.type === 'pageview' && r.url?.includes(path))
            .map((r) => new URL(r.url!).pathname);
        },
        { timeout: 15_000 },
      )
      .toEqual(expect.arrayContaining([path, `${path}.volgende`]));
  });
});

test.describe('start-up: returning visit with a decision', () => {
  /** A page with the site's own preferences link, on which the visitor has just decided. */
  const decideOnPageWithLink = async (page: Page) => {
    await openSdkPage(page, {
      body: '<button type="button" data-zv-open-preferences>Cookies</button>',
    });
    await banner(page).getByRole('button', { name: 'Alleen noodzakelijk' }).click();
    await expect(banner(page)).toBeHidden();
    // The choice fetched the receipts part on this page: let it arrive before counting.
    await waitForIdle(page);
  };

  /** Loads the decided page again, until its reopen control is drawn and it has settled. */
  const reloadDecided = async (page: Page) => {
    const parts = recordPartRequests(page);
    await page.reload();
    await expect(
      page.getByRole('button', { name: 'Cookie-instellingen', exact: true }),
    ).toBeVisible();
    await waitForIdle(page);
    return parts;
  };

  /**
   * A first visit with a relay, decided ("Alleen noodzakelijk"), its receipt delivered and
   * marked so in the tab: the next page has no receipt waiting.
   */
  const decideWithRelay = async (page: Page) => {
    const delivered = page.waitForResponse(
      (response) => isConsent(response.url()) && response.ok(),
    );
    await openSdkPage(page, WITH_STATISTICS);
    await banner(page).getByRole('button', { name: 'Alleen noodzakelijk' }).click();
    await delivered;
    await waitForIdle(page);
  };

  const opens: [string, (page: Page) => Promise<void>][] = [
    [
      'the reopen control',
      (page) => page.getByRole('button', { name: 'Cookie-instellingen', exact: true }).click(),
    ],
    [
      "the site's own [data-zv-open-preferences] link",
      (page) => page.getByRole('button', { name: 'Cookies', exact: true }).click(),
    ],
    ['showPreferences()', (page) => page.evaluate(() => window.zorgvuldig.showPreferences())],
  ];

  for (const [control, open] of opens) {
    test(`no UI part is requested until ${control} is used; the dialog opens on the first use`, async ({
      page,
    }) => {
      await decideOnPageWithLink(page);

      const parts = await reloadDecided(page);
      // Statistics are refused and nothing was asked of the rights: only the reopen control.
      expect(parts.requested).toEqual(['shell']);

      await open(page);
      // Once: toBeVisible waits for the part to arrive, it does not click again.
      await expect(dialog(page)).toBeVisible();
      await expect(dialog(page).getByRole('switch', { name: 'Statistieken' })).not.toBeChecked();
      expect(parts.count('ui')).toBe(1);
      await expect(banner(page)).toBeHidden();
    });
  }

  test('with every receipt delivered, the receipts part waits for a choice; the preferences fetch it', async ({
    page,
  }) => {
    const receipts = recordReceipts(page);
    await decideWithRelay(page);

    const parts = await reloadDecided(page);
    expect(parts.requested).toEqual(['shell']);

    await page.getByRole('button', { name: 'Cookie-instellingen', exact: true }).click();
    await expect(dialog(page)).toBeVisible();
    expect(parts.count('receipts')).toBe(1);
    await dialog(page).getByRole('switch', { name: 'Statistieken' }).click();
    await dialog(page).getByRole('button', { name: 'Keuze opslaan' }).click();
    await expect.poll(() => receipts.length).toBe(2);
    expect(receipts[1].choices.statistics).toBe(true);
    // The export still holds the tab's receipts, the first page's included.
    const exported = await page.evaluate(() => window.zorgvuldig.exportData());
    expect(JSON.stringify(exported)).toContain(receipts[0].id);
  });

  test('a receipt an earlier page could not deliver fetches the part after the paint and is posted', async ({
    page,
  }) => {
    const receipts = recordReceipts(page);
    await page.route('**/zv/consent', (route) => route.abort('connectionrefused'));
    await openSdkPage(page, WITH_STATISTICS);
    await banner(page).getByRole('button', { name: 'Alleen noodzakelijk' }).click();
    await expect.poll(() => receipts.length).toBe(1);
    await waitForIdle(page);
    await page.unroute('**/zv/consent');

    const parts = recordPartRequests(page);
    const delivered = page.waitForResponse(
      (response) => isConsent(response.url()) && response.ok(),
    );
    await page.reload();
    expect(JSON.parse((await delivered).request().postData() ?? 'null').id).toBe(receipts[0].id);
    expect(parts.count('receipts')).toBe(1);
    expect(parts.count('ui')).toBe(0);
  });

  test('a choice made just before leaving, with the receipts part still on its way, is receipted by the next page', async ({
    page,
  }) => {
    const receipts = recordReceipts(page);
    await decideWithRelay(page);
    await reloadDecided(page);

    // The site's own button: a choice through the API, and the visitor goes on at once.
    const held = await holdParts(page, ['receipts']);
    await page.evaluate(() => window.zorgvuldig.acceptAll());
    await expect.poll(() => held.held()).toBe(1);
    held.stop();
    const parts = recordPartRequests(page);
    await page.reload();
    await expect.poll(() => receipts.length).toBe(2);
    expect(receipts[1]).toMatchObject({ method: 'accept-all', choices: { statistics: true } });
    expect(parts.count('receipts')).toBe(1);
    await waitForIdle(page);
    expect(receipts).toHaveLength(2);
  });

  test("a click on the site's own link before the shell has arrived opens the dialog once it has", async ({
    page,
  }) => {
    await decideOnPageWithLink(page);

    const held = await holdParts(page, ['shell']);
    // The shell is requested right after the core's task, so the load event waits for it.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => held.held()).toBe(1);
    // The reopen control is not there yet: the click reaches the core's listener only.
    await page.getByRole('button', { name: 'Cookies', exact: true }).click();
    await expect(dialog(page)).toBeHidden();
    await held.release();
    await expect(dialog(page)).toBeVisible();
    await expect(banner(page)).toBeHidden();
  });
});
