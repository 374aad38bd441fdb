// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ZorgvuldigOptions } from '../../../src/config/options';
import { resolveConfig } from '../../../src/config/resolveConfig';
import { createConsent } from '../../../src/consent/createConsent';
import type { Context, SdkEvents, Stats } from '../../../src/context/context';
import type { PartModules, PartName } from '../../../src/context/parts';
import { createSessionJar } from '../../../src/cookies/createSessionJar';
import { createParts } from '../../../src/core/createParts';
import { startDeferred } from '../../../src/core/startDeferred';
import { createEmitter } from '../../../src/lib/createEmitter';
import { createShell } from '../../../src/ui/createShell';

/** Long enough for the yields, a frame and the idle callback. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

let teardowns: (() => void)[];
beforeEach(() => {
  teardowns = [];
  document.cookie
    .split('; ')
    .forEach((c) => (document.cookie = `${c.split('=')[0]}=; max-age=0; path=/`));
  sessionStorage.clear();
  document.body.replaceChildren();
});
afterEach(() => {
  teardowns.splice(0).forEach((fn) => fn());
  vi.restoreAllMocks();
});

interface Setup {
  options?: ZorgvuldigOptions;
  decided?: boolean;
  failing?: PartName[];
}

const setup = ({ options = {}, decided = false, failing = [] }: Setup = {}) => {
  const { config } = resolveConfig({ endpoint: '/zv', ...options });
  const jar = createSessionJar(false);
  const ctx: Context = {
    config,
    consent: createConsent(config, jar),
    events: createEmitter<SdkEvents>(),
    jar,
    onTeardown: (fn) => void teardowns.push(fn),
  };
  if (decided) ctx.consent.set({ statistics: true, googleAnalytics: false }, 'api');
  const openPreferences = vi.fn();
  const stats = { track: vi.fn(), pseudonym: () => null, sent: () => [], forget() {} } as Stats;
  const modules = {
    shell: { createShell },
    ui: { mountUi: vi.fn(() => ({ openPreferences })) },
    stats: { startStats: vi.fn(() => stats), scrubUrl: () => null, scrubReferrer: () => null },
    rights: { mountCookieTables: vi.fn() },
  } as unknown as PartModules;
  const requested: PartName[] = [];
  const parts = createParts(((name: PartName) => {
    requested.push(name);
    return failing.includes(name)
      ? Promise.reject(new Error(`${name} 404`))
      : Promise.resolve(modules[name]);
  }) as never);
  const deferred = startDeferred(ctx, parts, { banner: true });
  return { ctx, deferred, requested, modules, openPreferences, stats };
};

describe('startDeferred', () => {
  it('a first visit: the shell and UI parts requested right after the core task, statistics only after the paint', async () => {
    const { requested, modules } = setup();
    // Nothing in the core's own task: the parts are requested after its first yield.
    expect(requested).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve));
    expect(requested).toEqual(['shell', 'ui']);
    expect(requested).not.toContain('stats');
    await settle();
    expect(requested).toEqual(['shell', 'ui', 'stats']);
    expect(modules.ui.mountUi).toHaveBeenCalledTimes(1);
    expect(modules.stats.startStats).toHaveBeenCalledTimes(1);
  });

  it('a decided visitor: the reopen control after the paint, no UI part until the preferences are opened, then it opens once', async () => {
    const { requested, deferred, openPreferences } = setup({ decided: true });
    await new Promise((resolve) => setTimeout(resolve));
    expect(requested).toEqual(['shell']);
    expect(document.querySelector('#zorgvuldig-ui')).toBeNull();
    await settle();
    expect(requested).toEqual(['shell', 'stats']);
    const reopen = document.querySelector('#zorgvuldig-ui')!.shadowRoot!.querySelector('button')!;
    expect(reopen.hidden).toBe(false);
    reopen.click();
    deferred.openPreferences();
    await settle();
    expect(requested.filter((name) => name === 'ui')).toHaveLength(1);
    expect(openPreferences).toHaveBeenCalledTimes(2);
  });

  it('statistics not allowed: the part is never requested and what an earlier page left goes', async () => {
    sessionStorage.setItem('zv_queue', JSON.stringify({ hits: [{ url: '/geheim' }], dropped: 0 }));
    document.cookie = 'zv_id=abcdefghijklmnopqrstuv.1; path=/';
    const { requested, deferred, stats } = setup({ options: { statisticsDefault: 'off' } });
    deferred.track('klik');
    await settle();
    expect(requested).toEqual(['shell', 'ui']);
    expect(sessionStorage.getItem('zv_queue')).toBeNull();
    expect(document.cookie).not.toContain('zv_id');
    expect(stats.track).not.toHaveBeenCalled();
  });

  it('keeps track() calls made before the statistics part runs and replays them in order', async () => {
    const { deferred, stats } = setup({ decided: true });
    deferred.track('eerste', { stap: 1 });
    deferred.track('tweede');
    expect(() => deferred.track('  ')).toThrow(
      'zorgvuldig track(): name must be a non-empty string',
    );
    expect(stats.track).not.toHaveBeenCalled();
    await settle();
    expect(vi.mocked(stats.track).mock.calls).toEqual([
      ['eerste', { stap: 1 }],
      ['tweede', undefined],
    ]);
  });

  it('a page left before the statistics part ran keeps its views, raw, for the next page only', async () => {
    history.replaceState(null, '', '/eerste');
    const { requested } = setup({ decided: true });
    history.pushState(null, '', '/tweede');
    dispatchEvent(new Event('pagehide'));
    const [page] = JSON.parse(sessionStorage.getItem('zv_unsent')!);
    expect(page.urls).toEqual([`${location.origin}/eerste`, `${location.origin}/tweede`]);
    // Left: the part is fetched at once, in case the page is only hidden.
    expect(requested).toContain('stats');
    // Restored from the back/forward cache, the page counts itself: its entry goes.
    // happy-dom's PageTransitionEvent ignores `persisted`.
    dispatchEvent(Object.defineProperty(new Event('pageshow'), 'persisted', { value: true }));
    expect(sessionStorage.getItem('zv_unsent')).toBeNull();
  });

  it('keeps nothing of a page left while statistics are not allowed', async () => {
    setup({ options: { statisticsDefault: 'off' } });
    dispatchEvent(new Event('pagehide'));
    expect(sessionStorage.getItem('zv_unsent')).toBeNull();
  });

  it('a part that throws while starting is reported, never thrown or left unhandled', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { deferred, modules } = setup();
    vi.mocked(modules.ui.mountUi).mockImplementation(() => {
      throw new Error('banner bug');
    });
    vi.mocked(modules.stats.startStats).mockImplementation(() => {
      throw new Error('statistics bug');
    });
    deferred.openPreferences();
    await settle();
    const reported = error.mock.calls.map((call) => String(call[0]));
    expect(reported).toEqual([
      'zorgvuldig: mounting the banner failed; the page is not affected',
      'zorgvuldig: starting the statistics failed; the page is not affected',
    ]);
  });

  it('a UI part that cannot load: one warning, no error, consent still works', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { ctx, deferred } = setup({ failing: ['ui'] });
    await settle();
    expect(() => deferred.openPreferences()).not.toThrow();
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('part "ui" could not load');
    expect(ctx.consent.set({ statistics: false }, 'api').choices.statistics).toBe(false);
  });
});
