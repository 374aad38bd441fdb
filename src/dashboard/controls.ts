import { h } from '../lib/h';
import type { RangePreset } from './dateRange';
import type { DashboardStrings } from './strings';

/** What the visitor of the dashboard chose. */
export interface Choice {
  preset: RangePreset;
  /** The custom dates (`YYYY-MM-DD`), used when `preset` is `custom`. */
  from: string;
  to: string;
  /** The page filter, `''` for all pages. */
  page: string;
}

export interface Controls {
  element: HTMLFormElement;
  read(): Choice;
  /** Adds pages to the page filter's suggestions. */
  setPages(pages: string[]): void;
  /** Shows (or clears) a message about the chosen dates. */
  setError(message: string): void;
}

const labelled = (id: string, label: string, control: HTMLElement) =>
  h('div', { class: 'field' }, h('label', { for: id }, label), control);

/** The period and page filter form; every control is a native, keyboard-usable element. */
export const createControls = (
  t: DashboardStrings,
  initial: Choice,
  onChange: () => void,
): Controls => {
  const preset = h('select', { id: 'range', name: 'range' });
  for (const [value, label] of [
    ['today', t.today],
    ['7d', t.days7],
    ['30d', t.days30],
    ['custom', t.custom],
  ] as const) {
    preset.append(h('option', { value }, label));
  }
  preset.value = initial.preset;
  const from = h('input', { id: 'from', name: 'from', type: 'date', value: initial.from });
  const to = h('input', { id: 'to', name: 'to', type: 'date', value: initial.to });
  const dates = h(
    'div',
    { class: 'custom-dates', hidden: initial.preset !== 'custom' },
    labelled('from', t.from, from),
    labelled('to', t.to, to),
  );
  // A text field with suggestions rather than a select: any page can be typed, also one
  // outside the top list the suggestions come from.
  const page = h('input', {
    id: 'page',
    name: 'page',
    type: 'search',
    list: 'page-options',
    value: initial.page,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'page-hint',
  });
  const options = h('datalist', { id: 'page-options' });
  const error = h('p', {
    class: 'notice notice-error',
    id: 'range-error',
    role: 'alert',
    hidden: true,
  });
  const element = h(
    'form',
    { class: 'controls', 'aria-label': t.controls },
    labelled('range', t.range, preset),
    dates,
    h(
      'div',
      { class: 'field field-page' },
      h('label', { for: 'page' }, t.page),
      page,
      options,
      h('span', { class: 'hint', id: 'page-hint' }, t.pageHint),
    ),
    h('div', { class: 'field field-submit' }, h('button', { type: 'submit' }, t.show)),
    error,
  );
  let pages: string[] = [];
  const setPages = (list: string[]) => {
    pages = [...new Set([...pages, ...list])];
    options.replaceChildren(...pages.map((value) => h('option', { value })));
  };

  preset.addEventListener('change', () => {
    dates.hidden = preset.value !== 'custom';
    // A custom range waits for its dates and the Show button; the others apply at once.
    if (preset.value !== 'custom') onChange();
  });
  page.addEventListener('change', onChange);
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    onChange();
  });
  return {
    element,
    read: () => ({
      preset: preset.value as RangePreset,
      from: from.value,
      to: to.value,
      page: page.value.trim(),
    }),
    setPages,
    setError(message) {
      error.textContent = message;
      error.hidden = !message;
      from.setAttribute('aria-invalid', message ? 'true' : 'false');
      to.setAttribute('aria-invalid', message ? 'true' : 'false');
    },
  };
};
