import { describe, expect, it } from 'vitest';
import { parseConsentRecord } from '../../../src/consent/parseConsentRecord';

const KEYS = ['necessary', 'statistics', 'googleAnalytics'];
const valid = {
  v: 1,
  id: 'abcdefghijklmnopqrstuv',
  policy: '1',
  time: '2026-11-23T10:00:00.000Z',
  choices: { necessary: true, statistics: false, googleAnalytics: true },
  method: 'custom',
};
const with_ = (patch: Record<string, unknown>) => JSON.stringify({ ...valid, ...patch });

describe('parseConsentRecord', () => {
  it('reads a record this SDK wrote', () => {
    expect(parseConsentRecord(JSON.stringify(valid), KEYS)).toEqual(valid);
  });

  const tampered: [string, string | undefined][] = [
    ['nothing', undefined],
    ['invalid JSON', '{"v":1,'],
    ['an array', '[1,2]'],
    ['another version', with_({ v: 2 })],
    ['a huge value', with_({ policy: 'x'.repeat(5000) })],
    ['an unknown category', with_({ choices: { ...valid.choices, marketing: true } })],
    ['a missing category', with_({ choices: { necessary: true, statistics: true } })],
    ['a non-boolean choice', with_({ choices: { ...valid.choices, googleAnalytics: 'yes' } })],
    ['necessary switched off', with_({ choices: { ...valid.choices, necessary: false } })],
    ['a bad receipt id', with_({ id: 'short' })],
    ['an invalid time', with_({ time: 'yesterday' })],
    ['an unknown method', with_({ method: 'forced' })],
    [
      '__proto__ keys',
      '{"v":1,"id":"abcdefghijklmnopqrstuv","policy":"1","time":"2026-11-23T10:00:00Z","method":"api","choices":{"necessary":true,"statistics":true,"googleAnalytics":true,"__proto__":{"x":true}}}',
    ],
  ];
  it.each(tampered)('treats %s as no consent', (_, value) => {
    expect(parseConsentRecord(value, KEYS)).toBeNull();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
