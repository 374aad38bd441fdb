/**
 * The UI's only stylesheet, applied inside a shadow root so site CSS cannot break it. Themeable
 * from the site with custom properties (they inherit into the shadow tree): --zv-bg, --zv-fg,
 * --zv-accent, --zv-accent-fg, --zv-muted, --zv-font, --zv-radius. The banner is `position: fixed`,
 * so it never shifts the page's layout.
 */
export const CSS = `
:host{all:initial}
*{box-sizing:border-box}
.b,.d,.r{--bg:var(--zv-bg,#fff);--fg:var(--zv-fg,#1a1a1a);--ac:var(--zv-accent,#0b5394);--af:var(--zv-accent-fg,#fff);--mu:var(--zv-muted,#595959);font:16px/1.5 var(--zv-font,system-ui,sans-serif);color:var(--fg);background:var(--bg)}
.b{position:fixed;z-index:2147483646;left:0;right:0;bottom:0;padding:1rem;border-top:2px solid var(--ac);box-shadow:0 -4px 16px #0003;animation:zv-in .2s ease-out}
.b:focus,.d:focus{outline:none}
.w{max-width:60rem;margin:0 auto}
h2{font-size:1.15rem;margin:0 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .5rem}
p{margin:0 0 .75rem}
a{color:var(--ac)}
.a{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
button{font:inherit;cursor:pointer;min-height:44px;padding:.5rem 1rem;border-radius:var(--zv-radius,6px)}
.e{display:grid;grid-auto-flow:column;grid-auto-columns:1fr;gap:.5rem}
.p{background:var(--ac);color:var(--af);border:2px solid var(--ac);font-weight:600}
.s{background:transparent;color:var(--ac);border:2px solid currentColor}
:focus-visible{outline:3px solid var(--ac);outline-offset:2px}
.d{border:0;border-radius:var(--zv-radius,6px);padding:1.5rem;max-width:min(40rem,calc(100vw - 2rem));max-height:calc(100vh - 2rem);overflow:auto;box-shadow:0 8px 32px #0006}
.d::backdrop{background:#0008}
.c{border-top:1px solid #8884;padding:.75rem 0}
.h{display:flex;justify-content:space-between;align-items:center;gap:1rem;font-weight:600}
.c p{color:var(--mu);margin:.25rem 0 0}
input{width:2.75rem;height:1.5rem;accent-color:var(--ac);margin:0}
.n{border-left:4px solid var(--ac);padding-left:.5rem}
.r{position:fixed;z-index:2147483645;left:1rem;bottom:1rem;font-size:.875rem;min-height:44px;border:2px solid var(--ac);color:var(--ac);box-shadow:0 2px 8px #0003}
.rr{left:auto;right:1rem}
[hidden]{display:none!important}
@keyframes zv-in{from{transform:translateY(100%)}}
@media (prefers-reduced-motion:reduce){.b{animation:none}}
@media (prefers-color-scheme:dark){.b,.d,.r{--bg:var(--zv-bg,#1c1c1e);--fg:var(--zv-fg,#f2f2f2);--ac:var(--zv-accent,#8ab4f8);--af:var(--zv-accent-fg,#111);--mu:var(--zv-muted,#c4c4c4)}}
`;

/**
 * Attaches the stylesheet without `style` attributes or inline `<style>`, so a strict CSP
 * (`style-src 'self'`) allows it. Browsers without constructable stylesheets get a `<style>` with
 * the site's nonce, when one is configured.
 */
export const applyStyles = (root: ShadowRoot, nonce: string | null): void => {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = CSS;
    root.append(style);
  }
};
