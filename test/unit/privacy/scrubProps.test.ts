import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubProps } from '../../../src/privacy/scrubProps';
import { email } from './arbitraries';

describe('scrubProps', () => {
  it('keeps flat strings, finite numbers, booleans and null, scrubbing the strings', () => {
    expect(
      scrubProps({
        plan: 'basis',
        count: 3,
        ok: true,
        none: null,
        from: 'jan@example.nl',
        ratio: 0.5,
      }),
    ).toEqual({ plan: 'basis', count: 3, ok: true, none: null, from: '[email]', ratio: 0.5 });
  });

  it('drops nested objects, arrays, non-finite numbers and other types', () => {
    const out = scrubProps({
      nested: { a: 1 },
      list: [1, 2],
      date: new Date(0),
      nan: NaN,
      inf: Infinity,
      missing: undefined,
      fn: () => 1,
      sym: Symbol('x'),
      big: BigInt(1),
      kept: 'ja',
    });
    expect(out).toEqual({ kept: 'ja' });
  });

  it('limits the count, key length and value length', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    expect(Object.keys(scrubProps(many))).toHaveLength(30);
    const out = scrubProps({ ['k'.repeat(100)]: 'v'.repeat(1000) });
    const [key] = Object.keys(out);
    expect(key).toHaveLength(64);
    expect(out[key]).toHaveLength(500);
  });

  it('scrubs keys too', () => {
    expect(scrubProps({ 'jan@example.nl': true })).toEqual({ '[email]': true });
  });

  it('ignores __proto__, constructor and prototype keys', () => {
    const input = JSON.parse(
      '{"__proto__": {"polluted": "yes"}, "constructor": "x", "prototype": "y", "a": "b"}',
    );
    const out = scrubProps(input);
    expect(out).toEqual({ a: 'b' });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(scrubProps({ toString: 'x', hasOwnProperty: 1 })).toEqual({
      toString: 'x',
      hasOwnProperty: 1,
    });
  });

  it.each([null, undefined, 'text', 42, [1, 2], () => 1])('gives {} for %j', (value) => {
    expect(scrubProps(value)).toEqual({});
  });

  it('keeps what it copied when a getter throws', () => {
    const props = {
      a: 1,
      get b(): number {
        throw new Error('boom');
      },
      c: 3,
    };
    expect(scrubProps(props)).toEqual({ a: 1 });
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(scrubProps(hostile)).toEqual({});
  });

  it('turns -0 into 0, which JSON can carry', () => {
    expect(Object.is(scrubProps({ n: -0 }).n, 0)).toBe(true);
  });

  it('gives a JSON-serialisable object without e-mail addresses, whatever comes in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.anything(), email)), (props) => {
        const out = scrubProps(props);
        expect(JSON.parse(JSON.stringify(out))).toEqual(out);
        expect(JSON.stringify(out)).not.toMatch(/[\w.+-]+@[a-z\d-]+(\.[a-z\d-]+)*\.[a-z]{2,}/i);
      }),
      { numRuns: 200 },
    );
  });
});
