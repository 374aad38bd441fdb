import { withBuiltInTexts } from '../config/categoryTexts';
import type { Config } from '../config/config';
import type { Lang, Translated } from '../config/options';
import { h } from '../lib/h';

const HEADINGS: Record<Lang, string[]> = {
  nl: ['Cookie', 'Categorie', 'Doel', 'Bewaartermijn', 'Ontvanger', 'Land'],
  en: ['Cookie', 'Category', 'Purpose', 'Lifetime', 'Recipient', 'Country'],
};
const SESSION: Record<Lang, string> = {
  nl: 'Sessie (tot u de browser sluit)',
  en: 'Session (until you close the browser)',
};
const SITE: Record<Lang, string> = { nl: 'Deze website', en: 'This website' };
const EEA: Record<Lang, string> = {
  nl: 'Europese Economische Ruimte',
  en: 'European Economic Area',
};
const CAPTION: Record<Lang, string> = {
  nl: 'Cookies op deze website',
  en: 'Cookies on this website',
};

/**
 * The cookie declaration for the privacy statement, generated from the same config the SDK
 * enforces, so the statement cannot drift from what the site does. Plain light-DOM table with a
 * `zv-cookie-table` class, for the site to style.
 */
export const renderCookieTable = (config: Config, lang: Lang = config.lang): HTMLTableElement => {
  const text = (translated: Translated | undefined, fallback: string) =>
    translated?.[lang] ?? translated?.nl ?? fallback;
  const rows = config.categories
    .map(withBuiltInTexts)
    .flatMap((category) =>
      category.cookies.map((cookie) =>
        h(
          'tr',
          { 'data-cookie': cookie.name },
          h('td', {}, h('code', {}, cookie.name)),
          h('td', {}, text(category.label, category.key)),
          h('td', {}, text(cookie.purpose, text(category.description, ''))),
          h('td', {}, SESSION[lang]),
          h('td', {}, cookie.recipient ?? SITE[lang]),
          h('td', {}, text(cookie.country, EEA[lang])),
        ),
      ),
    );
  return h(
    'table',
    { class: 'zv-cookie-table', lang },
    h('caption', {}, CAPTION[lang]),
    h(
      'thead',
      {},
      h('tr', {}, ...HEADINGS[lang].map((heading) => h('th', { scope: 'col' }, heading))),
    ),
    h('tbody', {}, ...rows),
  );
};
