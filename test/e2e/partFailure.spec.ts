import type { Page } from '@playwright/test';
import {
  breakPart,
  collectWarningsAndErrors,
  namesPart,
  waitForIdle,
  type PartFailure,
  type PartName,
} from './support/parts';
import { recordBeacons } from './support/beacons';
import { expect, test, type RecordingProxy } from './support/recordingProxy';
import { banner, openSdkPage } from './support/sdkPage';

/**
 * A part that cannot load (404, one byte changed so its integrity hash no longer matches, or its
 * request blocked as an extension does) fails closed: consent and the Google gate work as
 * before, one console warning names the part, `audit()` reports it, and the page gets no
 * uncaught error. Google's hosts are answered by the recording proxy, which sees every request
 * Chromium makes.
 */
const PAGE = {
  attributes: { 'data-endpoint': '/zv', 'data-ga-id': 'G-TEST123', 'data-policy-version': '1' },
  head: '<script src="/fixtures/google/attempts.js"></script>',
};

type Win = Window & {
  attempts(): Promise<Record<string, unknown>>;
  gtagStub?: { hits: number; commands: unknown[][] };
};

interface Scenario {
  part: PartName;
  /** Brings the page to where the core asks for the part. */
  reach(page: Page): Promise<void>;
}

const HOW: Record<PartFailure, string> = {
  '404': 'answering 404',
  'one byte changed': 'with one byte changed',
  blocked: 'blocked as by an extension',
};

const SCENARIOS: Scenario[] = [
  // The shell (the shadow root the banner fills): a first visit asks for it at once.
  { part: 'shell', reach: (page) => openSdkPage(page, PAGE) },
  // The banner's part: a first visit asks for it at once.
  { part: 'ui', reach: (page) => openSdkPage(page, PAGE) },
  // Statistics: asked for once the banner has painted.
  { part: 'stats', reach: (page) => openSdkPage(page, PAGE) },
  // Consent receipts: asked for after the paint, the page having a relay.
  { part: 'receipts', reach: (page) => openSdkPage(page, PAGE) },
  // Rights: asked for on first use.
  {
    part: 'rights',
    reach: async (page) => {
      await openSdkPage(page, PAGE);
      const settled = await page.evaluate(() =>
        Promise.resolve(window.zorgvuldig.exportData()).then(
          () => 'resolved',
          (error: Error) => `rejected: ${error.message}`,
        ),
      );
      test.info().annotations.push({ type: 'exportData() without its part', description: settled });
    },
  },
];

const googleRequests = (proxy: RecordingProxy) =>
  proxy.google().map((entry) => `${entry.method} ${entry.url}`);

const consentCookie = async (page: Page) =>
  (await page.context().cookies()).find(({ name }) => name === 'zv_consent')?.value;

for (const { part, reach } of SCENARIOS) {
  for (const failure of ['404', 'one byte changed', 'blocked'] as PartFailure[]) {
    test(`the ${part} part ${HOW[failure]}: consent and the Google gate work, one warning names it, audit() reports it, no uncaught error`, async ({
      page,
      recorder: proxy,
    }) => {
      const seen = collectWarningsAndErrors(page);
      const bodies = recordBeacons(page);
      const broken = await breakPart(page, part, failure);
      await reach(page);
      await expect.poll(() => broken.served()).toBeGreaterThanOrEqual(1);
      await expect.poll(() => seen.warnings.filter((w) => namesPart(w, part)).length).toBe(1);
      await waitForIdle(page);

      // Before any choice and after a refusal: not one request to Google, by any mechanism.
      await page.evaluate(() => (window as unknown as Win).attempts());
      const rejected = await page.evaluate(() => window.zorgvuldig.rejectAll());
      expect(rejected).toMatchObject({ decided: true, method: 'reject-all' });
      expect(await consentCookie(page)).toBeTruthy();
      await page.evaluate(() => (window as unknown as Win).attempts());
      expect(googleRequests(proxy)).toEqual([]);

      const report = await page.evaluate(() => window.zorgvuldig.audit());
      const { parts, warnings } = report;
      expect(parts).toMatchObject({ [part]: 'failed' });
      expect(warnings.filter((warning) => namesPart(warning, part)).length).toBeGreaterThan(0);

      const accepted = await page.evaluate(() => window.zorgvuldig.acceptAll());
      expect(accepted.choices.googleAnalytics).toBe(true);
      if (part === 'stats') {
        // gtag.js gets its page_location from the statistics part's scrubber: without it, Google
        // stays closed even with consent (closed, never open without the scrubber).
        await waitForIdle(page);
        const stub = await page.evaluate(() => (window as unknown as Win).gtagStub);
        expect(stub?.commands.some(([command]) => command === 'config') ?? false).toBe(false);
        expect(stub?.hits ?? 0).toBe(0);
        // (The page's own scripts the guard held back before consent may now run: not ours.)
        expect(googleRequests(proxy).filter((url) => url.includes('G-TEST123'))).toEqual([]);
      } else {
        // The gate still opens on consent: gtag.js loads and sends its hit.
        await expect
          .poll(() => page.evaluate(() => (window as unknown as Win).gtagStub?.hits ?? 0))
          .toBeGreaterThan(0);
      }

      // What the part does did not happen: a changed part never ran.
      if (part === 'ui' || part === 'shell') await expect(banner(page)).toHaveCount(0);
      if (part === 'stats') expect(bodies).toEqual([]);
      expect(seen.warnings.filter((w) => namesPart(w, part))).toHaveLength(1);
      expect(seen.uncaught).toEqual([]);
    });
  }
}
