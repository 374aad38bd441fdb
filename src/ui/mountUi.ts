import { allChoices } from '../consent/allChoices';
import type { Context } from '../context/context';
import { createBanner } from './createBanner';
import { createDialog } from './createDialog';
import { h } from '../lib/h';
import { STRINGS } from './strings';
import { applyStyles } from './styles';
import { guarded } from '../lib/guarded';

export interface Ui {
  openPreferences(): void;
}

/** The visitor's rights, offered in the dialog. */
export interface RightsActions {
  download(): void;
  erase(): Promise<unknown>;
}

const OPEN_SELECTOR = '[data-zv-open-preferences]';

/** The element focused now, looking inside shadow roots (ours included). */
const deepActiveElement = (): HTMLElement | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
};

/** Can `element` take focus back? Not when it sits in something now hidden. */
const isFocusable = (element: HTMLElement | null): element is HTMLElement =>
  !!element?.isConnected && !element.closest('[hidden]');

/**
 * The banner, the preferences dialog and the persistent reopen button, in one shadow root. It is
 * mounted once the body exists (the SDK itself runs first in `<head>`).
 */
export const mountUi = (ctx: Context, rights: RightsActions): Ui => {
  const { config, consent } = ctx;
  const strings = STRINGS[config.lang];
  const host = h('div', { id: 'zorgvuldig-ui', lang: config.lang });
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root, config.nonce);

  let returnFocus: HTMLElement | null = null;
  const reject = () => consent.set(allChoices(config, false), 'reject-all');
  const accept = () => consent.set(allChoices(config, true), 'accept-all');

  const dialog = createDialog(config.categories, config.lang, strings, root, {
    save: (choices) => consent.set(choices, 'custom'),
    ...rights,
    reject,
    accept,
    closed() {
      render();
      const target = isFocusable(returnFocus) ? returnFocus : reopen;
      if (isFocusable(target)) target.focus();
    },
  });
  const openPreferences = () => {
    if (!dialog.element.open) returnFocus = deepActiveElement();
    dialog.open(consent.get());
    reopen.hidden = true;
  };
  const banner = createBanner(strings, config.privacyUrl, {
    reject,
    accept,
    settings: openPreferences,
  });
  const reopen = h(
    'button',
    {
      type: 'button',
      class: config.reopenPosition == 'bottom-right' ? 'r rr' : 'r',
      'aria-haspopup': 'dialog',
      hidden: true,
    },
    strings.reopen,
  );
  reopen.addEventListener('click', guarded('the reopen button', openPreferences));
  root.append(banner, dialog.element, reopen);

  const render = () => {
    const { decided } = consent.get();
    banner.hidden = decided;
    // 'none': the site offers its own `data-zv-open-preferences` link instead.
    reopen.hidden = !decided || dialog.element.open || config.reopenPosition == 'none';
  };
  ctx.onTeardown(
    consent.onChange((state) => {
      const bannerWasOpen = !banner.hidden;
      const bannerFocused = root.activeElement && banner.contains(root.activeElement);
      render();
      if (state.decided) dialog.close();
      if (bannerWasOpen && state.decided && bannerFocused) {
        (isFocusable(returnFocus) ? returnFocus : reopen).focus();
      }
    }),
  );

  const onClick = guarded('a preferences link', (event: Event) => {
    const target = event.target instanceof Element ? event.target.closest(OPEN_SELECTOR) : null;
    if (target) {
      event.preventDefault();
      openPreferences();
    }
  });

  const mount = () => {
    document.body.append(host);
    document.addEventListener('click', onClick);
    render();
    if (!banner.hidden) {
      returnFocus = deepActiveElement();
      // Focusing now would force a synchronous layout inside the page's start-up task; the next
      // frame lays the banner out anyway.
      requestAnimationFrame(
        guarded(
          'focusing the banner',
          () => banner.hidden || banner.focus({ preventScroll: true }),
        ),
      );
    }
  };
  if (document.body) mount();
  else
    document.addEventListener('DOMContentLoaded', guarded('mounting the banner', mount), {
      once: true,
    });
  ctx.onTeardown(() => {
    host.remove();
    document.removeEventListener('click', onClick);
  });
  return { openPreferences };
};
