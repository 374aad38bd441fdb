import type { Context } from '../context/context';

const CHANNEL = 'zorgvuldig-consent';

/**
 * Keeps this tab's consent in step with the browser session: a choice made in another tab, or
 * while this page sat in the back/forward cache, is read again before this page acts on it.
 * Other tabs hear of a change on a BroadcastChannel where present; every tab also re-reads the
 * record when it comes back into view (`visibilitychange`, `focus`, `pageshow`).
 */
export const watchConsent = ({ consent, onTeardown }: Context): void => {
  const refresh = () => consent.refresh();
  let channel: BroadcastChannel | undefined;
  const open = () => {
    if (channel || typeof BroadcastChannel !== 'function') return;
    try {
      channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = refresh;
    } catch {
      // An opaque origin (sandboxed frame) refuses the channel: the view events still refresh.
    }
  };
  // Closed while the page is hidden away, so an open channel never keeps it out of the
  // back/forward cache (or gets it evicted by a message); `pageshow` opens it again.
  const close = () => {
    channel?.close();
    channel = undefined;
  };
  const show = () => {
    open();
    refresh();
  };
  open();
  // Only a change this tab made is news to the others; theirs refresh to the same record.
  const stop = consent.onChange(() => {
    try {
      channel?.postMessage(1);
    } catch {
      // A closed channel: the other tabs still re-read on their next request.
    }
  });
  // Capture, registered before every other feature: a page restored from the back/forward cache
  // applies the current record before its own `pageshow` handlers run.
  const listeners: [EventTarget, string, () => void][] = [
    [window, 'pageshow', show],
    [window, 'pagehide', close],
    [window, 'focus', refresh],
    [document, 'visibilitychange', refresh],
  ];
  for (const [target, name, fn] of listeners) target.addEventListener(name, fn, true);
  onTeardown(() => {
    stop();
    close();
    for (const [target, name, fn] of listeners) target.removeEventListener(name, fn, true);
  });
};
