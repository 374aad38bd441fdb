import { test as base, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { partOf } from './parts';

/**
 * Which script-tag build the pages get. Every demo page, fixture and generated test page embeds
 * `/dist/zorgvuldig.min.js`, the core that loads its parts. With `build: 'full'` (the
 * `full-build` project in playwright.config.ts, or `test.use({ build: 'full' })`), that URL is
 * answered with `dist/zorgvuldig.full.min.js`, the one-file build, so the same specs run
 * unchanged against it; a part requested then fails the test, since the one-file build must not
 * need any.
 */
export type Build = 'core' | 'full';

export interface BuildOptions {
  build: Build;
}

const FULL_BUILD = fileURLToPath(new URL('../../../dist/zorgvuldig.full.min.js', import.meta.url));

export const test = base.extend<BuildOptions & { servedBuild: void }>({
  build: ['core', { option: true }],
  servedBuild: [
    async ({ build, context }, use) => {
      const partsRequested: string[] = [];
      if (build === 'full') {
        await context.route('**/dist/zorgvuldig.min.js', (route) =>
          route.fulfill({
            path: FULL_BUILD,
            contentType: 'text/javascript; charset=utf-8',
            headers: { 'Cache-Control': 'no-store' },
          }),
        );
        context.on('request', (request) => {
          if (partOf(request.url())) partsRequested.push(request.url());
        });
      }
      await use();
      expect(partsRequested, 'the one-file build requested a part').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page } from '@playwright/test';
