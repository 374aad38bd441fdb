#!/usr/bin/env node
// Adds to package-lock.json the optional native packages of other platforms that `npm install`
// could not write here (this machine's registry serves Linux ones only). npm 11's `npm ci`
// refuses a lock that misses any of them, on every platform. Each entry gets the version its
// parent pins and the os/cpu/libc its name says, so npm skips it where it does not apply and
// fetches it by version where it does. Run after `npm install`: `node scripts/complete-lock.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const CPUS = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x'];
const OSES = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32'];

/** `@rollup/rollup-linux-arm-musleabihf` → `{ os: ['linux'], cpu: ['arm'], libc: ['musl'] }`. */
const platformOf = (name) => {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((part) => OSES.includes(part));
  const cpu =
    parts.find((part) => CPUS.includes(part)) ?? (parts.includes('eabi') ? 'arm' : undefined);
  if (!os || !cpu) return null;
  const platform = { os: [os], cpu: [cpu] };
  if (os === 'linux')
    platform.libc = [parts.some((part) => part.startsWith('musl')) ? 'musl' : 'glibc'];
  return platform;
};

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = platformOf(name);
    if (lock.packages[key] || !platform || !/^\d+\.\d+\.\d+$/.test(version)) continue;
    lock.packages[key] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      license: entry.license,
      optional: true,
      ...platform,
    };
    added++;
    console.log(`complete-lock: ${key}@${version} (from ${path})`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) =>
    a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
  ),
);
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: ${added} entries added`);
