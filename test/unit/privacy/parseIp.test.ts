import { describe, expect, it } from 'vitest';
import { formatIp } from '../../../src/privacy/formatIp';
import { parseIp } from '../../../src/privacy/parseIp';
import { ipInCidr } from '../../../src/privacy/ipInCidr';
import { readFixture } from './readFixture';

const vectors = readFixture<{
  vectors: { ip: string; masked: Record<string, string> }[];
  mapped_examples: { ip: string; normalised: string }[];
  invalid: string[];
}>('ip-anonymisation.json');

describe('parseIp', () => {
  it.each([
    ['192.0.2.1', 4, [192, 0, 2, 1]],
    ['0.0.0.0', 4, [0, 0, 0, 0]],
    ['255.255.255.255', 4, [255, 255, 255, 255]],
  ])('parses the IPv4 address %s', (text, version, bytes) => {
    expect(parseIp(text)).toEqual({ version, bytes: Uint8Array.from(bytes) });
  });

  it.each([
    ['::', '0'.repeat(32)],
    ['::1', `${'0'.repeat(31)}1`],
    ['2001:db8::', `20010db8${'0'.repeat(24)}`],
    ['2001:DB8:0:0:8:800:200C:417A', '20010db8000000000008080020 0c417a'.replace(' ', '')],
    ['fe80::1%eth0', `fe80${'0'.repeat(27)}1`],
    ['::1.2.3.4', `${'0'.repeat(24)}01020304`],
    ['64:ff9b::192.0.2.33', `0064ff9b${'0'.repeat(16)}c0000221`],
  ])('parses the IPv6 address %s', (text, hex) => {
    const parsed = parseIp(text);
    expect(parsed?.version).toBe(6);
    expect(Buffer.from(parsed!.bytes).toString('hex')).toBe(hex);
  });

  it.each(
    vectors.mapped_examples.map((row: { ip: string; normalised: string }) => [
      row.ip,
      row.normalised,
    ]),
  )('returns IPv4-mapped %s as the IPv4 address %s', (ip, normalised) => {
    const parsed = parseIp(ip as string);
    expect(parsed?.version).toBe(4);
    expect(formatIp(parsed!)).toBe(normalised);
  });

  it.each([
    ...vectors.invalid,
    '01.2.3.4',
    '1.2.3.04',
    '1.2.3.4 ',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '1::2::3',
    ':1:2:3:4:5:6:7',
    '12345::',
    '::1.2.3',
    '1.2.3.4::',
    '::ffff:1.2.3.4.5',
  ])('refuses %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('refuses non-strings without throwing', () => {
    expect(parseIp(undefined as never)).toBeNull();
    expect(parseIp(42 as never)).toBeNull();
    expect(parseIp({} as never)).toBeNull();
  });
});

describe('formatIp', () => {
  it.each([
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['FE80::ABCD', 'fe80::abcd'],
    ['::1.2.3.4', '::102:304'],
  ])('writes %s in RFC 5952 form as %s', (text, canonical) => {
    expect(formatIp(parseIp(text)!)).toBe(canonical);
  });

  it('gives an empty string for bytes of the wrong length', () => {
    expect(formatIp({ version: 4, bytes: new Uint8Array(3) })).toBe('');
    expect(formatIp({ version: 6, bytes: new Uint8Array(4) })).toBe('');
    expect(formatIp(null as never)).toBe('');
  });
});

describe('ipInCidr', () => {
  it.each([
    ['10.1.2.3', '10.0.0.0/8', true],
    ['11.1.2.3', '10.0.0.0/8', false],
    ['192.168.1.77', '192.168.1.64/26', true],
    ['192.168.1.128', '192.168.1.64/26', false],
    ['1.2.3.4', '1.2.3.4', true],
    ['1.2.3.5', '1.2.3.4', false],
    ['1.2.3.4', '0.0.0.0/0', true],
    ['::ffff:10.0.0.1', '10.0.0.0/8', true],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['fe80::1%eth0', 'fe80::/10', true],
    ['2001:db8::1', '10.0.0.0/8', false],
    ['10.0.0.1', '::/0', false],
  ])('%s in %s is %s', (ip, cidr, inside) => {
    expect(ipInCidr(ip, cidr)).toBe(inside);
  });

  it.each([
    ['nonsense', '10.0.0.0/8'],
    ['10.0.0.1', 'nonsense'],
    ['10.0.0.1', '10.0.0.0/33'],
    ['10.0.0.1', '10.0.0.0/-1'],
    ['10.0.0.1', '10.0.0.0/'],
    ['10.0.0.1', '10.0.0.0/8/8'],
    ['2001:db8::1', '2001:db8::/129'],
    ['10.0.0.1', undefined],
    [undefined, '10.0.0.0/8'],
  ])('is false for malformed input (%s, %s)', (ip, cidr) => {
    expect(ipInCidr(ip as string, cidr as string)).toBe(false);
  });
});
