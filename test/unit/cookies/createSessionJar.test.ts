// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createSessionJar } from '../../../src/cookies/createSessionJar';
import { matchesCookiePattern } from '../../../src/cookies/matchesCookiePattern';
import { randomId } from '../../../src/lib/randomId';
import { VERSION } from '../../../src/version';
import pkg from '../../../package.json';

describe('createSessionJar', () => {
  it('writes, reads and removes a cookie and remembers what it wrote', () => {
    const jar = createSessionJar(false);
    expect(jar.set('zv_test', 'a b;c')).toBe(true);
    expect(jar.get('zv_test')).toBe('a b;c');
    expect(jar.written()).toEqual(['zv_test']);
    jar.remove('zv_test');
    expect(jar.get('zv_test')).toBeUndefined();
    expect(jar.written()).toEqual([]);
  });

  it.each(['expires', 'max-age', 'maxAge'])(
    'refuses "%s" with an error that says why',
    (attribute) => {
      const jar = createSessionJar(false);
      expect(() => jar.set('zv_test', 'x', { [attribute]: 7 } as never)).toThrow(
        /session cookies only/,
      );
      expect(jar.get('zv_test')).toBeUndefined();
    },
  );

  it('never throws when document.cookie throws', () => {
    const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      set: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    try {
      const jar = createSessionJar(false);
      expect(jar.set('zv_test', 'x')).toBe(false);
      expect(jar.get('zv_test')).toBeUndefined();
      expect(jar.all()).toEqual({});
      expect(() => jar.remove('zv_test')).not.toThrow();
    } finally {
      delete (document as unknown as Record<string, unknown>).cookie;
      expect(Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')).toEqual(descriptor);
    }
  });
});

describe('matchesCookiePattern', () => {
  it.each([
    ['_ga', '_ga', true],
    ['_ga_ABC', '_ga', false],
    ['_ga_ABC', '_ga_*', true],
    ['_gat_UA1', '_gat*', true],
    ['_gid', '_ga*', false],
  ])('%s against %s is %s', (name, pattern, expected) => {
    expect(matchesCookiePattern(name, pattern)).toBe(expected);
  });
});

describe('randomId', () => {
  it('gives 22 base64url characters, different every time', () => {
    const ids = new Set(Array.from({ length: 1000 }, randomId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('VERSION', () => {
  it('matches package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });
});
