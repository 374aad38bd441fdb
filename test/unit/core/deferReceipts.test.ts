// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../../src/config/resolveConfig';
import { createConsent } from '../../../src/consent/createConsent';
import type { Context, SdkEvents } from '../../../src/context/context';
import type { PartModules, PartName } from '../../../src/context/parts';
import { createSessionJar } from '../../../src/cookies/createSessionJar';
import { createParts } from '../../../src/core/createParts';
import { deferReceipts } from '../../../src/core/deferReceipts';
import { createEmitter } from '../../../src/lib/createEmitter';
import { receiptsPart } from '../../../src/parts/receiptsPart';

let teardowns: (() => void)[];
let posted: string[];
beforeEach(() => {
  teardowns = [];
  posted = [];
  sessionStorage.clear();
  document.cookie
    .split('; ')
    .forEach((c) => (document.cookie = `${c.split('=')[0]}=; max-age=0; path=/`));
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    posted.push(String(init.body));
    return new Response(null, { status: 202 });
  });
});
afterEach(() => {
  teardowns.splice(0).forEach((fn) => fn());
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The receipts part arrives when `arrive()` is called (or fails, with `fail`). */
const setup = ({
  endpoint = '/zv',
  fail = false,
  decided = false,
  pseudonym = (): string | null | Promise<string | null> => null,
} = {}) => {
  const { config } = resolveConfig({ endpoint });
  const jar = createSessionJar(false);
  const ctx: Context = {
    config,
    consent: createConsent(config, jar),
    events: createEmitter<SdkEvents>(),
    jar,
    onTeardown: (fn) => void teardowns.push(fn),
  };
  let arrive = () => {};
  const requested: PartName[] = [];
  const parts = createParts(((name: PartName) => {
    requested.push(name);
    return new Promise((resolve, reject) => {
      arrive = () =>
        fail ? reject(new Error('404')) : resolve(receiptsPart as PartModules['receipts'] as never);
    });
  }) as never);
  // A visit that starts decided: the record is there before the core starts.
  if (decided) ctx.consent.set({ statistics: false }, 'api');
  const receipts = deferReceipts(ctx, parts, pseudonym);
  return { ctx, receipts, requested, arrive: () => arrive() };
};

/** A page transition event, `persisted` set by hand (happy-dom does not take it from the init). */
const transition = (type: 'pagehide' | 'pageshow', persisted: boolean) =>
  dispatchEvent(Object.assign(new Event(type), { persisted }));

/** Past the paint and the idle period `afterPaint` waits for (at most a second). */
const afterThePaint = () => new Promise((resolve) => setTimeout(resolve, 1100));

describe('deferReceipts', () => {
  it('fetches the part after the paint while the banner asks for a choice', async () => {
    const { requested } = setup();
    expect(requested).toEqual([]);
    await afterThePaint();
    expect(requested).toEqual(['receipts']);
  });

  it('on a decided visit with every receipt delivered, waits for a choice', async () => {
    sessionStorage.setItem('zv_receipts', JSON.stringify([{ v: 1, id: 'a', delivered: true }]));
    const { ctx, requested } = setup({ decided: true });
    await afterThePaint();
    expect(requested).toEqual([]);
    ctx.consent.set({ statistics: true }, 'api');
    expect(requested).toEqual(['receipts']);
  });

  it('on a decided visit, fetches the part after the paint when a receipt waits to be delivered', async () => {
    sessionStorage.setItem('zv_receipts', JSON.stringify([{ v: 1, id: 'a', delivered: false }]));
    const { requested } = setup({ decided: true });
    await afterThePaint();
    expect(requested).toEqual(['receipts']);
  });

  it('keeps the choices made before the part runs and hands them over, in order', async () => {
    const { ctx, receipts, requested, arrive } = setup({ endpoint: '' });
    ctx.consent.set({ statistics: false }, 'api');
    ctx.consent.set({ statistics: true }, 'api');
    // Without a relay the part is asked for on the first choice, not after the paint.
    expect(requested).toEqual(['receipts']);
    expect(receipts.all()).toEqual([]);
    arrive();
    await receipts.ready();
    expect(receipts.all().map((r) => r.choices.statistics)).toEqual([false, true]);
    ctx.consent.set({ statistics: false }, 'api');
    expect(receipts.all()).toHaveLength(3);
  });

  it('ready() waits for the pseudonym of every choice made so far, so all() is complete', async () => {
    // The statistics part, which knows the pseudonym, is slower than the receipts part.
    let knowPseudonym = (_: string) => {};
    const known = new Promise<string>((resolve) => (knowPseudonym = resolve));
    const { ctx, receipts, arrive } = setup({ pseudonym: () => known });
    ctx.consent.set({ statistics: false }, 'reject-all');
    ctx.consent.set({ statistics: true }, 'api');
    arrive();
    let settled = false;
    const whenReady = receipts.ready().then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    knowPseudonym('p-1');
    await whenReady;
    expect(receipts.all().map((r) => [r.method, r.sid])).toEqual([
      ['reject-all', 'p-1'],
      ['api', 'p-1'],
    ]);
    // A choice after the part runs is waited for too.
    ctx.consent.set({ statistics: false }, 'api');
    await receipts.ready();
    expect(receipts.all()).toHaveLength(3);
  });

  it('posts the kept receipts to the relay once the part runs', async () => {
    const { ctx, receipts, arrive } = setup();
    ctx.consent.set({ statistics: true }, 'api');
    arrive();
    await receipts.ready();
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(JSON.parse(posted[0]!)).toMatchObject({ v: 1, method: 'api' });
  });

  it('a page left before the part ran leaves its choices to the next page, which posts them', async () => {
    const first = setup({ decided: true });
    first.ctx.consent.set({ statistics: true }, 'api');
    expect(first.requested).toEqual(['receipts']);
    transition('pagehide', false);
    teardowns.splice(0).forEach((fn) => fn());

    // The next page: the part arrives there, after the paint, and receipts the left choice.
    const next = setup({ decided: true });
    expect(sessionStorage.getItem('zv_choices')).toBeNull();
    await afterThePaint();
    expect(next.requested).toEqual(['receipts']);
    next.arrive();
    await next.receipts.ready();
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(JSON.parse(posted[0]!)).toMatchObject({
      v: 1,
      method: 'api',
      choices: { statistics: true },
    });
  });

  it('leaves nothing once the part has the choices, and ignores left entries that are no choice', async () => {
    const { ctx, receipts, arrive } = setup();
    ctx.consent.set({ statistics: true }, 'api');
    arrive();
    await receipts.ready();
    await vi.waitFor(() =>
      expect(sessionStorage.getItem('zv_receipts')).toContain('"delivered":true'),
    );
    transition('pagehide', false);
    expect(sessionStorage.getItem('zv_choices')).toBeNull();
    teardowns.splice(0).forEach((fn) => fn());

    sessionStorage.setItem('zv_choices', JSON.stringify([{ decided: false }, 'x', { id: 3 }]));
    const next = setup({ decided: true });
    await afterThePaint();
    expect(next.requested).toEqual([]);
  });

  it('a page back from the back/forward cache takes its left choices back', async () => {
    const { ctx, requested } = setup({ decided: true });
    ctx.consent.set({ statistics: true }, 'api');
    transition('pagehide', true);
    expect(sessionStorage.getItem('zv_choices')).not.toBeNull();
    transition('pageshow', true);
    expect(sessionStorage.getItem('zv_choices')).toBeNull();
    expect(requested).toEqual(['receipts']);
  });

  it('fails closed: a part that cannot load leaves no receipt and ready() still resolves', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ctx, receipts, arrive } = setup({ fail: true });
    ctx.consent.set({ statistics: true }, 'api');
    arrive();
    await expect(receipts.ready()).resolves.toBeUndefined();
    expect(receipts.all()).toEqual([]);
    expect(() => receipts.clear()).not.toThrow();
    expect(posted).toEqual([]);
  });
});
