/**
 * Adds `css` to the shadow root without `style` attributes or inline `<style>`, so a strict CSP
 * (`style-src 'self'`) allows it. Browsers without constructable stylesheets get a `<style>` with
 * the site's nonce, when one is configured.
 */
export const applyStyles = (root: ShadowRoot, nonce: string | null, css: string): void => {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.append(style);
  }
};
