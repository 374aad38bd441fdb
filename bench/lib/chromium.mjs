// The same browser choice as test/e2e/support/chromium.ts (a TS file, which plain Node cannot
// import): CHROMIUM_PATH, then Debian's package, else the Chromium Playwright downloaded.
import { existsSync } from 'node:fs';

export const chromiumExecutable = () =>
  [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].find((path) => !!path && existsSync(path));

/** Flags that keep Chromium quiet on a machine with no internet and no GPU. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];
