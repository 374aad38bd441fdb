import { readFileSync } from 'node:fs';

/** Reads one of the project's test-vector files in `test/fixtures` (sources in its README). */
export const readFixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));
