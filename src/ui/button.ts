import { h } from '../lib/h';
import { guarded } from '../lib/guarded';

/**
 * A button of the banner or dialog. `primary` ones (reject, accept) share one class, so the
 * choice between them is never nudged by looks; `data-zv-action` names it for tests and sites.
 */
export const button = (label: string, primary: boolean, name: string, action: () => void) => {
  const element = h(
    'button',
    { type: 'button', class: primary ? 'p' : 's', 'data-zv-action': name },
    label,
  );
  element.addEventListener('click', guarded(`the ${name} button`, action));
  return element;
};
