import { hostOf } from '../lib/hostOf';
import { matchHost } from '../lib/matchHost';
import { guarded } from '../lib/guarded';

/**
 * Finds `<script src>` tags to `hosts` written in the HTML, once it is parsed. No script can stop
 * their request (the preload scanner sends it before any script runs), so each one is reported
 * with the fix; while it is not granted, the guard still stops what it sends. Scripts whose `src`
 * a script set (the SDK's own gtag.js, a GTM snippet's gtm.js) are not raw tags: the network
 * guard records those in `scripted`.
 */
export const watchRawTags = (hosts: string[], scripted: WeakSet<object>): string[] => {
  const found: string[] = [];
  const scan = () =>
    document.querySelectorAll<HTMLScriptElement>('script[src]').forEach((script) => {
      const { src } = script;
      if (
        !scripted.has(script) &&
        script.type != 'text/plain' &&
        hosts.some((pattern) => matchHost(hostOf(src), pattern))
      ) {
        found.push(src);
        console.warn(
          `zorgvuldig: <script src="${src}"> in the HTML is fetched before consent. Fix: ` +
            '<script type="text/plain" data-zv-category="googleAnalytics" data-src="…">',
        );
      }
    });
  if (document.readyState == 'loading')
    document.addEventListener('DOMContentLoaded', guarded('the raw-tag check', scan));
  else scan();
  return found;
};
