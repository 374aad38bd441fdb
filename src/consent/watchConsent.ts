import type { Context } from '../core/context';

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
  try {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
  } catch {
    // An opaque origin (sandboxed frame) refuses the channel: the view events still refresh.
  }
  if (channel) channel.onmessage = refresh;
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
  const events = ['pageshow', 'visibilitychange', 'focus'] as const;
  for (const name of events) window.addEventListener(name, refresh, true);
  document.addEventListener('visibilitychange', refresh, true);
  onTeardown(() => {
    stop();
    channel?.close();
    for (const name of events) window.removeEventListener(name, refresh, true);
    document.removeEventListener('visibilitychange', refresh, true);
  });
};
