import { existsSync } from 'node:fs';

/**
 * The Chromium to drive. Debian's package where it is installed (this project's CI), else the
 * browser Playwright downloaded on a laptop. CHROMIUM_PATH wins over both.
 */
export const chromiumExecutable = (): string | undefined => {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((path): path is string => !!path && existsSync(path));
};

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
