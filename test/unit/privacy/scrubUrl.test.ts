import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ALLOWED_PARAMS,
  MAX_URL,
  scrubReferrer,
  scrubUrl,
} from '../../../src/privacy/scrubUrl';
import { anyText, bsn, email, segment, writtenIban } from './arbitraries';

const RUNS = { numRuns: 300 };

/** The output as a reader would see it: decoded where it decodes, `+` as written. */
const decoded = (url: string): string => {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
};

/** A URL with `pii` in a path segment or an allowed query value, raw or encoded. */
const embedded = (pii: fc.Arbitrary<string>) =>
  fc
    .tuple(
      pii,
      segment,
      segment,
      fc.constantFrom('path', 'query', 'both'),
      fc.constantFrom('raw', 'encoded', 'plus'),
      fc.constantFrom('', 'https://zorg.nl'),
    )
    .map(([value, before, after, where, encoding, origin]) => {
      const written =
        encoding === 'raw'
          ? value
          : encoding === 'encoded'
            ? encodeURIComponent(value)
            : encodeURIComponent(value).replace(/%20/g, '+');
      const path = where === 'query' ? `/s/${before}` : `/s/${before}/${written}/${after}`;
      const query = where === 'path' ? `?utm_medium=${after}` : `?utm_source=${written}&x=1`;
      return { value, url: `${origin}${path}${query}#${written}` };
    });

describe('scrubUrl', () => {
  it.each([
    '/over-ons',
    '/locaties/tilburg?utm_source=nieuwsbrief',
    '/locaties/5038VP',
    '/nieuws/2024/12345678901',
    '/nieuws/2024/03/nieuwe-locatie-geopend-in-tilburg',
    'https://www.zorg-instelling.nl/',
    'https://www.zorg-instelling.nl',
    'https://zorg.nl:8443/wonen/appartement-12?utm_source=x&utm_medium=e-mail&utm_campaign=lente_2024',
    'https://zorg.nl/zoeken/caf%C3%A9',
    '/%E2%82%AC/prijzen',
    'https://zorg.nl/a/b/',
    'mailto:info',
  ])('keeps %s byte for byte', (url) => {
    expect(scrubUrl(url)).toBe(url);
  });

  it('drops the fragment and query parameters outside the allow-list', () => {
    expect(scrubUrl('https://zorg.nl/a?id=1&utm_source=x&naam=Jan&utm_term=y#top')).toBe(
      'https://zorg.nl/a?utm_source=x&utm_term=y',
    );
    expect(scrubUrl('/a?naam=Jan#/profiel/jan@example.nl')).toBe('/a');
    expect(scrubUrl('/a?')).toBe('/a');
    expect(scrubUrl('/a?utm_source')).toBe('/a?utm_source');
  });

  it('drops user name and password', () => {
    expect(scrubUrl('https://jan:geheim@zorg.nl/a')).toBe('https://zorg.nl/a');
    expect(scrubUrl('https://jan@example.nl@zorg.nl/a')).toBe('https://zorg.nl/a');
  });

  it.each([
    ['https://zorg.nl/profiel/jan@example.nl', 'https://zorg.nl/profiel/[email]'],
    ['https://zorg.nl/profiel/jan%40example.nl/bewerk', 'https://zorg.nl/profiel/[email]/bewerk'],
    ['https://zorg.nl/profiel/JAN%2Btag%40Example.NL', 'https://zorg.nl/profiel/[email]'],
    ['https://zorg.nl/profiel/jan%2540example.nl', 'https://zorg.nl/profiel/[email]'],
    ['/a?utm_source=jan@example.nl', '/a?utm_source=[email]'],
    ['/a?utm_source=jan%40example.nl&utm_medium=mail', '/a?utm_source=[email]&utm_medium=mail'],
    ['/a?utm_source=jan+tag%40example.nl', '/a?utm_source=[email]'],
    ['/a?utm_source=Jan.de.Vries%40Zorg.nl', '/a?utm_source=[email]'],
    ['/a?email=jan@example.nl', '/a'],
    ['/a#jan@example.nl', '/a'],
  ])('redacts the e-mail address in %s', (url, clean) => {
    expect(scrubUrl(url)).toBe(clean);
  });

  it.each([
    ['/clienten/999993847/dossier', '/clienten/[bsn]/dossier'],
    ['/clienten/1112.22.333', '/clienten/[bsn]'],
    ['/betalen/NL91ABNA0417164300', '/betalen/[iban]'],
    ['/betalen/NL91%20ABNA%200417%201643%2000', '/betalen/[iban]'],
    ['/a?utm_term=NL91+ABNA+0417+1643+00', '/a?utm_term=[iban]'],
    ['/bel/06-12345678', '/bel/[phone]'],
    ['/a?utm_content=%2B31%206%2012345678', '/a?utm_content=[phone]'],
    ['/a?utm_content=+31+6+12345678', '/a?utm_content=[phone]'],
    ['/adres/5038vp-12a', '/adres/[postcode]'],
    ['/adres/5038%20VP%2012', '/adres/[postcode]'],
    ['/ip/192.168.1.10', '/ip/[ip]'],
    ['/sessie/123e4567-e89b-12d3-a456-426614174000', '/sessie/[uuid]'],
    ['/reset/3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c?utm_source=mail', '/reset/[token]?utm_source=mail'],
  ])('redacts %s', (url, clean) => {
    expect(scrubUrl(url)).toBe(clean);
  });

  it('re-encodes a redacted segment, keeping encoded slashes inside it', () => {
    expect(scrubUrl('/a/jan%40example.nl%2Fb%20c/d')).toBe('/a/[email]%2Fb%20c/d');
  });

  it('survives malformed escapes and lone surrogates', () => {
    expect(scrubUrl('/a/%/%zz/%E9')).toBe('/a/%/%zz/%E9');
    expect(scrubUrl('/a/%E9%40x/jan%40example.nl%')).toBe('/a/%E9%40x/[email]%25');
    expect(scrubUrl('/a/\ud800jan@example.nl')).toBe('/a/\ud800[email]');
    expect(scrubUrl('/a/\ud800jan%40example.nl')).toBe('/a/%EF%BF%BD[email]');
  });

  it('follows allowParams, with a trailing * as a prefix match', () => {
    expect(scrubUrl('/a?page=2&utm_source=x&ref=y', { allowParams: ['page'] })).toBe('/a?page=2');
    expect(scrubUrl('/a?utm_x=1&mtm_y=2&z=3', { allowParams: ['utm_*', 'mtm_*'] })).toBe(
      '/a?utm_x=1&mtm_y=2',
    );
    expect(scrubUrl('/a?page=jan@example.nl', { allowParams: ['page'] })).toBe('/a?page=[email]');
    expect(scrubUrl('/a?utm%5Fsource=x')).toBe('/a?utm%5Fsource=x');
    expect(DEFAULT_ALLOWED_PARAMS).toContain('utm_campaign');
  });

  it('resolves relative URLs against base', () => {
    expect(scrubUrl('/a/jan@example.nl?x=1', { base: 'https://zorg.nl' })).toBe(
      'https://zorg.nl/a/[email]',
    );
    expect(scrubUrl('b?utm_id=3', { base: 'https://zorg.nl/a/' })).toBe(
      'https://zorg.nl/a/b?utm_id=3',
    );
    expect(scrubUrl('https://other.nl/x', { base: 'https://zorg.nl' })).toBe('https://other.nl/x');
    expect(scrubUrl('/a', { base: 'not a base' })).toBeNull();
  });

  it('gives null only for what is no URL at all', () => {
    expect(scrubUrl('')).toBeNull();
    expect(scrubUrl('   ')).toBeNull();
    expect(scrubUrl(undefined as never)).toBeNull();
    expect(scrubUrl(42 as never)).toBeNull();
    expect(scrubUrl('?x=1#y')).toBeNull();
    expect(scrubUrl('over-ons')).toBe('over-ons');
    expect(scrubUrl('/a', null as never)).toBe('/a');
  });

  it('is fine with 100 KB URLs', () => {
    const long = `/a/${'x1'.repeat(50_000)}?utm_source=${'%'.repeat(100_000)}#${'y'.repeat(1000)}`;
    expect(typeof scrubUrl(long)).toBe('string');
  });

  it('reads and returns at most MAX_URL characters, with the personal data in them removed', () => {
    const head = 'https://site.example/clienten/jan@example.nl/dossier/999993847';
    for (const tail of ['/a'.repeat(500_000), '/%C3%BC'.repeat(200_000), '/ü'.repeat(500_000)]) {
      const out = scrubUrl(`${head}${tail}?email=jan@example.nl&utm_source=${'x'.repeat(10_000)}`)!;
      expect(out.length).toBeLessThanOrEqual(MAX_URL);
      expect(out.startsWith('https://site.example/clienten/[email]/dossier/[bsn]/')).toBe(true);
      expect(out).not.toMatch(/%[\da-f]?$/i);
      expect(scrubUrl(out)).toBe(out);
    }
  });

  it('scrubs a finding the cut makes out of a longer number', () => {
    // 10 digits are no BSN; cut after 9 they are one (999993847).
    const url = `https://site.example/${'a'.repeat(MAX_URL - 30)}/9999938470`;
    const out = scrubUrl(url)!;
    expect(out.length).toBeLessThanOrEqual(MAX_URL);
    expect(out).not.toContain('999993847');
  });

  it('keeps a resolved relative URL within MAX_URL', () => {
    const out = scrubUrl(`/${'b'.repeat(5000)}`, { base: 'https://site.example/' })!;
    expect(out.length).toBeLessThanOrEqual(MAX_URL);
    expect(out.startsWith('https://site.example/bbb')).toBe(true);
  });

  it('never throws, and is idempotent, on any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = scrubUrl(text);
        expect(once === null || scrubUrl(once) === once).toBe(true);
      }),
      RUNS,
    );
  });

  const compact = (text: string) => text.replace(/[\s.+-]/g, '').toLowerCase();

  it('never lets a generated e-mail address through', () => {
    fc.assert(
      fc.property(embedded(email), ({ value, url }) => {
        const out = scrubUrl(url)!;
        expect(decoded(out).toLowerCase()).not.toContain(value.toLowerCase());
        expect(out).toContain('[email]');
      }),
      RUNS,
    );
  });

  it('never lets a generated BSN through', () => {
    fc.assert(
      fc.property(embedded(bsn), ({ value, url }) => {
        const out = scrubUrl(url)!;
        expect(compact(decoded(out))).not.toContain(value);
        expect(out).toContain('[bsn]');
      }),
      RUNS,
    );
  });

  it('never lets a generated Dutch IBAN through', () => {
    fc.assert(
      fc.property(
        writtenIban.chain(({ iban, text }) =>
          embedded(fc.constant(text)).map((e) => ({ ...e, iban })),
        ),
        ({ iban, url }) => {
          const out = scrubUrl(url)!;
          expect(compact(decoded(out))).not.toContain(iban.toLowerCase());
          expect(out).toContain('[iban]');
        },
      ),
      RUNS,
    );
  });

  it('is idempotent on URLs full of findings', () => {
    fc.assert(
      fc.property(
        embedded(
          fc.oneof(
            email,
            bsn,
            writtenIban.map(({ text }) => text),
          ),
        ),
        ({ url }) => {
          const once = scrubUrl(url);
          expect(scrubUrl(once!)).toBe(once);
        },
      ),
      RUNS,
    );
  });
});

describe('scrubReferrer', () => {
  const site = 'https://zorg.nl';

  it('cuts an external referrer to its origin', () => {
    expect(scrubReferrer('https://www.google.nl/search?q=jan+de+vries', site)).toBe(
      'https://www.google.nl',
    );
    expect(scrubReferrer('http://jan:pw@Partner.NL:8080/a/b', site)).toBe('http://partner.nl:8080');
  });

  it('keeps the scrubbed path and allowed query of a same-origin referrer', () => {
    expect(scrubReferrer('https://zorg.nl/profiel/jan@example.nl?utm_id=3&x=1#y', site)).toBe(
      '/profiel/[email]?utm_id=3',
    );
    expect(scrubReferrer('https://zorg.nl/over-ons', 'https://zorg.nl/elders?x')).toBe('/over-ons');
    expect(scrubReferrer('/over-ons?naam=jan', site)).toBe('/over-ons');
  });

  it('treats another port or scheme as another origin', () => {
    expect(scrubReferrer('http://zorg.nl/a', site)).toBe('http://zorg.nl');
    expect(scrubReferrer('https://zorg.nl:444/a', site)).toBe('https://zorg.nl:444');
  });

  it.each(['', '  ', 'not a url', 'android-app://com.google.android.gm/', undefined, 3])(
    'gives null for %j',
    (referrer) => {
      expect(scrubReferrer(referrer as string, site)).toBeNull();
    },
  );

  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          embedded(email).map(({ url }) => url),
        ),
        (text) => {
          const once = scrubReferrer(text, site);
          expect(once === null || scrubReferrer(once, site) === once).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
