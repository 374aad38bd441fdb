import { describe, expect, it, vi } from 'vitest';
import { createRelay } from '../../../src/relay/createRelay';
import { createRateLimiter } from '../../../src/relay/createRateLimiter';
import { resolveClientIp } from '../../../src/relay/resolveClientIp';
import { createUpstreamQueue } from '../../../src/relay/sinks/createUpstreamQueue';
import type { StoredRecord } from '../../../src/relay/types';
import { beacon, newSid, post } from './support/defineRelaySuite';

describe('createRelay options', () => {
  it('throws a prefixed message naming the field for programmer errors', () => {
    expect(() => createRelay({ ipLevel: 5 as 1 })).toThrow(/^zorgvuldig createRelay\(\): ipLevel/);
    expect(() => createRelay({ trustedProxies: ['10.0.0.0/99'] })).toThrow(/trustedProxies\[0\]/);
    expect(() => createRelay({ basePath: 'zv' })).toThrow(/basePath/);
    expect(() => createRelay({ sinks: [{ type: 'matomo' } as never] })).toThrow(/sinks\[0\]\.url/);
    expect(() => createRelay({ sinks: [{ type: 'ndjson' } as never] })).toThrow(
      /ndjson sink needs a dir/,
    );
    expect(() => createRelay({ sinks: [{ type: 'kafka' } as never] })).toThrow(/sinks\[0\]\.type/);
  });

  it('truncates to Matomo levels 1 and 3 when asked', async () => {
    for (const [ipLevel, v4, v6] of [
      [1, '192.0.2.0', '2001:db8:0:8d3::'],
      [3, '192.0.0.0', '2001:d00::'],
    ] as const) {
      const stored: StoredRecord[] = [];
      const relay = createRelay({
        ipLevel,
        sinks: [{ type: 'function', fn: (r) => void stored.push(...r) }],
      });
      await relay(post('/collect', beacon(newSid())), { clientAddress: '192.0.2.55' });
      await relay(post('/collect', beacon(newSid())), {
        clientAddress: '2001:db8:0:8d3:0:8a2e:70:7344',
      });
      expect(stored.map((r) => r.ip)).toEqual([v4, v6]);
    }
  });

  it('hands function sinks copies, and a throwing one yields 503', async () => {
    const relay = createRelay({
      log: () => {},
      sinks: [
        {
          type: 'function',
          fn: () => {
            throw new Error('down');
          },
        },
      ],
    });
    expect(
      (await relay(post('/collect', beacon(newSid())), { clientAddress: '192.0.2.1' })).status,
    ).toBe(503);
  });
});

describe('resolveClientIp', () => {
  it('uses the peer alone when no proxy is trusted', () => {
    const headers = new Headers({ 'x-forwarded-for': '1.2.3.4', 'cf-connecting-ip': '5.6.7.8' });
    expect(resolveClientIp('192.0.2.1', headers, [])).toBe('192.0.2.1');
    expect(resolveClientIp('::ffff:192.0.2.1', headers, [])).toBe('192.0.2.1');
    expect(resolveClientIp(undefined, headers, ['0.0.0.0/0'])).toBeNull();
  });

  it('believes CF-Connecting-IP from a trusted peer', () => {
    const headers = new Headers({
      'cf-connecting-ip': '198.51.100.4',
      'x-forwarded-for': '1.2.3.4',
    });
    expect(resolveClientIp('10.0.0.1', headers, ['10.0.0.0/8'])).toBe('198.51.100.4');
  });
});

describe('createRateLimiter', () => {
  it('refills over time and keeps at most maxKeys buckets', () => {
    let time = 0;
    const limit = createRateLimiter({ burst: 2, perSecond: 1, maxKeys: 3 }, () => time);
    expect([limit('a'), limit('a'), limit('a')]).toEqual([0, 0, 1]);
    time += 1000;
    expect(limit('a')).toBe(0);
    // Four other keys push 'a' out; it comes back with a full bucket.
    for (const key of ['b', 'c', 'd', 'e']) limit(key);
    expect([limit('a'), limit('a')]).toEqual([0, 0]);
  });
});

describe('createUpstreamQueue', () => {
  it('retries with backoff, then delivers', async () => {
    let calls = 0;
    const fetcher = (async () =>
      new Response(null, { status: ++calls < 3 ? 503 : 204 })) as unknown as typeof fetch;
    const queue = createUpstreamQueue('test', fetcher, () => {}, { backoffMs: 1 });
    await queue.enqueue({ url: 'http://upstream.test/', init: {} });
    expect(calls).toBe(3);
    expect(queue.counters()).toMatchObject({ delivered: 1, retried: 2, dropped: 0, queued: 0 });
  });

  it('is bounded: drops beyond maxQueue and logs without data', async () => {
    const log = vi.fn();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetcher = (async () => {
      await gate;
      return new Response(null, { status: 204 });
    }) as unknown as typeof fetch;
    const queue = createUpstreamQueue('slow', fetcher, log, { maxQueue: 2 });
    const deliveries = [1, 2, 3, 4].map((i) =>
      queue.enqueue({ url: `http://upstream.test/?ip=192.0.2.${i}`, init: {} }),
    );
    expect(queue.counters()).toMatchObject({ queued: 2, dropped: 2 });
    expect(log.mock.calls.join('\n')).not.toContain('192.0.2');
    release();
    await Promise.all(deliveries);
    expect(queue.counters()).toMatchObject({ queued: 0, delivered: 2, dropped: 2 });
  });

  it('gives up after the last attempt and does not retry a 400', async () => {
    let calls = 0;
    const failing = (async () => {
      calls++;
      throw new Error('ECONNREFUSED');
    }) as unknown as typeof fetch;
    const queue = createUpstreamQueue('down', failing, () => {}, { retries: 3, backoffMs: 1 });
    await queue.enqueue({ url: 'http://upstream.test/', init: {} });
    expect(calls).toBe(3);
    expect(queue.counters().dropped).toBe(1);
    const rejecting = (async () => new Response(null, { status: 400 })) as unknown as typeof fetch;
    const strict = createUpstreamQueue('strict', rejecting, () => {}, { backoffMs: 1 });
    await strict.enqueue({ url: 'http://upstream.test/', init: {} });
    expect(strict.counters()).toMatchObject({ dropped: 1, retried: 0 });
  });
});
