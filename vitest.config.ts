import { defineConfig } from 'vitest/config';

// Unit tests only. Files that need a DOM say so with `// @vitest-environment happy-dom`;
// everything else (privacy, relay) runs in plain Node. Browser behaviour is tested by
// Playwright in test/e2e, never here.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/unit.json' },
  },
});
