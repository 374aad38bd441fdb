import { expect, test } from '@playwright/test';
import { hitsOf, recordBeacons } from './support/beacons';
import { recordCspViolations } from './support/cspViolations';
import { collectWarningsAndErrors, partOf } from './support/parts';
import { banner, dialog } from './support/sdkPage';

/**
 * Under the demo's strict CSP (`script-src 'self'`, no 'unsafe-inline') and under Trusted Types
 * (`require-trusted-types-for 'script'`), the core inserts each part's script through the SDK's
 * own policy: every part loads and runs, and the browser reports no violation.
 */
for (const mode of ['strict', 'tt']) {
  test(`under ?csp=${mode} every part loads and runs, with zero violations`, async ({ page }) => {
    const violations = await recordCspViolations(page);
    const seen = collectWarningsAndErrors(page);
    const cspMessages: string[] = [];
    page.on('console', (message) => {
      if (/content security policy|trusted type/i.test(message.text()))
        cspMessages.push(message.text());
    });
    const loaded = new Map<string, number>();
    page.on('response', (response) => {
      const part = partOf(response.url());
      if (part) loaded.set(part, response.status());
    });
    const bodies = recordBeacons(page);

    // First visit: the banner (UI part), then statistics.
    await page.goto(`/?csp=${mode}`);
    await expect(banner(page)).toBeVisible();
    await expect.poll(() => hitsOf(bodies).length).toBeGreaterThanOrEqual(1);
    // Rights, the declaration and the audit, on first use.
    const report = await page.evaluate(() => window.zorgvuldig.audit());
    expect(report.consent.decided).toBe(false);
    expect(report.parts).toEqual({
      shell: 'loaded',
      ui: 'loaded',
      stats: 'loaded',
      rights: 'loaded',
      receipts: 'loaded',
    });
    expect(await page.evaluate(async () => (await window.zorgvuldig.exportData()).v)).toBe(1);
    // A returning visit: the reopen control, then the dialog from it.
    await banner(page).getByRole('button', { name: 'Alles accepteren' }).click();
    // The recorder lives in the document: read the first page's before it goes.
    const firstPage = await violations();
    await page.reload();
    const reopen = page
      .locator('#zorgvuldig-ui')
      .getByRole('button', { name: 'Cookie-instellingen' });
    await reopen.click();
    await expect(dialog(page)).toBeVisible();

    expect([...loaded.keys()].sort()).toEqual(
      expect.arrayContaining(['receipts', 'rights', 'shell', 'stats', 'ui']),
    );
    expect([...loaded.values()].every((status) => status === 200)).toBe(true);
    expect(firstPage).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(cspMessages).toEqual([]);
    expect(seen.uncaught).toEqual([]);
    // A part that loaded says nothing.
    expect(seen.warnings.filter((text) => /part/i.test(text))).toEqual([]);
  });
}
