import type { ZorgvuldigApi } from '../api/types';
import type { Config } from '../config/config';
import { resolveConfig } from '../config/resolveConfig';
import { allChoices } from '../consent/allChoices';
import { createConsent } from '../consent/createConsent';
import { watchConsent } from '../consent/watchConsent';
import type { Context, SdkEvents } from '../context/context';
import type { PartLoader, PartModules, StatsPart } from '../context/parts';
import { createSessionJar } from '../cookies/createSessionJar';
import { startSweeper } from '../cookies/startSweeper';
import { startScriptGate } from '../gating/startScriptGate';
import { startGoogle } from '../google/startGoogle';
import { startGuard } from '../guard/startGuard';
import { createEmitter } from '../lib/createEmitter';
import { guarded } from '../lib/guarded';
import { isRecord } from '../lib/isRecord';
import { yieldToMain } from '../lib/yieldToMain';
import { VERSION } from '../version';
import { coreAudit } from './coreAudit';
import { createParts } from './createParts';
import { deferReceipts } from './deferReceipts';
import { startDeferred } from './startDeferred';

const EVENTS: (keyof SdkEvents)[] = ['consent', 'beacon', 'blocked'];

/** How an entry provides the parts: fetched (`load`), or already bundled (`inlined`). */
export interface PartSource {
  load(config: Config): PartLoader;
  inlined?: PartModules;
}

/** A rejection that names the method whose part could not load. */
const missing = (method: string, part: string) => () => {
  throw new Error(`zorgvuldig ${method}(): the "${part}" part could not load`);
};

/**
 * Builds one SDK instance. What must hold before any other script runs happens here, in this
 * task: the configuration, the consent record, the network guard, the sweeper, Google's consent
 * defaults and gate, the script gate, consent receipts and the API. The rest (the banner, the
 * statistics, the cookie tables) starts in later tasks (`startDeferred`), from parts.
 */
export const createInstance = (options: unknown, source: PartSource): ZorgvuldigApi => {
  const { config, problems } = resolveConfig(options);
  if (problems.length) {
    // The script-tag core carries no reasons (`EXPLAINED`): it says where to find them.
    const where = problems[0]!.problem ? '' : ' (the npm build and zorgvuldig.full.min.js say why)';
    const fields = problems.map(({ field, problem }) =>
      problem ? `${field} (${problem})` : field,
    );
    console.error(
      `zorgvuldig: invalid configuration; safe defaults are used instead for: ${fields.join('; ')}${where}`,
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
  const parts = createParts(source.load(config), source.inlined);

  // Every event is also a DOM event, for sites that wire things up without the API object.
  for (const name of EVENTS) {
    events.on(name, (detail) =>
      window.dispatchEvent(new CustomEvent(`zorgvuldig:${name}`, { detail })),
    );
  }
  consent.onChange((state) => events.emit('consent', state));

  // Order matters: the guard first, so nothing a later feature (or a revived tag) starts can
  // reach a blocked host; Google's consent defaults before any gtag command.
  watchConsent(ctx);
  const guard = startGuard(ctx);
  const sweep = startSweeper(ctx);
  // gtag.js gets a scrubbed page_location: its loader comes with the statistics part, beside the
  // scrubber. Inlined, it is there in this task; fetched, gtag.js waits for it, and is not loaded
  // if it fails. The part is requested after a yield, like every part, so this task holds the
  // guarantees only.
  const gtagLoader = (): StatsPart | Promise<StatsPart> =>
    parts.peek('stats') ?? yieldToMain().then(() => parts.get('stats'));
  const google = startGoogle(ctx, guard.scripted, gtagLoader);
  startScriptGate(ctx);
  const deferred = startDeferred(ctx, parts, {
    banner: config.banner,
    // The choice about to be made gets its receipt without waiting for the part's download.
    onPreferences: () => void receipts.ready(),
  });
  // A receipt carries the pseudonym consent just allowed: it waits for the statistics part then.
  const receipts = deferReceipts(ctx, parts, () =>
    deferred.statsReady().then((stats) => stats?.pseudonym() ?? null),
  );

  const rightsSources = () => ({ config, consent, jar, stats: deferred.stats(), receipts, sweep });
  const withRights = <T>(
    method: string,
    use: (rights: PartModules['rights']) => T | Promise<T>,
  ): Promise<T> =>
    // The receipts part first (it never rejects), so the rights see every receipt of the tab.
    receipts.ready().then(() => parts.get('rights').then(use, missing(method, 'rights')));
  deferred.setRights({
    // Guarded: a failed part is reported on the console, never thrown at the dialog's button.
    download: () =>
      void guarded('the download', () =>
        withRights('exportData', (rights) =>
          rights.downloadJson(rights.exportData(rightsSources()), 'mijn-gegevens.json'),
        ),
      )(),
    erase: () => withRights('forget', (rights) => rights.forgetEverything(rightsSources())),
  });

  const auditSources = () => ({
    config,
    consent: consent.get(),
    blocked: guard.blocked(),
    contactedHosts: guard.contacted(),
    rawGoogleTags: google.rawTags(),
    parts: parts.status(),
  });

  return {
    version: VERSION,
    getConsent: consent.get,
    setConsent(choices) {
      if (!isRecord(choices)) {
        throw new Error(
          'zorgvuldig setConsent(): expected an object such as { statistics: false }',
        );
      }
      return consent.set(choices, 'api');
    },
    acceptAll: () => consent.set(allChoices(config, true), 'accept-all'),
    rejectAll: () => consent.set(allChoices(config, false), 'reject-all'),
    withdraw: () => consent.set(allChoices(config, false), 'withdraw'),
    showPreferences: deferred.openPreferences,
    exportData: () => withRights('exportData', (rights) => rights.exportData(rightsSources())),
    forget: () => withRights('forget', (rights) => rights.forgetEverything(rightsSources())),
    track: deferred.track,
    // The audit reports a part that failed; when the rights part itself fails, the core reports.
    audit: () =>
      parts.get('rights').then(
        (rights) => rights.runAudit(auditSources()),
        () => coreAudit(auditSources()),
      ),
    renderCookieTable: (lang) =>
      withRights('renderCookieTable', (rights) => rights.renderCookieTable(config, lang)),
    on: (event, listener) => events.on(event, listener),
  };
};
