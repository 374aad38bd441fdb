// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../../src/config/config';
import type { ConsentController, ConsentState } from '../../../src/consent/types';
import { createSessionJar } from '../../../src/cookies/createSessionJar';
import { createEmitter } from '../../../src/lib/createEmitter';
import type { RightsSources } from '../../../src/context/parts';
import { forgetEverything } from '../../../src/rights/forgetEverything';
import { startReceipts } from '../../../src/rights/startReceipts';
import type { Context, SdkEvents, Stats } from '../../../src/context/context';

/** Status the fake relay answers with; every request is recorded. */
let status: number;
let posted: { url: string; body: string }[];
let teardowns: (() => void)[];

beforeEach(() => {
  sessionStorage.clear();
  posted = [];
  teardowns = [];
  status = 202;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    posted.push({ url, body: String(init.body) });
    return new Response(null, { status });
  });
});
afterEach(() => {
  teardowns.forEach((fn) => fn());
  vi.unstubAllGlobals();
});

const startWithChoice = () => {
  const listeners = new Set<(state: ConsentState) => void>();
  const consent = {
    onChange(listener: (state: ConsentState) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  } as ConsentController;
  const ctx: Context = {
    config: { endpoint: '/zv' } as Config,
    consent,
    events: createEmitter<SdkEvents>(),
    jar: createSessionJar(false),
    onTeardown: (fn) => void teardowns.push(fn),
  };
  const receipts = startReceipts(ctx, () => null);
  const choose = () =>
    listeners.forEach((listener) =>
      listener({
        decided: true,
        id: 'receipt-1',
        policyVersion: '1',
        time: '2025-01-01T00:00:00.000Z',
        choices: { necessary: true },
        method: 'banner',
      } as unknown as ConsentState),
    );
  return { receipts, choose };
};

describe('delivered means 2xx', () => {
  it('keeps a receipt the relay answered 503 waiting, and marks it delivered on a 2xx', async () => {
    const { receipts, choose } = startWithChoice();
    await receipts.flush(); // the flush at start, with nothing to send
    status = 503;
    choose();
    await receipts.flush();
    expect(posted.map((p) => p.url)).toContain('/zv/consent');
    expect(receipts.all()[0].delivered).toBe(false);
    status = 400;
    await receipts.flush();
    expect(receipts.all()[0].delivered).toBe(false);
    status = 201;
    await receipts.flush();
    expect(receipts.all()[0].delivered).toBe(true);
  });

  it('resolves forget() to false on a 503 and true on a 2xx', async () => {
    const parts = (): RightsSources => ({
      config: { endpoint: '/zv' } as Config,
      consent: { reset: () => undefined } as unknown as ConsentController,
      jar: createSessionJar(false),
      stats: {
        pseudonym: () => 'AAAAAAAAAAAAAAAAAAAAAA',
        sent: () => [],
        forget: () => undefined,
      } as unknown as Stats,
      receipts: { all: () => [], clear: () => undefined } as unknown as RightsSources['receipts'],
      sweep: () => undefined,
    });
    status = 503;
    expect(await forgetEverything(parts())).toBe(false);
    status = 204;
    expect(await forgetEverything(parts())).toBe(true);
    expect(posted.map((p) => p.url)).toEqual(['/zv/forget', '/zv/forget']);
  });
});
