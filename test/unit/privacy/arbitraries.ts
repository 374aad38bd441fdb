import fc from 'fast-check';

/** Any UTF-16 string, lone surrogates and `%` garbage included. */
export const anyText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
  fc.string({
    unit: fc.constantFrom(
      '%',
      '2',
      'B',
      '4',
      '0',
      'e',
      '@',
      '/',
      '?',
      '#',
      '&',
      '=',
      '+',
      '.',
      ':',
      ' ',
      '\ud800',
      '\udc00',
    ),
  }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);

const lower = 'abcdefghijklmnopqrstuvwxyz';
const chars = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });

/** Realistic e-mail addresses: dotted local parts with `+` tags, sub-domains, any case. */
export const email = fc
  .tuple(
    chars(`${lower}0123456789_`, 1, 10),
    fc.option(chars(`${lower}.-`, 1, 6).map((s) => s.replace(/^[.-]+|[.-]+$/g, '') || 'x')),
    fc.option(chars(`${lower}0123456789`, 1, 8)),
    fc.array(chars(`${lower}0123456789`, 1, 10), { minLength: 1, maxLength: 3 }),
    chars(lower, 2, 6),
    fc.boolean(),
  )
  .map(([name, more, tag, labels, tld, upper]) => {
    const address = `${name}${more ? `.${more}` : ''}${tag ? `+${tag}` : ''}@${labels.join('.')}.${tld}`;
    return upper ? address.toUpperCase() : address;
  });

/** Valid BSNs: 8 random digits and the check digit that makes the 11-proef pass. */
export const bsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((digits) => {
    const sum = digits.reduce((total, d, i) => total + (9 - i) * d, 0);
    return [...digits, sum % 11].join('');
  })
  .filter((text) => text.length === 9 && /[1-9]/.test(text));

const mod97 = (text: string): number =>
  [...text].reduce((rest, char) => {
    const value = parseInt(char, 36);
    return (rest * (value > 9 ? 100 : 10) + value) % 97;
  }, 0);

/** Valid Dutch IBANs: 4-letter bank code, 10 digits, computed check digits. */
export const nlIban = fc
  .tuple(chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4, 4), chars('0123456789', 10, 10))
  .map(([bank, account]) => {
    const bban = bank + account;
    const check = String(98 - mod97(`${bban}NL00`)).padStart(2, '0');
    return `NL${check}${bban}`;
  });

/** How people write an IBAN: compact, in groups of four, lower case. */
export const writtenIban = fc
  .tuple(nlIban, fc.constantFrom('', ' ', '-'), fc.boolean())
  .map(([iban, separator, lowerCase]) => {
    const text = iban.replace(/(.{4})(?!$)/g, `$1${separator}`);
    return { iban, text: lowerCase ? text.toLowerCase() : text };
  });

/** Letters-only path segments: no digit or `@` that could form a finding by accident. */
export const segment = chars(`${lower}-`, 0, 12);
