import { describe, expect, it } from 'vitest';
import { createSeenIds } from '../../../src/relay/createSeenIds';

describe('createSeenIds', () => {
  it('refuses an id within the TTL, takes it again after, and forgets a released one', () => {
    let now = 0;
    const seen = createSeenIds(() => now, 10, 1000);
    expect(seen.claim('a')).toBe(true);
    expect(seen.claim('a')).toBe(false);
    now = 1001;
    expect(seen.claim('a')).toBe(true);
    seen.release('a');
    expect(seen.claim('a')).toBe(true);
  });

  it('keeps at most max ids, dropping the oldest first', () => {
    const seen = createSeenIds(() => 0, 3, 1000);
    for (const id of ['a', 'b', 'c', 'd']) expect(seen.claim(id)).toBe(true);
    expect(seen.claim('d')).toBe(false);
    expect(seen.claim('b')).toBe(false);
    expect(seen.claim('c')).toBe(false);
    expect(seen.claim('a')).toBe(true); // evicted by 'd'
  });

  it('keeps a released id that is taken again through the wrap of its older entry', () => {
    let now = 0;
    const seen = createSeenIds(() => now, 3, 1000);
    expect(seen.claim('a')).toBe(true);
    seen.release('a');
    expect(seen.claim('a')).toBe(true); // a second entry for 'a'; the first is stale
    expect(seen.claim('b')).toBe(true);
    // The ring is full: 'c' pushes out the stale entry of 'a', which must not forget the live one.
    expect(seen.claim('c')).toBe(true);
    expect(seen.claim('a')).toBe(false);
    expect(seen.claim('d')).toBe(true); // now the live 'a' goes
    expect(seen.claim('b')).toBe(false);
    expect(seen.claim('a')).toBe(true);
    // Expiry empties the ring from the front, whatever its fill.
    now = 5000;
    for (const id of ['b', 'c', 'd']) expect(seen.claim(id)).toBe(true);
  });

  it('stays exact over many wraps of a full ring', () => {
    const seen = createSeenIds(() => 0, 1000, 1e9);
    for (let i = 0; i < 50_000; i++) expect(seen.claim(`id${i}`)).toBe(true);
    // The last 1,000 are remembered, the one before them is not.
    expect(seen.claim('id49000')).toBe(false);
    expect(seen.claim('id48999')).toBe(true);
  });
});
