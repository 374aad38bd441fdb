import type { ExportedData, ZorgvuldigApi } from '../api/types';
import { runAudit } from '../audit/runAudit';
import { resolveConfig } from '../config/resolveConfig';
import { createConsent } from '../consent/createConsent';
import { watchConsent } from '../consent/watchConsent';
import { startReceipts } from '../rights/startReceipts';
import { allChoices } from '../consent/allChoices';
import { createSessionJar } from '../cookies/createSessionJar';
import { startSweeper } from '../cookies/startSweeper';
import { startScriptGate } from '../gating/startScriptGate';
import { startGoogle } from '../google/startGoogle';
import { startGuard } from '../guard/startGuard';
import { createEmitter } from '../lib/createEmitter';
import { downloadJson } from '../rights/downloadJson';
import { forgetEverything } from '../rights/forgetEverything';
import { startStats } from '../stats/startStats';
import { mountCookieTables } from '../declaration/mountCookieTables';
import { mountUi } from '../ui/mountUi';
import { renderCookieTable } from '../declaration/renderCookieTable';
import { VERSION } from '../version';
import type { Context, SdkEvents } from '../context/context';

const EVENTS: (keyof SdkEvents)[] = ['consent', 'beacon', 'blocked'];

/** Builds one SDK instance: config, consent, then every feature, each wired through `ctx`. */
export const createInstance = (options?: unknown): ZorgvuldigApi => {
  const { config, problems } = resolveConfig(options);
  if (problems.length) {
    console.error(
      `zorgvuldig: invalid configuration; safe defaults are used instead for: ${problems
        .map(({ field, problem }) => `${field} (${problem})`)
        .join('; ')}`,
    );
  }
  const teardowns: (() => void)[] = [];
  const jar = createSessionJar();
  const events = createEmitter<SdkEvents>();
  const ctx: Context = {
    config,
    consent: createConsent(config, jar),
    events,
    jar,
    onTeardown: (fn) => void teardowns.push(fn),
  };
  const { consent } = ctx;

  // Every event is also a DOM event, for sites that wire things up without the API object.
  for (const name of EVENTS) {
    events.on(name, (detail) =>
      window.dispatchEvent(new CustomEvent(`zorgvuldig:${name}`, { detail })),
    );
  }
  consent.onChange((state) => events.emit('consent', state));

  // Order matters: the guard first, so nothing a later feature (or a revived tag) starts can
  // reach a blocked host; Google's consent defaults before any gtag command; statistics before
  // receipts, so a receipt carries the pseudonym that consent just allowed; the UI last.
  watchConsent(ctx);
  const guard = startGuard(ctx);
  const sweep = startSweeper(ctx);
  const google = startGoogle(ctx, guard.scripted);
  startScriptGate(ctx);
  const stats = startStats(ctx);
  const receipts = startReceipts(ctx, stats.pseudonym);

  const exportData = (): ExportedData => {
    const cookies: Record<string, string> = {};
    for (const name of jar.written()) {
      const value = jar.get(name);
      if (value !== undefined) cookies[name] = value;
    }
    return {
      v: 1,
      exportedAt: new Date().toISOString(),
      consent: consent.get(),
      pseudonym: stats.pseudonym(),
      cookies,
      beacons: stats.sent(),
      receipts: receipts.all(),
    };
  };
  const forget = () => forgetEverything({ config, consent, jar, stats, receipts, sweep });

  const ui = config.banner
    ? mountUi(ctx, {
        download: () => downloadJson(exportData(), 'mijn-gegevens.json'),
        erase: forget,
      })
    : null;
  mountCookieTables(config);

  return {
    version: VERSION,
    getConsent: consent.get,
    setConsent(choices) {
      if (typeof choices !== 'object' || choices === null || Array.isArray(choices)) {
        throw new Error(
          'zorgvuldig setConsent(): expected an object such as { statistics: false }',
        );
      }
      return consent.set(choices, 'api');
    },
    acceptAll: () => consent.set(allChoices(config, true), 'accept-all'),
    rejectAll: () => consent.set(allChoices(config, false), 'reject-all'),
    withdraw: () => consent.set(allChoices(config, false), 'withdraw'),
    showPreferences: () => ui?.openPreferences(),
    exportData,
    forget,
    track: stats.track,
    audit: () =>
      runAudit({
        config,
        consent: consent.get(),
        blocked: guard.blocked(),
        contactedHosts: guard.contacted(),
        rawGoogleTags: google.rawTags(),
      }),
    renderCookieTable: (lang) => renderCookieTable(config, lang),
    on: (event, listener) => events.on(event, listener),
  };
};
