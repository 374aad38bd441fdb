import type { Page } from '@playwright/test';

export interface SdkPageOptions {
  /** Attributes of the SDK's script tag, e.g. `{ 'data-policy-version': '2' }`. */
  attributes?: Record<string, string>;
  /** Extra markup for `<head>`, after the SDK tag. */
  head?: string;
  /** Markup for `<head>` before the SDK tag (the JSON config element goes here). */
  beforeSdk?: string;
  /** Markup for `<body>`. */
  body?: string;
  /** `<html lang>`. Default `nl`. */
  lang?: string;
  /** A Content-Security-Policy header for the page. */
  csp?: string;
  /** Path of the generated page on the demo server's origin. Default `/t/page.html`. */
  path?: string;
  /**
   * What `page.goto` waits for. Default `load`; a test that holds a part the core requests
   * before the page's load event needs `domcontentloaded` (the load event waits for the part).
   */
  waitUntil?: 'load' | 'domcontentloaded';
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The HTML of a page with the SDK first in `<head>`, as a site would embed it. */
export const sdkHtml = ({
  attributes = {},
  head = '',
  beforeSdk = '',
  body = '',
  lang = 'nl',
}: SdkPageOptions = {}) => {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${beforeSdk}<script src="/dist/zorgvuldig.min.js"${attrs}></script>${head}<title>test</title></head><body><main><h1>Test page</h1><p><a href="/">a link</a></p>${body}</main></body></html>`;
};

/**
 * Serves a page generated for one test on the demo server's origin (so cookies, the SDK bundle and
 * the relay are first-party), and opens it. The route stays, so reloads get the same page.
 */
export const openSdkPage = async (page: Page, options: SdkPageOptions = {}) => {
  const path = options.path ?? '/t/page.html';
  await page.route(`**${path}`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      headers: options.csp ? { 'Content-Security-Policy': options.csp } : {},
      body: sdkHtml(options),
    }),
  );
  await page.goto(path, { waitUntil: options.waitUntil ?? 'load' });
};

/** The banner's shadow host; Playwright's CSS locators pierce the open shadow root. */
export const banner = (page: Page) => page.locator('#zorgvuldig-ui section[role="region"]');
export const dialog = (page: Page) => page.locator('#zorgvuldig-ui dialog');
