import { describe, expect, it } from 'vitest';
import { isBsn } from '../../../src/privacy/isBsn';
import { isDutchPhone } from '../../../src/privacy/isDutchPhone';
import { isIban } from '../../../src/privacy/isIban';
import { isToken } from '../../../src/privacy/isToken';
import { scrubText } from '../../../src/privacy/scrubText';
import { readFixture } from './readFixture';

const bsn = readFixture<{
  valid: string[];
  valid_formatted: { text: string; digits: string }[];
  invalid_checksum: string[];
  invalid_length: string[];
  not_a_bsn_in_context: string[];
}>('bsn.json');
const iban = readFixture<{ valid: string[]; invalid: { iban: string; why: string }[] }>(
  'iban.json',
);
const phone = readFixture<{ valid: { text: string; e164: string }[]; invalid: string[] }>(
  'phone.json',
);
const postcode = readFixture<{ valid: string[]; invalid: string[] }>('postcode.json');

describe('BSN', () => {
  it.each(bsn.valid)('accepts and redacts the valid BSN %s', (digits) => {
    expect(isBsn(digits)).toBe(true);
    expect(scrubText(`bsn ${digits}.`)).toBe('bsn [bsn].');
    expect(scrubText(`/klant/${digits}`)).toBe('/klant/[bsn]');
  });

  it.each(bsn.valid.filter((d) => d.startsWith('0')))(
    'accepts %s written without its leading zero (8 digits)',
    (digits) => {
      expect(scrubText(digits.slice(1))).toBe('[bsn]');
    },
  );

  it.each(bsn.valid_formatted)('redacts the formatted BSN $text', ({ text, digits }) => {
    expect(isBsn(text)).toBe(true);
    expect(isBsn(digits)).toBe(true);
    expect(scrubText(`nr ${text}`)).toBe('nr [bsn]');
  });

  it.each(['111 222 333', '111.222.333', '111-222-333', 'bsn_111222333', 'bsn111222333'])(
    'redacts the BSN in %j',
    (text) => {
      expect(scrubText(text)).toContain('[bsn]');
      expect(scrubText(text)).not.toMatch(/\d{3}/);
    },
  );

  it.each(bsn.invalid_checksum)('refuses %s (11-proef fails) and leaves it', (digits) => {
    expect(isBsn(digits)).toBe(false);
    expect(scrubText(digits)).toBe(digits);
  });

  it.each(bsn.invalid_length)('refuses %s (wrong length) and leaves it', (digits) => {
    expect(isBsn(digits)).toBe(false);
    expect(scrubText(digits)).toBe(digits);
  });

  it.each(bsn.not_a_bsn_in_context)('leaves %s alone', (text) => {
    expect(scrubText(text)).toBe(text);
  });

  it('refuses all zeros', () => {
    expect(isBsn('000000000')).toBe(false);
    expect(scrubText('000000000')).toBe('000000000');
  });
});

describe('IBAN', () => {
  it.each(iban.valid)('accepts and redacts %s', (text) => {
    expect(isIban(text)).toBe(true);
    expect(scrubText(`rekening ${text} graag`)).toBe('rekening [iban] graag');
    expect(scrubText(text.toLowerCase())).toBe('[iban]');
  });

  it.each(iban.invalid)('refuses $iban ($why)', ({ iban: text }) => {
    expect(isIban(text)).toBe(false);
    expect(scrubText(text)).not.toContain('[iban]');
  });

  it.each([
    'DE89 3704 0044 0532 0130 00',
    'BE71 0961 2345 6769',
    'GB82 WEST 1234 5698 7654 32',
    'FR14 2004 1010 0505 0001 3M02 606',
    'UA21 3223 1300 0002 6007 2335 6600 1',
    'NL91-ABNA-0417-1643-00',
    'NL91+ABNA+0417+1643+00',
  ])('redacts the foreign or oddly separated IBAN %s', (text) => {
    expect(isIban(text)).toBe(true);
    expect(scrubText(text)).toBe('[iban]');
  });
});

describe('Dutch phone numbers', () => {
  it.each(phone.valid)('accepts and redacts $text', ({ text }) => {
    expect(isDutchPhone(text)).toBe(true);
    expect(scrubText(`bel ${text} nu`)).toBe('bel [phone] nu');
  });

  it.each(phone.invalid)('refuses %s and does not call it a phone number', (text) => {
    expect(isDutchPhone(text)).toBe(false);
    expect(scrubText(text)).not.toContain('[phone]');
  });

  it.each([
    '0612345678',
    '06 12 34 56 78',
    '06.12.34.56.78',
    '(06) 12345678',
    '(010) 123 45 67',
    '+31 (0)6 12345678',
    '+31-10-1234567',
    '0031 20 123 4567',
    '%2B31612345678',
    '06+12345678',
    '0172-123456',
  ])('redacts the variant %s', (text) => {
    expect(scrubText(`tel:${text}`)).toBe('tel:[phone]');
  });

  it('leaves numbers that are too long or foreign', () => {
    for (const text of ['061234567890', '+32 2 123 45 67', '0049 30 1234567']) {
      expect(scrubText(text)).not.toContain('[phone]');
    }
  });
});

describe('postcode with house number', () => {
  it.each(postcode.valid)('redacts %s with a house number, and leaves it alone', (code) => {
    expect(scrubText(`${code} 12`)).toBe('[postcode]');
    expect(scrubText(`${code}-12a`)).toBe('[postcode]');
    expect(scrubText(`/locaties/${code}`)).toBe(`/locaties/${code}`);
  });

  it.each(postcode.invalid)('does not take %s for a postcode', (code) => {
    expect(scrubText(`${code} 12`)).not.toContain('[postcode]');
  });

  it.each(['5038 VP 12', '5038vp-12a', '5038VP12', '5038 vp, 12', 'adres: 5038 VP 112 Tilburg'])(
    'redacts the address %j',
    (text) => {
      expect(scrubText(text)).toContain('[postcode]');
      expect(scrubText(text)).not.toMatch(/5038|12/);
    },
  );
});

describe('tokens', () => {
  it.each([
    '3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c',
    'da39a3ee5e6b4b0d3255bfef95601890afd80709',
    'Zx8aK2pQ9mN4rT7vW1yB3c',
    'sk_live_51HgT2bK8dQ9rXz4LmN7pQ',
    'AbCdEfGhIjKlMnOpQrStUvWxYz',
  ])('recognises the random token %s', (token) => {
    expect(isToken(token)).toBe(true);
    expect(scrubText(`/reset/${token}`)).toBe('/reset/[token]');
  });

  it.each([
    'nieuwe-locatie-geopend-in-tilburg-2024',
    'artikel-12-over-3-dingen-die-je-moet-weten',
    'MijnZorgDossierOverzicht',
    'wijkverpleging_en_thuiszorg',
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    '12345678901234567890123',
    'short1a2b3c',
  ])('leaves %s, which is no token', (text) => {
    expect(isToken(text)).toBe(false);
    expect(scrubText(text)).toBe(text);
  });

  it('redacts UUIDs and JWTs with their own markers', () => {
    expect(scrubText('id=123e4567-E89B-12d3-a456-426614174000')).toBe('id=[uuid]');
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(scrubText(`Bearer ${jwt}`)).toBe('Bearer [jwt]');
  });
});

describe('e-mail and IP addresses', () => {
  it.each([
    'jan@example.nl',
    'Jan.de.Vries@Zorg-Instelling.NL',
    'jan+nieuwsbrief@example.co.uk',
    'jan%40example.nl',
    'jan%2Btag%40example.nl',
    'j_a-n.99@sub.domain.example.org',
  ])('redacts the e-mail address %s', (text) => {
    expect(scrubText(`mail ${text}!`)).toBe('mail [email]!');
  });

  it.each([
    '192.168.1.10',
    '8.8.8.8',
    '2001:db8::1',
    '::ffff:192.0.2.1',
    'fe80::1ff:fe23:4567:890a',
  ])('redacts the IP address %s', (ip) => {
    expect(scrubText(`van ${ip} af`)).toBe('van [ip] af');
  });

  it.each(['versie 1.2.3', 'v1.2.3.4.5', '12:30:00', 'std::vector', '999.1.1.1', 'a::b::c'])(
    'leaves %j, which is no IP address',
    (text) => {
      expect(scrubText(text)).not.toContain('[ip]');
    },
  );
});
