import type { ExportedData, ZorgvuldigApi } from '../api/types';
import { runAudit } from '../audit/runAudit';
import { resolveConfig } from '../config/resolveConfig';
import { createConsent } from '../consent/createConsent';
import type { Choices } from '../consent/types';
import { createSessionJar } from '../cookies/createSessionJar';
import { startSweeper } from '../cookies/startSweeper';
import { startScriptGate } from '../gating/startScriptGate';
import { startGoogle } from '../google/startGoogle';
import { startGuard } from '../guard/startGuard';
import { createEmitter } from '../lib/createEmitter';
import { startStats } from '../stats/startStats';
import { mountUi } from '../ui/mountUi';
import { VERSION } from '../version';
import type { Context, SdkEvents } from './context';

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

  // Every event is also a DOM event, for sites that wire things up without the API object.
  for (const name of EVENTS) {
    events.on(name, (detail) =>
      window.dispatchEvent(new CustomEvent(`zorgvuldig:${name}`, { detail })),
    );
  }
  ctx.consent.onChange((state) => events.emit('consent', state));

  // Order matters: the guard first, so nothing a later feature (or a revived tag) starts can
  // reach a blocked host; Google's consent defaults before any gtag command; the UI last.
  const guard = startGuard(ctx);
  const sweep = startSweeper(ctx);
  const google = startGoogle(ctx);
  startScriptGate(ctx);
  const stats = startStats(ctx);
  const ui = config.banner ? mountUi(ctx) : null;

  const { consent } = ctx;
  const all = (granted: boolean): Choices =>
    Object.fromEntries(config.categories.map(({ key }) => [key, granted]));

  const api: ZorgvuldigApi = {
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
    acceptAll: () => consent.set(all(true), 'accept-all'),
    rejectAll: () => consent.set(all(false), 'reject-all'),
    withdraw: () => consent.set(all(false), 'withdraw'),
    showPreferences: () => ui?.openPreferences(),
    exportData(): ExportedData {
      const written: Record<string, string> = {};
      for (const name of jar.written()) {
        const value = jar.get(name);
        if (value !== undefined) written[name] = value;
      }
      return {
        v: 1,
        exportedAt: new Date().toISOString(),
        consent: consent.get(),
        pseudonym: stats.pseudonym(),
        cookies: written,
        beacons: stats.sent(),
      };
    },
    async forget() {
      consent.reset();
      stats.forget();
      for (const name of jar.written()) jar.remove(name);
      sweep();
    },
    track: stats.track,
    audit: () =>
      runAudit({
        config,
        consent: consent.get(),
        blocked: guard.blocked(),
        contactedHosts: guard.contacted(),
        rawGoogleTags: google.rawTags(),
      }),
    on: (event, listener) => events.on(event, listener),
  };
  return api;
};
