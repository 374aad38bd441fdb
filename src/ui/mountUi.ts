import { allChoices } from '../consent/allChoices';
import type { Context } from '../context/context';
import type { RightsActions, Shell, Ui } from '../context/parts';
import { createBanner } from './createBanner';
import { createDialog } from './createDialog';
import { STRINGS } from './strings';
import { applyStyles } from '../lib/applyStyles';
import { CSS } from './styles';
import { guarded } from '../lib/guarded';

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
 * The banner and the preferences dialog, in the shell's shadow root, before its reopen control.
 * The UI part: loaded while there is no decision yet, or when the visitor opens the preferences.
 */
export const mountUi = (ctx: Context, shell: Shell, rights: RightsActions): Ui => {
  const { config, consent } = ctx;
  const { root, reopen } = shell;
  // A one-language part holds only the language the core asked it for.
  const strings = STRINGS[config.lang] ?? Object.values(STRINGS)[0]!;
  applyStyles(root, config.nonce, CSS);

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
  shell.dialogOpen = () => dialog.element.open;
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
  root.insertBefore(dialog.element, reopen);
  root.insertBefore(banner, dialog.element);

  const render = () => {
    banner.hidden = consent.get().decided;
    shell.render();
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

  render();
  shell.whenMounted(() => {
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
  });
  return { openPreferences };
};
