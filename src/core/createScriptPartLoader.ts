import type { Lang } from '../config/options';
import type { PartLoader, PartModules, PartName } from '../context/parts';
import { PART_HOOK, type RegisterPart } from '../lib/partHook';
import { trustedScriptUrl } from '../lib/trustedScriptUrl';

/**
 * The Subresource Integrity hash of every part file, compiled into the core at build time
 * (`rollup.config.mjs` builds the parts first, hashes them, and writes the map in place of this
 * name). A part changed by one byte is refused by the browser.
 */
declare const __ZV_PART_INTEGRITY__: Record<string, string>;

/**
 * The file of a part, next to the core: `zorgvuldig.stats.js`. The UI part comes in the page's
 * language only (`zorgvuldig.ui.nl.js`), so a visitor does not download the other language.
 */
export const partFile = (name: PartName, lang: Lang): string =>
  `zorgvuldig.${name === 'ui' ? `ui.${lang}` : name}.js`;

/**
 * Loads parts as `<script>` elements from `base` (the core's own directory, so same origin and
 * allowed by `script-src 'self'`), each with its integrity hash, `crossorigin="anonymous"` (SRI
 * needs CORS), the page's nonce where there is one, and its URL through the SDK's Trusted Types
 * policy. A part hands itself over through the Symbol-keyed hook defined here, before any part
 * loads; the hook also lends the parts the `shared` modules, so they are not downloaded twice.
 */
export const createScriptPartLoader = (
  base: string | null,
  nonce: string | null,
  lang: Lang,
  shared: Record<string, object>,
): PartLoader => {
  const received: Partial<PartModules> = {};
  const register: RegisterPart = (name, part) => void (received[name] ||= part);
  try {
    Object.defineProperty(window, PART_HOOK, { value: Object.assign(register, { shared }) });
  } catch {
    // Already defined (a second copy of the SDK): its parts register there; ours then fail closed.
  }
  return <K extends PartName>(name: K) =>
    new Promise<PartModules[K]>((resolve, reject) => {
      if (!base) throw new Error('the SDK could not tell which directory it was loaded from');
      const url = new URL(partFile(name, lang), base).href;
      const script = document.createElement('script');
      script.src = trustedScriptUrl(url) as string;
      script.integrity = __ZV_PART_INTEGRITY__[partFile(name, lang)] ?? '';
      script.crossOrigin = 'anonymous';
      if (nonce) script.nonce = nonce;
      // The visitor waits for these two: Chromium fetches an inserted script at low priority and
      // holds such requests back while the page is still parsing (DCL → banner at 4× CPU fell
      // by about a fifth). The other parts wait for the page on purpose.
      if (name === 'ui' || name === 'shell') script.fetchPriority = 'high';
      script.onload = () => {
        const part = received[name];
        if (part) resolve(part);
        else reject(new Error(`${url} ran but did not hand itself over`));
      };
      script.onerror = () =>
        reject(
          new Error(
            `${url} was refused: not found, changed since the build (integrity), or blocked by a CSP or an extension`,
          ),
        );
      (document.head || document.documentElement).append(script);
    });
};
