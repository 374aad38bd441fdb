/**
 * The shell's stylesheet, applied by the core inside the shadow root so site CSS cannot break it:
 * the theme (custom properties inherit into the shadow tree: --zv-bg, --zv-fg, --zv-accent,
 * --zv-accent-fg, --zv-muted, --zv-font, --zv-radius), buttons and the reopen control. The UI
 * part adds the banner's and the dialog's rules after it (`styles.ts`).
 */
export const SHELL_CSS = `
:host{all:initial}
*{box-sizing:border-box}
.b,.d,.r{--bg:var(--zv-bg,#fff);--fg:var(--zv-fg,#1a1a1a);--ac:var(--zv-accent,#0b5394);--af:var(--zv-accent-fg,#fff);--mu:var(--zv-muted,#595959);font:16px/1.5 var(--zv-font,system-ui,sans-serif);color:var(--fg);background:var(--bg)}
button{font:inherit;cursor:pointer;min-height:44px;padding:.5rem 1rem;border-radius:var(--zv-radius,6px)}
:focus-visible{outline:3px solid var(--ac);outline-offset:2px}
.r{position:fixed;z-index:2147483645;left:1rem;bottom:1rem;font-size:.875rem;min-height:44px;border:2px solid var(--ac);color:var(--ac);box-shadow:0 2px 8px #0003}
.rr{left:auto;right:1rem}
[hidden]{display:none!important}
@media (prefers-color-scheme:dark){.b,.d,.r{--bg:var(--zv-bg,#1c1c1e);--fg:var(--zv-fg,#f2f2f2);--ac:var(--zv-accent,#8ab4f8);--af:var(--zv-accent-fg,#111);--mu:var(--zv-muted,#c4c4c4)}}
`;
