import type { BlockedRequest, Context } from '../context/context';
import { contactedHosts } from '../lib/contactedHosts';
import { matchesCookiePattern } from '../cookies/matchesCookiePattern';
import { installPatches, type Mechanism } from './installPatches';
import { matchHost } from '../lib/matchHost';
import { registerServiceWorker } from './registerServiceWorker';

/** What the guard tells the audit. */
export interface Guard {
  /** Requests stopped on this page, oldest first (at most the last 100). */
  blocked(): BlockedRequest[];
  /** Hosts the page has contacted, from resource timing. */
  contacted(): string[];
  /** Elements whose `src` a script set; the others with a `src` came from the HTML parser. */
  scripted: WeakSet<object>;
}

/** Enough for an audit; a page that loops on a blocked beacon must not grow memory. */
const KEEP = 100;

/**
 * Blocks every request to the hosts of a category without consent, before it starts, and
 * re-arms itself on withdrawal (it reads consent at each request). Stopped scripts and iframes
 * are made once, when their category is granted.
 */
export const startGuard = (ctx: Context): Guard => {
  const { config, consent, events } = ctx;
  const blocked: BlockedRequest[] = [];
  let pending: [category: string, replay: () => void][] = [];
  // The cookie as it is now, not this page's copy: another tab or a page restored from the
  // back/forward cache may have withdrawn since.
  const denied = () => {
    consent.refresh();
    return config.categories.filter(({ key }) => !consent.isGranted(key));
  };

  const record = (request: BlockedRequest) => {
    if (blocked.push(request) > KEEP) blocked.shift();
    events.emit('blocked', request);
  };

  const hook = installPatches();
  hook.block = (value: unknown, mechanism: Mechanism, replay?: false | (() => void)) => {
    try {
      const url = new URL(String(value), document.baseURI);
      const host = url.hostname;
      const category = denied().find(({ hosts }) =>
        hosts.some((pattern) => matchHost(host, pattern)),
      );
      if (!category) return false;
      if (replay) pending.push([category.key, replay]);
      record({
        host,
        // Origin and path only: the query of a hit (`dl`, `cid`…) is where personal data sits.
        url: url.origin + url.pathname,
        mechanism,
        category: category.key,
        time: new Date().toISOString(),
      });
      return true;
    } catch {
      // Not a URL the browser could fetch either: let the page's call fail its own way.
      return false;
    }
  };
  // A cookie with a value is refused while its category is denied, so an already loaded gtag.js
  // cannot re-create what the sweeper removed. Empty values pass: that is how cookies are deleted.
  hook.cookie = (cookie) => {
    const [, name, value] = /^\s*([^=;]*?)\s*=\s*([^;]*)/.exec(cookie) || [];
    return (
      !!value &&
      denied().some(({ cookies }) =>
        cookies.some((declared) => matchesCookiePattern(name, declared.name)),
      )
    );
  };

  // Each stopped script or iframe is made once, when its category is granted.
  const replay = () => {
    pending = pending.filter(([category, run]) => {
      if (!consent.isGranted(category)) return true;
      try {
        run();
      } catch {
        // The page's element refuses its value now: nothing to make then.
      }
    });
  };
  const stop = consent.onChange(replay);
  ctx.onTeardown(() => {
    stop();
    hook.block = hook.cookie = () => false;
  });
  if (config.serviceWorker) registerServiceWorker(ctx, config.serviceWorker);

  return { blocked: () => blocked.slice(), contacted: contactedHosts, scripted: hook.scripted };
};
