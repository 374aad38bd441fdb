import type { Config } from '../config/config';
import type { Lang } from '../config/options';
import { renderCookieTable } from './renderCookieTable';
import { guarded } from '../lib/guarded';

const SELECTOR = '[data-zv-cookie-table]';

/**
 * Fills every `<div data-zv-cookie-table>` on the page with the cookie declaration. The attribute's
 * value may pick the language (`data-zv-cookie-table="en"`); by default the page's.
 */
export const mountCookieTables = (config: Config): void => {
  const fill = () =>
    document.querySelectorAll(SELECTOR).forEach((element) => {
      const wanted = element.getAttribute('data-zv-cookie-table');
      const lang: Lang = wanted === 'en' || wanted === 'nl' ? wanted : config.lang;
      element.replaceChildren(renderCookieTable(config, lang));
    });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', guarded('the cookie tables', fill), {
      once: true,
    });
  } else {
    fill();
  }
};
