import type { Page } from '@playwright/test';

/** Records every CSP violation the page reports, from before its first script; read with the returned function. */
export const recordCspViolations = async (page: Page) => {
  await page.addInitScript(() => {
    const list: string[] = ((window as unknown as { violations: string[] }).violations = []);
    document.addEventListener('securitypolicyviolation', (e) =>
      list.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
};
