import { h } from './h';
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
  const button = (label: string, className: string, action: () => void, name: string) => {
    const element = h(
      'button',
      { type: 'button', class: className, 'data-zv-action': name },
      label,
    );
    element.addEventListener('click', action);
    return element;
  };
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
          button(strings.rejectAll, 'p', actions.reject, 'reject'),
          button(strings.acceptAll, 'p', actions.accept, 'accept'),
        ),
        button(strings.settings, 's', actions.settings, 'settings'),
      ),
    ),
  );
};
