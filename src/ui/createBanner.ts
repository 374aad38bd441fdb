import { button } from './button';
import { h } from '../lib/h';
import type { UiStrings } from './strings';

export interface BannerActions {
  reject(): void;
  accept(): void;
  settings(): void;
}

/**
 * The first layer. "Alleen noodzakelijk" and "Alles accepteren" are the same element with the
 * same class, so they are exactly as prominent as each other; "Instellingen" opens the dialog.
 * It is not modal: the page stays usable (no cookie wall).
 */
export const createBanner = (
  strings: UiStrings,
  privacyUrl: string | null,
  actions: BannerActions,
): HTMLElement => {
  return h(
    'section',
    { class: 'b', role: 'region', 'aria-labelledby': 'zv-bt', tabindex: '-1', hidden: true },
    h(
      'div',
      { class: 'w' },
      h('h2', { id: 'zv-bt' }, strings.bannerTitle),
      h(
        'p',
        {},
        strings.bannerText,
        privacyUrl && ' ',
        privacyUrl && h('a', { href: privacyUrl }, strings.privacyLink),
      ),
      h(
        'div',
        { class: 'a' },
        h(
          'div',
          { class: 'e' },
          button(strings.rejectAll, true, 'reject', actions.reject),
          button(strings.acceptAll, true, 'accept', actions.accept),
        ),
        button(strings.settings, false, 'settings', actions.settings),
      ),
    ),
  );
};
