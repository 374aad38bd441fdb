import { guarded } from '../lib/guarded';

const FOCUSABLE =
  'button:not([disabled]),input:not([disabled]),a[href],[tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab and Shift+Tab inside `container`. A modal `<dialog>` already makes the page inert,
 * but browsers still let Tab leave it for the browser's own toolbar; this wraps around instead.
 */
export const trapFocus = (container: HTMLElement, root: ShadowRoot) =>
  container.addEventListener(
    'keydown',
    guarded('the dialog keyboard', (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const focusable = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE));
      if (!focusable.length) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = root.activeElement;
      if (event.shiftKey && (active === first || active === container)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    }),
  );
