import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { banner, dialog, openSdkPage } from './support/sdkPage';

/** The name of the focused element, looking inside the SDK's shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active
      ? `${active.tagName.toLowerCase()}:${(active.textContent || active.getAttribute('aria-label') || active.id || '').trim()}`
      : '';
  });

/** axe-core's serious and critical findings inside the SDK's UI, as readable lines. */
const seriousViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).include('#zorgvuldig-ui').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
};

test.describe('keyboard and screen readers', () => {
  test('focus moves into the banner; accept is reachable and pressable with the keyboard only', async ({
    page,
  }) => {
    await openSdkPage(page);
    await expect(banner(page)).toBeFocused();
    for (let i = 0; i < 6 && (await focused(page)) !== 'button:Alles accepteren'; i++)
      await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Alles accepteren');
    await page.keyboard.press('Enter');
    await expect(banner(page)).toBeHidden();
    expect(await page.evaluate(() => window.zorgvuldig.getConsent().method)).toBe('accept-all');
  });

  test('reject is reachable and pressable with the keyboard only', async ({ page }) => {
    await openSdkPage(page);
    for (let i = 0; i < 6 && (await focused(page)) !== 'button:Alleen noodzakelijk'; i++)
      await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Alleen noodzakelijk');
    await page.keyboard.press('Space');
    await expect(banner(page)).toBeHidden();
    expect(await page.evaluate(() => window.zorgvuldig.getConsent().method)).toBe('reject-all');
  });

  test('in the dialog Tab stays inside, Escape closes it and focus returns to the opener', async ({
    page,
  }) => {
    await openSdkPage(page, {
      body: '<button type="button" id="opener" data-zv-open-preferences>Cookies</button>',
    });
    await page.evaluate(() => window.zorgvuldig.rejectAll());
    await page.focus('#opener');
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    expect(await focused(page)).toMatch(/^input:/);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      const inDialog = await page.evaluate(() => {
        const root = document.getElementById('zorgvuldig-ui')!.shadowRoot!;
        return !!root.activeElement && root.querySelector('dialog')!.contains(root.activeElement);
      });
      expect(inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(page.locator('#opener')).toBeFocused();
  });

  test('the reopen control is reachable by keyboard after a choice', async ({ page }) => {
    await openSdkPage(page);
    await page.evaluate(() => window.zorgvuldig.rejectAll());
    const reopen = page.getByRole('button', { name: 'Cookie-instellingen' });
    for (
      let i = 0;
      i < 10 &&
      !(await reopen.evaluate(
        (el) =>
          el.getRootNode() instanceof ShadowRoot &&
          (el.getRootNode() as ShadowRoot).activeElement === el,
      ));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
  });

  test('axe finds no serious or critical violation on the banner', async ({ page }) => {
    await openSdkPage(page);
    await expect(banner(page)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('axe finds no serious or critical violation on the dialog, in Dutch and in English', async ({
    page,
  }) => {
    for (const lang of ['nl', 'en']) {
      await openSdkPage(page, { attributes: { 'data-lang': lang }, path: `/t/axe-${lang}.html` });
      await page.evaluate(() => window.zorgvuldig.showPreferences());
      await expect(dialog(page)).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    }
  });

  test('the banner honours prefers-reduced-motion and prefers-color-scheme', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
    await openSdkPage(page);
    const style = await banner(page).evaluate((el) => {
      const s = getComputedStyle(el);
      return { animation: s.animationName, background: s.backgroundColor };
    });
    expect(style.animation).toBe('none');
    expect(style.background).toBe('rgb(28, 28, 30)');
  });
});
