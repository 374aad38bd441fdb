import { PSEUDONYM_COOKIE } from '../config/defaultCategories';
import type { Context, Stats } from '../context/context';
import type { RightsActions, Shell, Ui } from '../context/parts';
import { createNavigationFeed } from '../lib/createNavigationFeed';
import { guarded } from '../lib/guarded';
import { randomId } from '../lib/randomId';
import { stashUnsentPage, takeUnsentPages, withdrawUnsentPage } from '../lib/unsentPages';
import { afterNextPaint, afterPaint, yieldToMain } from '../lib/yieldToMain';
import type { Parts } from './createParts';
import { listenForPreferenceLinks } from './listenForPreferenceLinks';

/** `track()` calls kept while the statistics part is on its way; a page that loops is cut off. */
const MAX_EARLY_EVENTS = 50;
/** The statistics queue's key in `sessionStorage` (`stats/createHitQueue`). */
const QUEUE_KEY = 'zv_queue';

export interface Deferred {
  /** The statistics once their part runs, else null. */
  stats(): Stats | null;
  /** Resolves to the statistics once their part runs, or null when they will not (now). */
  statsReady(): Promise<Stats | null>;
  track(name: string, props?: Record<string, unknown>): void;
  openPreferences(): void;
  /** The dialog's download and erase buttons (set once the API exists). */
  setRights(rights: RightsActions): void;
}

/**
 * Everything that may wait for the page: started in later tasks, each step after a yield, so no
 * task of the SDK is long. The UI part is fetched only while there is no decision (or when the
 * visitor opens the preferences); the statistics part after the banner has painted, in an idle
 * period, and only while statistics may run; the rights part where the page holds a cookie table.
 */
export const startDeferred = (
  ctx: Context,
  parts: Parts,
  options: {
    banner: boolean;
    /** Called when the visitor opens the preferences, before the dialog is there. */
    onPreferences?: () => void;
  },
): Deferred => {
  const { config, consent, jar } = ctx;
  let rights: RightsActions = { download() {}, erase: () => Promise.resolve(false) };
  const forwarded: RightsActions = {
    download: () => rights.download(),
    erase: () => rights.erase(),
  };
  let shell: Promise<Shell | null> | null = null;
  let ui: Promise<Ui | null> | null = null;
  let stats: Stats | null = null;
  let statsStarting: Promise<Stats | null> | null = null;
  let early: [string, Record<string, unknown> | undefined][] = [];
  let painted = false;
  // From the start, so navigations made before the statistics part arrives are counted.
  const navigation = createNavigationFeed();
  ctx.onTeardown(navigation.stop);

  const mayCount = () => !!config.endpoint && consent.isGranted('statistics');

  /** The shell, made once. Null where its part cannot load (then the warning has said so). */
  const loadShell = () =>
    (shell ||= options.banner
      ? parts.get('shell').then(
          (part) =>
            guarded('drawing the reopen control', () => part.createShell(ctx, openPreferences))() ??
            null,
          () => null,
        )
      : Promise.resolve(null));
  /** The UI part, mounted once in the shell. Null where either cannot load. */
  const loadUi = () =>
    (ui ||= Promise.all([loadShell(), parts.get('ui')]).then(
      ([made, part]) =>
        made
          ? (guarded('mounting the banner', () => part.mountUi(ctx, made, forwarded))() ?? null)
          : null,
      () => null,
    ));
  const openPreferences = () => {
    if (!options.banner) return;
    options.onPreferences?.();
    void loadUi().then(guarded('opening the preferences', (mounted) => mounted?.openPreferences()));
  };
  if (options.banner) ctx.onTeardown(listenForPreferenceLinks(openPreferences));

  const startStats = () =>
    (statsStarting ||= parts
      .get('stats')
      .then(
        guarded('starting the statistics', (part) => {
          stats = part.startStats(ctx, navigation);
          for (const [name, props] of early)
            guarded('a kept track() call', stats.track)(name, props);
          early = [];
          return stats;
        }),
        () => null,
      )
      .then((started) => started ?? null));
  const followStatistics = () => {
    if (mayCount()) {
      if (painted) void startStats();
      return;
    }
    early = [];
    takeUnsentPages();
    // Statistics not allowed and their part not running: what an earlier page left goes, so a
    // later consent never sends hits (or a pseudonym) from before.
    if (!stats) {
      jar.remove(PSEUDONYM_COOKIE);
      try {
        sessionStorage.removeItem(QUEUE_KEY);
      } catch {
        // Storage blocked: there is no queue in it either.
      }
    }
  };

  const run = async () => {
    // The task the script ran in holds the guarantees only: the parts are requested here.
    await yieldToMain();
    if (options.banner) {
      // A first visit's banner: both parts at once, each run in a task of its own as it arrives
      // (an inlined part is mounted here, after the yield). A decided visit's reopen control:
      // its part downloads now and is drawn as soon as the page has painted.
      if (!consent.get().decided) await loadUi();
      else {
        parts.get('shell').catch(() => undefined);
        afterNextPaint(() => void loadShell());
      }
    }
    await yieldToMain();
    // The cookie declaration, where the page asks for one, comes with the rights part.
    const tables = () => {
      if (document.querySelector('[data-zv-cookie-table]'))
        void parts.get('rights').then(
          (part) => part.mountCookieTables(config),
          () => undefined,
        );
    };
    if (document.readyState == 'loading')
      document.addEventListener('DOMContentLoaded', guarded('the cookie tables', tables), {
        once: true,
      });
    else tables();
    // The banner paints first; then the statistics part, in an idle period.
    const begin = guarded('starting the statistics', () => {
      painted = true;
      followStatistics();
    });
    if (parts.peek('stats')) begin();
    else afterPaint(begin);
  };
  // A visitor who leaves, or switches away, before the idle period: the part is fetched at once,
  // so a page that is only hidden (another tab, the back/forward cache) still counts its view;
  // and the page's views wait in the tab for the next page, which counts them if this one cannot.
  const pageId = randomId();
  const leaving = guarded('statistics on leaving', (event: Event) => {
    if (event.type == 'pagehide' && !stats && mayCount()) {
      stashUnsentPage({
        id: pageId,
        urls: [navigation.initial, ...navigation.seen()],
        referrer: document.referrer,
        time: new Date().toISOString(),
      });
    }
    if (painted || (event.type != 'pagehide' && document.visibilityState != 'hidden')) return;
    painted = true;
    followStatistics();
  });
  const restored = guarded('statistics on restore', (event: PageTransitionEvent) => {
    if (event.persisted) withdrawUnsentPage(pageId);
  });
  addEventListener('pageshow', restored);
  for (const type of ['visibilitychange', 'pagehide']) addEventListener(type, leaving);
  ctx.onTeardown(() => {
    removeEventListener('pageshow', restored);
    for (const type of ['visibilitychange', 'pagehide']) removeEventListener(type, leaving);
  });
  followStatistics();
  void run().catch(guarded('starting the SDK', (error: unknown) => console.error(error)));

  ctx.onTeardown(
    consent.onChange(
      guarded('following consent', (state) => {
        followStatistics();
        // forget() resets the record: the banner asks again.
        if (options.banner && !state.decided) void loadUi();
      }),
    ),
  );

  return {
    stats: () => stats,
    statsReady: () => (mayCount() ? startStats() : Promise.resolve(stats)),
    track(name, props) {
      if (typeof name !== 'string' || !name.trim()) {
        throw new Error('zorgvuldig track(): name must be a non-empty string');
      }
      if (stats) stats.track(name, props);
      else if (mayCount() && early.length < MAX_EARLY_EVENTS) early.push([name, props]);
    },
    openPreferences,
    setRights: (actions) => void (rights = actions),
  };
};
