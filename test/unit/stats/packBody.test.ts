import { describe, expect, it } from 'vitest';
import type { Hit } from '../../../src/protocol/types';
import { MAX_BODY_BYTES, packBody } from '../../../src/stats/packBody';

const SID = 'AAAAAAAAAAAAAAAAAAAAAA';
const hit = (n: number, bytes = 70): Hit => ({
  type: 'pageview',
  time: '2025-01-01T00:00:00Z',
  url: `/p${n}/${'é'.repeat(Math.max(0, (bytes - 70) / 2))}`,
});
const bytesOf = (text: string) => new TextEncoder().encode(text).length;

describe('packBody', () => {
  it('packs hits in order until the room is used, counting UTF-8 bytes', () => {
    const hits = Array.from({ length: 10 }, (_, n) => hit(n, 2000));
    const packed = packBody(SID, hits, 0, 5000);
    expect(packed.hits).toEqual(hits.slice(0, 2));
    expect(packed.rest).toEqual(hits.slice(2));
    expect(bytesOf(packed.json!)).toBeLessThanOrEqual(packed.bytes);
    expect(packed.bytes).toBeLessThanOrEqual(5000);
  });

  it('keeps the drop count and drops only a hit too large for any body', () => {
    const huge = hit(2, MAX_BODY_BYTES);
    const packed = packBody(SID, [hit(1), huge, hit(3)], 4);
    expect(packed.hits).toEqual([hit(1), hit(3)]);
    expect(packed.dropped).toBe(5);
    expect(JSON.parse(packed.json!)).toEqual({
      v: 1,
      sid: SID,
      bid: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      dropped: 5,
      hits: [hit(1), hit(3)],
    });
  });

  it('gives no body when the first hit does not fit the room', () => {
    const packed = packBody(SID, [hit(1, 2000)], 0, 1000);
    expect(packed).toEqual({ json: null, bytes: 0, hits: [], dropped: 0, rest: [hit(1, 2000)] });
  });
});
