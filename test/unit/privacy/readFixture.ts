import { readFileSync } from 'node:fs';

/** Reads one of the shared test-vector files in `../shared/fixtures` beside the repository. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readFixture = (name: string): any =>
  JSON.parse(readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url), 'utf8'));
