// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolveConfig';
import { parseConsentRecord } from '../../../src/consent/parseConsentRecord';

const KEYS = ['necessary', 'statistics', 'googleAnalytics'];
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
);
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), hostileKey), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('properties', () => {
  it('resolveConfig never throws, never pollutes prototypes, and always gives the three built-in categories', () => {
    fc.assert(
      fc.property(anyJson, (options) => {
        const { config } = resolveConfig(JSON.parse(JSON.stringify(options)));
        expect(config.categories.slice(0, 3).map((c) => c.key)).toEqual(KEYS);
        expect(['nl', 'en']).toContain(config.lang);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('resolveConfig never lets a hostile category key through', () => {
    fc.assert(
      fc.property(hostileKey, anyJson, (key, value) => {
        const options = JSON.parse(
          `{"categories":{${JSON.stringify(key)}:${JSON.stringify({ label: 'x', description: 'y', value })}}}`,
        );
        const { config } = resolveConfig(options);
        expect(config.categories.map((c) => c.key)).not.toContain('__proto__');
        expect(config.categories.map((c) => c.key)).not.toContain('constructor');
      }),
      { numRuns: 100 },
    );
  });

  it('parseConsentRecord never throws and never grants anything from a value it did not write', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          anyJson.map((v) => JSON.stringify(v)),
        ),
        (value) => {
          const record = parseConsentRecord(value, KEYS);
          if (record) {
            // Only a complete, well-formed record passes; it then says exactly what it said.
            expect(Object.keys(record.choices)).toEqual(KEYS);
            expect(record.choices.necessary).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a well-formed record with any extra or missing category is refused', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.boolean(), { maxKeys: 6 }),
        (choices) => {
          const value = JSON.stringify({
            v: 1,
            id: 'abcdefghijklmnopqrstuv',
            policy: '1',
            time: '2026-01-01T00:00:00Z',
            method: 'api',
            choices,
          });
          const record = parseConsentRecord(value, KEYS);
          const exact =
            Object.keys(choices).length === 3 &&
            KEYS.every((k) => k in choices) &&
            choices.necessary === true;
          expect(record !== null).toBe(exact);
        },
      ),
      { numRuns: 300 },
    );
  });
});
