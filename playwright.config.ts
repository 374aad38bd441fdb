import { defineConfig } from '@playwright/test';
import type { BuildOptions } from './test/e2e/support/build';
import { chromiumArgs, chromiumExecutable } from './test/e2e/support/chromium';

const port = Number(process.env.ZV_E2E_PORT ?? 4317);

export default defineConfig<BuildOptions>({
  testDir: 'test/e2e',
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
  },
  projects: [
    // Every spec against the script-tag core, which loads its parts.
    { name: 'core', use: { build: 'core' } },
    // The consent, Google and statistics specs again against the one-file build, served at the
    // same URL (see test/e2e/support/build.ts).
    {
      name: 'full-build',
      testMatch: /\/(consent|google|stats)\.spec\.ts$/,
      use: { build: 'full' },
    },
  ],
  webServer: {
    // The demo server itself: the e2e tests drive the same pages a QA tester opens.
    command: `node demo/server.mjs --port ${port} --data-dir .data/e2e-${port} --no-rate-limit`,
    url: `http://127.0.0.1:${port}/health`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
