import type { Lang } from '../config/options';
import type { Context } from '../context/context';
import type { Shell } from '../context/parts';
import { guarded } from '../lib/guarded';
import { h } from '../lib/h';
import { SHELL_CSS } from './shellStyles';
import { applyStyles } from '../lib/applyStyles';

/** The reopen control's label: the only UI text the core carries. */
const REOPEN: Record<Lang, string> = { nl: 'Cookie-instellingen', en: 'Cookie settings' };

/**
 * The shell part: the shadow host (mounted once the body exists; the SDK runs first in `<head>`),
 * its theme and the persistent reopen control. A returning visitor who has decided needs nothing
 * more; `open` loads the UI part for the banner and the dialog. (The site's own
 * `data-zv-open-preferences` links are heard by the core, `core/listenForPreferenceLinks`, so a
 * click before this part arrives is not lost.)
 */
export const createShell = (ctx: Context, open: () => void): Shell => {
  const { config, consent } = ctx;
  const host = h('div', { id: 'zorgvuldig-ui', lang: config.lang });
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root, config.nonce, SHELL_CSS);
  const reopen = h(
    'button',
    {
      type: 'button',
      class: config.reopenPosition == 'bottom-right' ? 'r rr' : 'r',
      'aria-haspopup': 'dialog',
      hidden: true,
    },
    REOPEN[config.lang],
  );
  reopen.addEventListener('click', guarded('the reopen button', open));
  root.append(reopen);

  const waiting: (() => void)[] = [];
  const shell: Shell = {
    root,
    reopen,
    whenMounted: (fn) => (host.isConnected ? fn() : void waiting.push(fn)),
    // 'none': the site offers its own `data-zv-open-preferences` link instead.
    render: () =>
      void (reopen.hidden =
        !consent.get().decided || shell.dialogOpen() || config.reopenPosition == 'none'),
    dialogOpen: () => false,
  };

  const mount = () => {
    document.body.append(host);
    shell.render();
    for (const fn of waiting.splice(0)) fn();
  };
  if (document.body) mount();
  else
    document.addEventListener('DOMContentLoaded', guarded('mounting the banner', mount), {
      once: true,
    });
  ctx.onTeardown(consent.onChange(shell.render));
  ctx.onTeardown(() => host.remove());
  return shell;
};
