import { h } from '../lib/h';
import type { DashboardStrings } from './strings';

/** "Wat we meten, en wat niet": what the figures are made of, and what they never contain. */
export const privacyPanel = (t: DashboardStrings): HTMLElement =>
  h(
    'section',
    { class: 'view privacy', id: 'view-privacy', 'aria-labelledby': 'heading-privacy' },
    h('h2', { id: 'heading-privacy' }, t.privacyTitle),
    h(
      'div',
      { class: 'privacy-columns' },
      h(
        'div',
        {},
        h('h3', {}, t.privacyMeasured),
        h('ul', {}, ...t.measured.map((item) => h('li', {}, item))),
      ),
      h(
        'div',
        {},
        h('h3', {}, t.privacyNot),
        h('ul', {}, ...t.notMeasured.map((item) => h('li', {}, item))),
      ),
    ),
  );
