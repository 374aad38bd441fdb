import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The demo's stats token (`demo/server.mjs` prints it at start). */
export const DEMO_TOKEN = 'demo';

/** axe-core's serious and critical findings on the whole page, as readable lines. */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};

/** Signs in through the form and waits for the first figures. */
export const signIn = async (page: Page, origin: string, token = DEMO_TOKEN, query = '') => {
  await page.goto(`${origin}/zv/dashboard${query}`);
  await page.locator('#token').fill(token);
  await page.locator('form.sign-in button[type=submit]').click();
  await expect(page.locator('#status')).toContainText(FIGURES_SHOWN);
};

/** The status line once a view has loaded (or said that the relay has no store). */
export const FIGURES_SHOWN = /Cijfers van|Figures from|geen statistiekopslag|no statistics store/;

/** The cells of one dashboard table, row by row. */
export const tableRows = (page: Page, key: string): Promise<string[][]> =>
  page
    .locator(`#table-${key} tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
    );

/** Rows whose first cell is one of `pages`, in the table's order. */
export const rowsFor = async (page: Page, key: string, pages: string[]) =>
  (await tableRows(page, key)).filter((row) => pages.includes(row[0]));

/** The element that has keyboard focus, as `tag#id.class:text`. */
export const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active) return '';
    const cls = active.getAttribute('class');
    return `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}${cls ? `.${cls}` : ''}:${(active.getAttribute('aria-label') ?? active.textContent ?? '').trim()}`;
  });

/** Presses Tab until `matches` says the focused element is the one wanted. */
export const tabTo = async (page: Page, matches: (focus: string) => boolean, max = 80) => {
  for (let i = 0; i < max; i++) {
    if (matches(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`tabTo: not reached in ${max} presses (at ${await focused(page)})`);
};
