import type { Context } from '../context/context';
import { trustedScriptUrl } from '../lib/trustedScriptUrl';
import { guarded } from '../lib/guarded';

const SELECTOR = 'script[type="text/plain"][data-zv-category]';
const GATE_ATTRIBUTES = ['type', 'data-zv-category', 'data-src', 'data-type'];

/**
 * Revives `<script type="text/plain" data-zv-category="X">` once X is granted: a new, live script
 * element replaces the inert one (changing `type` on the old one would not run it). `data-src`
 * becomes `src`, `data-type` becomes `type` (e.g. `module`). Each tag runs once per page.
 */
export const startScriptGate = (ctx: Context): void => {
  const revive = guarded('the script gate', () => {
    document.querySelectorAll<HTMLScriptElement>(SELECTOR).forEach((inert) => {
      const category = inert.getAttribute('data-zv-category') ?? '';
      if (!ctx.consent.isGranted(category)) return;
      const live = document.createElement('script');
      for (const { name, value } of Array.from(inert.attributes)) {
        if (!GATE_ATTRIBUTES.includes(name)) live.setAttribute(name, value);
      }
      // Under a nonce CSP the browser hides the `nonce` attribute (it reads as ""), so the copy
      // above carries no nonce: the property still holds it, and without it the CSP blocks the script.
      if (inert.nonce) live.nonce = inert.nonce;
      const type = inert.getAttribute('data-type');
      if (type) live.type = type;
      const src = inert.getAttribute('data-src');
      try {
        // Under Trusted Types a plain string is refused for `src`: the site wrote this URL in its
        // own HTML, so the SDK's policy vouches for it.
        if (src) live.src = trustedScriptUrl(src) as string;
        else live.text = inert.text;
        inert.replaceWith(live);
      } catch (error) {
        // Trusted Types refuse a plain string for inline script text: use `data-src` there.
        console.warn('zorgvuldig: could not run a consented script', inert, error);
        inert.removeAttribute('data-zv-category');
      }
    });
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', revive, { once: true });
  } else {
    revive();
  }
  ctx.onTeardown(ctx.consent.onChange(revive));
};
