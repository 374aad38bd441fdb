import { PSEUDONYM_COOKIE } from '../config/defaultCategories';
import type { Context, Stats } from '../context/context';
import type { NavigationFeed } from '../lib/createNavigationFeed';
import { randomId } from '../lib/randomId';
import { scrubProps } from '../privacy/scrubProps';
import { scrubText } from '../privacy/scrubText';
import { scrubUrl } from '../privacy/scrubUrl';
import type { Hit, HitTiming } from '../protocol/types';
import { collectVitals } from './collectVitals';
import { createBeaconSender } from './createBeaconSender';
import { createHitQueue } from './createHitQueue';
import { createTransparencyLog } from '../lib/createTransparencyLog';
import { readNavigation } from './readNavigation';
import { readOrigin } from './readOrigin';
import { readVisitor } from './readVisitor';
import { toPath } from './toPath';
import { guarded } from '../lib/guarded';
import { takeUnsentPages } from '../lib/unsentPages';

/**
 * 128 random bits in base64url, then `.` and its creation time (ms, base 36), so its age can be
 * told in every tab. Anything else in the cookie is foreign and replaced.
 */
const PSEUDONYM = /^([\w-]{22})\.([0-9a-z]{1,11})$/;
/** How far ahead of this clock a pseudonym may be dated and still count as made now. */
const CLOCK_SKEW = 5 * 60_000;
/** Characters of a URL kept after scrubbing: a 100 KB URL must not make a 100 KB beacon. */
const MAX_URL = 1024;
/** Characters of an event name. */
const MAX_NAME = 64;

const now = () => new Date().toISOString();

/**
 * Page views (load, SPA navigation, back/forward-cache restore), web-vitals and custom events,
 * sent to `{endpoint}/collect` under a random session pseudonym, only while the visitor allows
 * statistics. Never listens to `unload`: that would keep the page out of the bfcache.
 */
export const startStats = (ctx: Context, navigation: NavigationFeed): Stats => {
  const { config, consent, events, jar } = ctx;
  const allowParams = config.queryAllowList;
  const scrub = (href: string) => scrubUrl(href, { allowParams })?.slice(0, MAX_URL) || null;
  const log = createTransparencyLog();
  let sid: string | null = null;
  let active = false;
  let takeVitals: (() => HitTiming | undefined) | undefined;
  let visitor: Pick<Hit, 'lang'> | undefined;

  /** Whether the jar keeps the pseudonym cookie; `false` where cookies are blocked. */
  let kept = true;
  let born = 0;
  // A browser that restores its session keeps session cookies for days: the age, not the
  // session, bounds how long one pseudonym links visits.
  const young = (time: number) => {
    const age = Date.now() - time;
    return age >= -CLOCK_SKEW && age <= config.pseudonymMaxAge;
  };
  const pseudonym = (): string | null => {
    if (!active) return null;
    const [, id, time] = PSEUDONYM.exec(jar.get(PSEUDONYM_COOKIE) ?? '') ?? [];
    if (id && young(parseInt(time, 36))) {
      born = parseInt(time, 36);
      return (sid = id);
    }
    // No cookie although the jar works: forget() in another tab, or the visitor cleared it; or
    // too old. Start afresh rather than bring the old pseudonym back. Where cookies are blocked,
    // the pseudonym lives in memory for this page, and ages there.
    if (!sid || kept || !young(born)) {
      sid = randomId();
      born = Date.now();
      kept = jar.set(PSEUDONYM_COOKIE, `${sid}.${born.toString(36)}`);
    }
    return sid;
  };

  const sender = createBeaconSender({
    url: `${config.endpoint}/collect`,
    queue: createHitQueue(),
    sid: pseudonym,
    onSent(json) {
      // Two copies: a listener that changes its body cannot change the visitor's record.
      log.add(JSON.parse(json));
      events.emit('beacon', JSON.parse(json));
    },
  });

  // The URL the page loaded with: a single-page app may have moved on before this part arrived.
  let url = scrub(navigation.initial);
  let from = readOrigin(document.referrer, location.origin, allowParams);
  /** The current URL has had its page view. */
  let counted = false;
  /** The current view is the document's own navigation, with status, bytes and timing. */
  let hard = true;
  /** That first page view waits for the load event, when bytes and load time are known. */
  let held: Hit | null = null;

  const release = () => {
    if (held) sender.push({ ...held, ...readNavigation() });
    held = null;
  };
  // Anything later must not overtake the held page view.
  const push = (hit: Hit) => {
    release();
    sender.push(hit);
  };

  const pageview = (time: string, href: string, origin: Pick<Hit, 'ref' | 'prev'>): Hit => ({
    type: 'pageview',
    time,
    url: href,
    ...origin,
    ...(visitor ||= readVisitor()),
  });

  const view = () => {
    if (!active || counted || !url) return;
    counted = true;
    const hit = pageview(now(), url, from);
    if (!hard) return push(hit);
    held = hit;
    if (document.readyState === 'complete') release();
  };

  const navigate = (href = location.href) => {
    const next = scrub(href);
    // replaceState for a fragment or a dropped parameter is not a new page.
    if (!next || next === url) return;
    from = url ? { prev: toPath(url) } : {};
    url = next;
    counted = hard = false;
    view();
  };

  const restore = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    url = scrub(location.href);
    from = {};
    counted = hard = false;
    view();
  };

  const hide = (event: Event) => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
    const timing = active && takeVitals?.();
    if (timing && url) push({ type: 'vitals', time: now(), url, timing });
    release();
    sender.flush(true);
  };

  const stop = () => {
    jar.remove(PSEUDONYM_COOKIE);
    sid = null;
    sender.clear();
    if (held) counted = false;
    held = null;
  };

  const update = () => {
    const allowed = !!config.endpoint && consent.isGranted('statistics');
    if (allowed === active) return;
    active = allowed;
    if (!allowed) return stop();
    // web-vitals observes with `buffered: true`, so starting it in a later task loses nothing and
    // keeps its set-up out of the page's first long task.
    setTimeout(guarded('starting web-vitals', () => (takeVitals ||= collectVitals())));
    view();
  };

  const unsubscribe = consent.onChange(update);
  const unwatch = navigation.on(() => navigate());
  // visibilitychange on window, bubbling: after web-vitals' capture listener reported CLS/INP.
  const listeners: [string, (event: never) => void][] = [
    ['pageshow', restore],
    ['pagehide', hide],
    ['visibilitychange', hide],
    ['load', () => setTimeout(guarded('statistics on load', release))],
  ];
  for (const entry of listeners) entry[1] = guarded(`statistics on ${entry[0]}`, entry[1]);
  for (const [type, listener] of listeners) addEventListener(type, listener as EventListener);
  ctx.onTeardown(() => {
    unsubscribe();
    unwatch();
    for (const [type, listener] of listeners) removeEventListener(type, listener as EventListener);
  });
  // Pages of this tab left before the part arrived come first, scrubbed now; the sender holds
  // them until a pseudonym is allowed, and drops them if statistics are not.
  for (const page of takeUnsentPages()) {
    let last: string | null = null;
    for (const href of page.urls) {
      const next = scrub(href);
      if (!next || next === last) continue;
      const origin = last
        ? { prev: toPath(last) }
        : readOrigin(page.referrer, location.origin, allowParams);
      sender.push(pageview(page.time, (last = next), origin));
    }
  }
  update();
  // Then the navigations made before this part arrived, each a page view of its own.
  for (const href of navigation.take()) navigate(href);
  // Statistics not allowed now: a pseudonym or queue left from an earlier page goes.
  if (!active) stop();

  return {
    track(name, props) {
      if (typeof name !== 'string' || !name.trim()) {
        throw new Error('zorgvuldig track(): name must be a non-empty string');
      }
      if (!active || !url) return;
      const hit: Hit = {
        type: 'event',
        time: now(),
        url,
        name: scrubText(name.trim().slice(0, 16 * MAX_NAME)).slice(0, MAX_NAME),
      };
      const scrubbed = props === undefined ? undefined : scrubProps(props);
      if (scrubbed && Object.keys(scrubbed).length) hit.props = scrubbed;
      push(hit);
    },
    pseudonym,
    sent: log.all,
    forget() {
      stop();
      log.clear();
    },
  };
};
