import { readFileSync } from 'node:fs';

/** Reads one of the shared test-vector files in `../shared/fixtures` beside the repository. */
export const readFixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url), 'utf8'));
