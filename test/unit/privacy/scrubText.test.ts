import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubText } from '../../../src/privacy/scrubText';
import { anyText, bsn, email, segment, writtenIban } from './arbitraries';

const RUNS = { numRuns: 300 };

describe('scrubText', () => {
  it('replaces each finding with its marker and keeps the rest', () => {
    expect(
      scrubText(
        'Mail jan@example.nl of bel 06-12345678 (BSN 999993847, IBAN NL91 ABNA 0417 1643 00, ' +
          'adres 5038 VP 12) vanaf 192.168.1.10.',
      ),
    ).toBe('Mail [email] of bel [phone] (BSN [bsn], IBAN [iban], adres [postcode]) vanaf [ip].');
  });

  it.each(['', 'Over ons', '/over-ons', 'Wij bieden zorg in Tilburg sinds 1985.', 'prijs € 12,50'])(
    'leaves %j untouched',
    (text) => {
      expect(scrubText(text)).toBe(text);
    },
  );

  it.each([
    ['a full-width BSN', 'BSN １２３４５６７８２', 'BSN [bsn]'],
    ['a zero-width space in an e-mail address', 'mail jan\u200b@example.nl', 'mail [email]'],
    ['a soft hyphen in a BSN', 'BSN 1234\u00ad56782', 'BSN [bsn]'],
    ['an IDN domain', 'mail jan@bücher.de nu', 'mail [email] nu'],
    ['a Unicode local part', 'mail renée.müller@example.nl', 'mail [email]'],
    ['a punycode domain', 'mail jan@xn--bcher-kva.xn--p1ai', 'mail [email]'],
    ['a full-width IBAN', 'IBAN ＮＬ９１ ＡＢＮＡ ０４１７ １６４３ ００.', 'IBAN [iban].'],
  ])('finds %s', (_, text, clean) => {
    expect(scrubText(text)).toBe(clean);
  });

  it('returns text without personal data as written, not normalised', () => {
    const text = 'Ｔｉｌｂｕｒｇ café\u00ad\u200b ﬁ ２０２４';
    expect(scrubText(text)).toBe(text);
  });

  it('gives an empty string for a non-string', () => {
    expect(scrubText(undefined as never)).toBe('');
    expect(scrubText({ toString: () => 'jan@example.nl' } as never)).toBe('');
  });

  it.each([
    ['a long run of digits', '1'.repeat(100_000)],
    ['a long word', 'a'.repeat(100_000)],
    ['an @ at the end', `${'a'.repeat(100_000)}@`],
    ['percent garbage', '%'.repeat(100_000)],
    ['colons and hex', 'a:'.repeat(50_000)],
    ['dots and digits', '1.'.repeat(50_000)],
    ['separated digits', '0 6'.repeat(33_000)],
    ['lone surrogates', '\ud800x\udc00'.repeat(30_000)],
  ])('handles 100 KB of %s without throwing', (_, text) => {
    expect(typeof scrubText(text)).toBe('string');
  });

  it('never throws on any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(typeof scrubText(text)).toBe('string');
      }),
      RUNS,
    );
  });

  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = scrubText(text);
        expect(scrubText(once)).toBe(once);
      }),
      RUNS,
    );
  });

  const finding = fc.oneof(
    email,
    bsn,
    writtenIban.map(({ text }) => text),
    fc.constantFrom('06-12345678', '+31 20 123 4567', '5038 VP 12', '2001:db8::1', '10.0.0.1'),
  );

  it('is idempotent on text full of findings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(finding, segment, fc.constantFrom(' ', '/', ', ', '=', '&'))),
        (parts) => {
          const once = scrubText(parts.join(''));
          expect(scrubText(once)).toBe(once);
        },
      ),
      RUNS,
    );
  });

  it('never lets a generated e-mail, BSN or IBAN through in running text', () => {
    fc.assert(
      fc.property(
        segment,
        fc.oneof(
          email,
          bsn,
          writtenIban.map(({ text }) => text),
        ),
        segment,
        (before, pii, after) => {
          const out = scrubText(`${before} ${pii} ${after}`);
          expect(out.toLowerCase()).not.toContain(pii.toLowerCase());
        },
      ),
      RUNS,
    );
  });
});
