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
});
