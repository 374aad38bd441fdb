import { guarded } from '../lib/guarded';

const OPEN_SELECTOR = '[data-zv-open-preferences]';

/**
 * The site's own `data-zv-open-preferences` links, heard by the core from the start: on a decided
 * visit the shell arrives only after the paint, and a click before then must still open the
 * dialog (`open` waits for the shell and the UI part). Returns the function that stops listening.
 */
export const listenForPreferenceLinks = (open: () => void): (() => void) => {
  const onClick = guarded('a preferences link', (event: Event) => {
    const target = event.target instanceof Element ? event.target.closest(OPEN_SELECTOR) : null;
    if (target) {
      event.preventDefault();
      open();
    }
  });
  document.addEventListener('click', onClick);
  return () => document.removeEventListener('click', onClick);
};
