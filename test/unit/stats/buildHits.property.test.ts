// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../../../src/config/config';
import type { ConsentController } from '../../../src/consent/types';
import type { Context, SdkEvents } from '../../../src/context/context';
import { createSessionJar } from '../../../src/cookies/createSessionJar';
import { createEmitter } from '../../../src/lib/createEmitter';
import { createNavigationFeed } from '../../../src/lib/createNavigationFeed';

import { startStats } from '../../../src/stats/startStats';
import { anyText, bsn, email, segment, writtenIban } from '../privacy/arbitraries';

/** The core's navigation feed, undone with the instance. */
const feed = (ctx: Context) => {
  const navigation = createNavigationFeed();
  ctx.onTeardown(navigation.stop);
  return navigation;
};

vi.mock('web-vitals/onFCP.js', () => ({ onFCP: () => {} }));
vi.mock('web-vitals/onLCP.js', () => ({ onLCP: () => {} }));
vi.mock('web-vitals/onCLS.js', () => ({ onCLS: () => {} }));
vi.mock('web-vitals/onINP.js', () => ({ onINP: () => {} }));
vi.mock('web-vitals/onTTFB.js', () => ({ onTTFB: () => {} }));

let sent: string[];
let teardowns: (() => void)[];

const startOnce = () => {
  const ctx: Context = {
    config: { endpoint: '/zv', queryAllowList: ['utm_*'], statisticsDefault: 'on' } as Config,
    consent: { isGranted: () => true, onChange: () => () => {} } as unknown as ConsentController,
    events: createEmitter<SdkEvents>(),
    jar: createSessionJar(false),
    onTeardown: (fn) => void teardowns.push(fn),
  };
  return startStats(ctx, feed(ctx));
};

/** Everything that left, raw and percent-decoded, lower-cased. */
const leaked = () => {
  const raw = sent.join('\n');
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    // Stray `%`: the raw text is checked anyway.
  }
  return `${raw}\n${decoded}`.toLowerCase();
};

const secret = fc.oneof(
  email,
  bsn,
  writtenIban.map(({ text }) => text),
);

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
  sent = [];
  teardowns = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      sent.push(String(init.body));
      return new Response(null, { status: 202 });
    }),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('beacon building (property)', () => {
  it('never sends a generated e-mail, BSN or IBAN, wherever the page puts it', async () => {
    await fc.assert(
      fc.asyncProperty(
        segment,
        secret,
        fc.constantFrom('path', 'query', 'referrer', 'name', 'prop', 'key'),
        async (before, pii, where) => {
          sent = [];
          sessionStorage.clear();
          history.replaceState(null, '', '/');
          const encoded = encodeURIComponent(pii);
          const path = where === 'path' ? `/${before || 'x'}/${encoded}` : `/${before || 'x'}`;
          const query = where === 'query' ? `?utm_term=${encoded}&q=${encoded}` : '';
          Object.defineProperty(document, 'referrer', {
            value: where === 'referrer' ? `${location.origin}/zoek/${encoded}` : '',
            configurable: true,
          });
          const stats = startOnce();
          history.pushState(null, '', path + query);
          if (where === 'name') stats.track(`klik ${pii}`);
          if (where === 'prop') stats.track('klik', { waarde: `mijn ${pii} hier` });
          if (where === 'key') stats.track('klik', { [pii]: 1 });
          await vi.runAllTimersAsync();
          teardowns.splice(0).forEach((teardown) => teardown());
          expect(sent.length).toBeGreaterThan(0);
          expect(leaked()).not.toContain(pii.toLowerCase());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on any event name or property the page passes', async () => {
    const stats = startOnce();
    fc.assert(
      fc.property(
        anyText,
        fc.dictionary(anyText, fc.oneof(anyText, fc.double(), fc.constant(undefined))),
        (name, props) => {
          if (!name.trim()) return;
          stats.track(name, props);
        },
      ),
      { numRuns: 300 },
    );
    await vi.runAllTimersAsync();
    for (const body of sent) expect(() => JSON.parse(body)).not.toThrow();
    teardowns.forEach((teardown) => teardown());
  });
});
