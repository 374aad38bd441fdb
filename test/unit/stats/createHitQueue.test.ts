// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Hit } from '../../../src/protocol/types';
import {
  MAX_QUEUED_BYTES,
  MAX_QUEUED_HITS,
  createHitQueue,
} from '../../../src/stats/createHitQueue';

const hit = (n: number, pad = 0): Hit => ({
  type: 'pageview',
  time: '2025-01-01T00:00:00.000Z',
  url: `https://zorg.example/p${n}${'x'.repeat(pad)}`,
});
const numbers = (hits: Hit[]) => hits.map((h) => Number(/p(\d+)/.exec(h.url)![1]));

beforeEach(() => sessionStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('createHitQueue', () => {
  it('takes 5,000 pushes in one task without encoding the queue for each', () => {
    const queue = createHitQueue();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    for (let n = 0; n < 5000; n++) queue.push(hit(n));
    expect(setItem).not.toHaveBeenCalled();
    const batch = queue.take(100);
    expect(setItem.mock.calls.length).toBeLessThanOrEqual(2);
    expect(batch.hits).toHaveLength(MAX_QUEUED_HITS);
    expect(batch.dropped).toBe(5000 - MAX_QUEUED_HITS);
  });

  it('keeps at most 50 hits, dropping the oldest and counting them', () => {
    const queue = createHitQueue();
    for (let n = 0; n < 120; n++) queue.push(hit(n));
    expect(queue.size()).toBe(MAX_QUEUED_HITS);
    const batch = queue.take(100);
    expect(batch.dropped).toBe(70);
    expect(numbers(batch.hits)).toEqual([...Array(50).keys()].map((n) => n + 70));
  });

  it('keeps at most 64 KB of hits', () => {
    const queue = createHitQueue();
    for (let n = 0; n < 40; n++) queue.push(hit(n, 4000));
    const batch = queue.take(100);
    expect(new TextEncoder().encode(JSON.stringify(batch.hits)).length).toBeLessThanOrEqual(
      MAX_QUEUED_BYTES,
    );
    expect(batch.dropped + batch.hits.length).toBe(40);
    expect(numbers(batch.hits).at(-1)).toBe(39);
  });

  it('counts multi-byte characters as the bytes they are sent as', () => {
    const queue = createHitQueue();
    // 3 bytes each in UTF-8: 20 hits × 3,000 × 3 bytes is far over 64 KB.
    for (let n = 0; n < 20; n++) queue.push({ ...hit(n), name: '€'.repeat(3000) });
    const batch = queue.take(100);
    expect(new TextEncoder().encode(JSON.stringify(batch.hits)).length).toBeLessThanOrEqual(
      MAX_QUEUED_BYTES,
    );
    expect(batch.dropped).toBeGreaterThan(0);
  });

  it('reports the drop count with the next batch only', () => {
    const queue = createHitQueue();
    for (let n = 0; n < 52; n++) queue.push(hit(n));
    expect(queue.take(10).dropped).toBe(2);
    expect(queue.take(10).dropped).toBe(0);
    expect(queue.size()).toBe(30);
  });

  it('puts a failed batch back in front, with its drop count', () => {
    const queue = createHitQueue();
    for (let n = 0; n < 52; n++) queue.push(hit(n));
    const batch = queue.take(3);
    queue.restore(batch);
    const again = queue.take(100);
    expect(again.dropped).toBe(2);
    expect(numbers(again.hits)).toEqual([...Array(50).keys()].map((n) => n + 2));
  });

  it('drops restored hits first when the queue filled up meanwhile', () => {
    const queue = createHitQueue();
    queue.push(hit(0));
    const batch = queue.take(1);
    for (let n = 1; n <= 50; n++) queue.push(hit(n));
    queue.restore(batch);
    const again = queue.take(100);
    expect(again.dropped).toBe(1);
    expect(numbers(again.hits)[0]).toBe(1);
  });

  it('survives a page load through sessionStorage', async () => {
    const first = createHitQueue();
    first.push(hit(1));
    first.push(hit(2));
    // Written once per task, before any next page can load.
    await Promise.resolve();
    const next = createHitQueue();
    expect(numbers(next.take(10).hits)).toEqual([1, 2]);
  });

  it('ignores a tampered stored queue', () => {
    sessionStorage.setItem('zv_queue', '{"hits":"nope","dropped":-1}');
    expect(createHitQueue().size()).toBe(0);
    sessionStorage.setItem('zv_queue', '{not json');
    expect(createHitQueue().size()).toBe(0);
  });

  it('keeps working in memory when storage throws', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const queue = createHitQueue();
    queue.push(hit(1));
    queue.push(hit(2));
    expect(numbers(queue.take(10).hits)).toEqual([1, 2]);
  });

  it('leaves no stale copy behind when storage is full', () => {
    const queue = createHitQueue();
    queue.push(hit(1));
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    queue.take(10);
    vi.restoreAllMocks();
    // The next page must not send hit 1 a second time.
    expect(createHitQueue().size()).toBe(0);
  });
});
