import { describe, expect, it } from 'vitest';
import { createTokenBucket } from '../../../src/stats/createTokenBucket';

describe('createTokenBucket', () => {
  it('allows a burst of `capacity`, then says how long to wait', () => {
    const time = 0;
    const bucket = createTokenBucket(3, 500, () => time);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 0]);
    expect(bucket.take()).toBe(500);
  });

  it('refills one token per interval and never beyond capacity', () => {
    let time = 0;
    const bucket = createTokenBucket(2, 500, () => time);
    bucket.take();
    bucket.take();
    time = 250;
    expect(bucket.take()).toBe(250);
    time = 500;
    expect(bucket.take()).toBe(0);
    time = 1e9;
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 500]);
  });

  it('grants no more than capacity + elapsed / interval over any run of calls', () => {
    let time = 0;
    const bucket = createTokenBucket(4, 500, () => time);
    let granted = 0;
    for (let call = 0; call < 10_000; call++) {
      time += 1; // 10,000 attempts in 10 seconds
      if (bucket.take() === 0) granted++;
    }
    expect(granted).toBeLessThanOrEqual(4 + 10_000 / 500);
    expect(granted).toBeGreaterThanOrEqual(20);
  });

  it('gives no tokens for a clock that goes backwards', () => {
    let time = 1e6;
    const bucket = createTokenBucket(1, 500, () => time);
    bucket.take();
    time = 0;
    expect(bucket.take()).toBe(500);
  });
});
