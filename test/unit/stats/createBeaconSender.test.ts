// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CollectBody, Hit } from '../../../src/protocol/types';
import {
  HITS_PER_BODY,
  SEND_BURST,
  SEND_INTERVAL,
  createBeaconSender,
} from '../../../src/stats/createBeaconSender';
import { MAX_QUEUED_HITS, createHitQueue } from '../../../src/stats/createHitQueue';
import { MAX_BODY_BYTES } from '../../../src/stats/packBody';

const SID = 'AAAAAAAAAAAAAAAAAAAAAA';
const hit = (n: number): Hit => ({ type: 'pageview', time: '2025-01-01T00:00:00Z', url: `/p${n}` });
/** A hit of about `bytes` bytes of JSON. */
const bigHit = (n: number, bytes: number): Hit => ({
  ...hit(n),
  url: `/p${n}/${'x'.repeat(bytes - 70)}`,
});
const bytesOf = (body: unknown) => new TextEncoder().encode(String(body)).length;
/** Chromium's rule: `sendBeacon` and `fetch(keepalive)` share 64 KB (65,536 bytes) in flight. */
const QUOTA = 65_536;

/** A `sendBeacon` that refuses what would go over the quota, as the browser does. */
const beaconWithQuota = () => {
  let used = 0;
  const refused: number[] = [];
  navigator.sendBeacon = vi.fn((url: string | URL, body?: BodyInit | null) => {
    if (used + bytesOf(body) > QUOTA) {
      refused.push(bytesOf(body));
      return false;
    }
    used += bytesOf(body);
    beacons.push({ url: String(url), body });
    return true;
  });
  return refused;
};
const beaconHits = () =>
  beacons.flatMap(({ body }) => (JSON.parse(String(body)) as CollectBody).hits);

let fetched: { url: string; init: RequestInit }[];
let beacons: { url: string; body: unknown }[];
let status: number | 'reject';

const bodies = () => fetched.map(({ init }) => JSON.parse(String(init.body)) as CollectBody);

const setup = (sid: string | null = SID) => {
  const sent: CollectBody[] = [];
  const queue = createHitQueue();
  const sender = createBeaconSender({
    url: '/zv/collect',
    queue,
    sid: () => sid,
    onSent: (json) => sent.push(JSON.parse(json)),
  });
  return { sender, queue, sent };
};

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
  fetched = [];
  beacons = [];
  status = 204;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      fetched.push({ url, init });
      if (status === 'reject') throw new TypeError('Failed to fetch');
      // The browser refuses a keepalive body over the quota before sending it.
      if (init.keepalive && bytesOf(init.body) > QUOTA) throw new TypeError('Failed to fetch');
      return new Response(null, { status });
    }),
  );
  navigator.sendBeacon = vi.fn((url: string | URL, body?: BodyInit | null) => {
    beacons.push({ url: String(url), body });
    return true;
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createBeaconSender', () => {
  it('sends hits pushed together as one text/plain body, without cookies', async () => {
    const { sender, sent } = setup();
    sender.push(hit(1));
    sender.push(hit(2));
    await vi.runAllTimersAsync();
    expect(fetched).toHaveLength(1);
    expect(fetched[0].url).toBe('/zv/collect');
    expect(typeof fetched[0].init.body).toBe('string');
    expect(fetched[0].init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit' });
    expect(bodies()[0]).toEqual({
      v: 1,
      sid: SID,
      bid: expect.any(String),
      hits: [hit(1), hit(2)],
    });
    expect(sent).toEqual(bodies());
  });

  it('gives every body its own random id, so the relay can store a repeat once', async () => {
    const { sender } = setup();
    for (let n = 0; n < HITS_PER_BODY * 3; n++) sender.push(hit(n));
    await vi.runAllTimersAsync();
    const ids = bodies().map((body) => body.bid);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(ids).size).toBe(3);
  });

  it('sends at most a burst of bodies at once, then two per second', async () => {
    const { sender } = setup();
    for (let n = 0; n < 5000; n++) {
      sender.push(hit(n));
      if (n % 10 === 9) await vi.advanceTimersByTimeAsync(1); // 5,000 hits in half a second
    }
    expect(fetched.length).toBeLessThanOrEqual(SEND_BURST + 500 / SEND_INTERVAL + 1);
    fetched = [];
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetched.length).toBeLessThanOrEqual(10_000 / SEND_INTERVAL + 1);
  });

  it('delivers or counts every hit when the page pushes faster than the limit', async () => {
    const { sender, queue } = setup();
    const pushed = 3000;
    for (let n = 0; n < pushed; n++) {
      sender.push(hit(n));
      if (n % 100 === 99) await vi.advanceTimersByTimeAsync(1);
    }
    await vi.runAllTimersAsync();
    expect(queue.size()).toBe(0);
    const delivered = bodies().reduce((sum, body) => sum + body.hits.length, 0);
    const dropped = bodies().reduce((sum, body) => sum + (body.dropped ?? 0), 0);
    expect(delivered + dropped).toBe(pushed);
    expect(delivered).toBeGreaterThanOrEqual(MAX_QUEUED_HITS);
    // The newest hit always survives.
    expect(bodies().at(-1)!.hits.at(-1)).toEqual(hit(pushed - 1));
    for (const body of bodies()) expect(body.hits.length).toBeLessThanOrEqual(HITS_PER_BODY);
  });

  it.each([
    ['a rejected fetch', 'reject' as const],
    ['a 503', 503],
  ])('keeps hits queued after %s and sends them at the next flush', async (_name, failure) => {
    const { sender, queue, sent } = setup();
    status = failure;
    sender.push(hit(1));
    await vi.runAllTimersAsync();
    expect(fetched).toHaveLength(1);
    expect(queue.size()).toBe(1);
    expect(sent).toHaveLength(0);
    status = 204;
    sender.push(hit(2));
    await vi.runAllTimersAsync();
    expect(bodies().at(-1)!.hits).toEqual([hit(1), hit(2)]);
    expect(sent).toHaveLength(1);
    expect(queue.size()).toBe(0);
  });

  it('drops a body the relay refuses for what it is, and counts its hits as dropped', async () => {
    const { sender, queue } = setup();
    status = 400;
    queue.push(hit(1));
    queue.push(hit(2));
    sender.flush();
    await vi.runAllTimersAsync();
    expect(queue.size()).toBe(0);
    status = 204;
    sender.push(hit(3));
    await vi.runAllTimersAsync();
    expect(bodies().at(-1)).toMatchObject({ dropped: 2, hits: [hit(3)] });
  });

  it.each([408, 429])('retries a body answered %i', async (code) => {
    const { sender, queue } = setup();
    status = code;
    sender.push(hit(1));
    await vi.runAllTimersAsync();
    expect(queue.size()).toBe(1);
  });

  it('keeps the drop count of a failed body for the next one', async () => {
    const { sender, queue } = setup();
    status = 500;
    for (let n = 0; n < MAX_QUEUED_HITS + 3; n++) queue.push(hit(n));
    sender.flush();
    await vi.runAllTimersAsync();
    expect(bodies()[0].dropped).toBe(3);
    status = 204;
    sender.flush();
    await vi.runAllTimersAsync();
    expect(bodies()[1].dropped).toBe(3);
    expect(bodies()[2].dropped).toBeUndefined();
  });

  it('uses sendBeacon when the page is being hidden', async () => {
    const { sender, queue, sent } = setup();
    queue.push(hit(1));
    sender.flush(true);
    expect(fetched).toHaveLength(0);
    expect(beacons).toHaveLength(1);
    expect(typeof beacons[0].body).toBe('string');
    expect(JSON.parse(String(beacons[0].body)).hits).toEqual([hit(1)]);
    expect(queue.size()).toBe(0);
    await vi.runAllTimersAsync();
    expect(sent).toHaveLength(1);
  });

  it('splits a large batch at pagehide into as many beacons as it takes', async () => {
    const refused = beaconWithQuota();
    const { sender, queue } = setup();
    // Spend the rate limit's burst first, as a busy page does.
    for (let n = 0; n < SEND_BURST; n++) {
      sender.push(hit(1000 + n));
      await vi.advanceTimersByTimeAsync(60);
    }
    for (let n = 0; n < MAX_QUEUED_HITS; n++) queue.push(hit(n));
    sender.flush(true);
    expect(refused).toEqual([]);
    expect(beacons).toHaveLength(MAX_QUEUED_HITS / HITS_PER_BODY);
    expect(beaconHits()).toEqual(Array.from({ length: MAX_QUEUED_HITS }, (_, n) => hit(n)));
    expect(queue.size()).toBe(0);
  });

  it('cuts bodies to the keepalive quota at pagehide, and keeps what does not fit queued', async () => {
    const refused = beaconWithQuota();
    const { sender, queue } = setup();
    // 50 hits of 1.3 KB: just under the queue's 64 KB, over the quota once each body has its
    // envelope.
    for (let n = 0; n < MAX_QUEUED_HITS; n++) queue.push(bigHit(n, 1313));
    const queued = queue.size();
    expect(queued).toBe(MAX_QUEUED_HITS);
    sender.flush(true);
    expect(refused).toEqual([]);
    const sentHits = beaconHits();
    expect(beacons.map(({ body }) => bytesOf(body)).reduce((a, b) => a + b)).toBeLessThanOrEqual(
      QUOTA,
    );
    expect(sentHits.length).toBeGreaterThan(queued - 3);
    // Nothing dropped: what did not fit waits, in order, for the next page of the session.
    expect(beacons.every(({ body }) => !('dropped' in JSON.parse(String(body))))).toBe(true);
    expect(sentHits.length + queue.size()).toBe(queued);
    expect(queue.size()).toBeGreaterThan(0);
    expect(queue.take(1).hits[0]).toEqual(bigHit(sentHits.length, 1313));
  });

  it('leaves room in the quota for a fetch still in flight', async () => {
    const refused = beaconWithQuota();
    let answer: (response: Response) => void = () => {};
    vi.stubGlobal('fetch', (_: string, init: RequestInit) => {
      fetched.push({ url: _, init });
      return new Promise<Response>((resolve) => (answer = resolve));
    });
    const { sender, queue } = setup();
    for (let n = 0; n < 10; n++) queue.push(bigHit(n, 4000));
    sender.flush();
    const flying = bytesOf(fetched[0].init.body);
    // The beacon quota mock does not see the fetch: the sender must count it itself.
    for (let n = 10; n < 30; n++) queue.push(bigHit(n, 1500));
    sender.flush(true);
    const beaconBytes = beacons.map(({ body }) => bytesOf(body)).reduce((a, b) => a + b, 0);
    expect(beaconBytes + flying).toBeLessThanOrEqual(QUOTA);
    expect(beacons.length).toBeGreaterThan(0);
    expect(refused).toEqual([]);
    answer(new Response(null, { status: 204 }));
  });

  it('drops, and counts, only a hit too large for any body', async () => {
    const refused = beaconWithQuota();
    const { sender, queue } = setup();
    queue.push(bigHit(1, MAX_BODY_BYTES - 30));
    expect(queue.size()).toBe(1);
    sender.flush(true);
    expect(refused).toEqual([]);
    expect(beacons).toHaveLength(0);
    queue.push(hit(2));
    sender.flush(true);
    expect(beacons.map(({ body }) => JSON.parse(String(body)))).toEqual([
      { v: 1, sid: SID, bid: expect.any(String), dropped: 1, hits: [hit(2)] },
    ]);
  });

  it('falls back to fetch keepalive when sendBeacon refuses', async () => {
    navigator.sendBeacon = () => false;
    const { sender, queue } = setup();
    queue.push(hit(1));
    sender.flush(true);
    await vi.runAllTimersAsync();
    expect(bodies()[0].hits).toEqual([hit(1)]);
  });

  it('leaves hits for the next page when the relay just failed', async () => {
    const { sender, queue } = setup();
    status = 'reject';
    sender.push(hit(1));
    await vi.runAllTimersAsync();
    queue.push(hit(2));
    sender.flush(true);
    expect(beacons).toHaveLength(0);
    expect(queue.size()).toBe(2);
    expect(JSON.parse(sessionStorage.getItem('zv_queue')!).hits).toHaveLength(2);
  });

  it('sends nothing without a pseudonym', async () => {
    const { sender, queue } = setup(null);
    sender.push(hit(1));
    sender.flush(true);
    await vi.runAllTimersAsync();
    expect(fetched).toHaveLength(0);
    expect(beacons).toHaveLength(0);
    expect(queue.size()).toBe(1);
  });

  it('does not put back a failed batch after clear()', async () => {
    let answer: (response: Response) => void = () => {};
    vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answer = resolve)));
    const { sender, queue } = setup();
    sender.push(hit(1));
    await vi.advanceTimersByTimeAsync(60);
    sender.clear();
    answer(new Response(null, { status: 500 }));
    await vi.runAllTimersAsync();
    expect(queue.size()).toBe(0);
  });
});
