import type { Page } from '@playwright/test';

/** Uncaught errors and console errors of a page, collected from the moment this is called. */
export const collectPageErrors = (page: Page) => {
  const uncaught: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  page.on('console', (message) => {
    // Resource 404s (favicon) are the test server's business, not the SDK's.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      consoleErrors.push(message.text());
    }
  });
  return { uncaught, consoleErrors };
};
