import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIp } from '../../../src/privacy/parseIp';
import { truncateIp, type TruncateLevel } from '../../../src/privacy/truncateIp';
import { anyText } from './arbitraries';
import { readFixture } from './readFixture';

const vectors = readFixture<{
  vectors: { ip: string; masked: Record<string, string> }[];
  mapped_examples: { ip: string; normalised: string }[];
  invalid: string[];
}>('ip-anonymisation.json');
const LEVELS = [0, 1, 2, 3, 4] as const;

type Row = [ip: string, level: TruncateLevel, masked: string];

const rows = vectors.vectors.flatMap((row) =>
  LEVELS.map((level): Row => [row.ip, level, row.masked[level]]),
);
const mappedRows = vectors.mapped_examples.flatMap((row) => {
  const plain = vectors.vectors.find((v) => v.ip === row.normalised)!;
  return LEVELS.map((level): Row => [row.ip, level, plain.masked[level]]);
});

describe('truncateIp', () => {
  it.each(rows)('masks %s at level %i as %s', (ip, level, masked) => {
    expect(truncateIp(ip, level)).toBe(masked);
  });

  it.each(mappedRows)('normalises mapped %s at level %i to %s', (ip, level, masked) => {
    expect(truncateIp(ip, level)).toBe(masked);
  });

  it('uses level 2 (IPv4 /16, IPv6 /48) by default', () => {
    expect(truncateIp('192.0.2.123')).toBe('192.0.0.0');
    expect(truncateIp('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::');
  });

  it.each(vectors.invalid)('gives null for the invalid address %j', (ip) => {
    expect(truncateIp(ip)).toBeNull();
  });

  it.each([5, -1, 1.5, NaN, '2', null])('gives null for the invalid level %j', (level) => {
    expect(truncateIp('192.0.2.1', level as never)).toBeNull();
  });

  it('drops a zone id', () => {
    expect(truncateIp('fe80::1234:5678%eth0', 1)).toBe('fe80::');
  });

  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 255 }));
  const ipv6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }).filter((g) => g[7] !== 0);

  it('never returns a valid IPv4 address whose last byte is set, at level 1 or more', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 1, max: 4 }), (bytes, level) => {
        const ip = bytes.join('.');
        const out = truncateIp(ip, level as TruncateLevel);
        expect(out).not.toBe(ip);
        expect(
          parseIp(out!)!
            .bytes.slice(4 - level)
            .every((b) => b === 0),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never returns a valid IPv6 address whose last group is set, at level 1 or more', () => {
    fc.assert(
      fc.property(ipv6, fc.integer({ min: 1, max: 4 }), (groups, level) => {
        const ip = groups.map((g) => g.toString(16)).join(':');
        const out = truncateIp(ip, level as TruncateLevel);
        expect(out).not.toBe(ip);
        expect(
          parseIp(out!)!
            .bytes.slice(8)
            .every((b) => b === 0),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws, and gives null or a parseable address, on any string and level', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, fc.ipV4(), fc.ipV6(), fc.ipV4Extended()),
        fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constantFrom(null, undefined, true)),
        (text, level) => {
          const out = truncateIp(text, level as never);
          expect(out === null || parseIp(out) !== null).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
