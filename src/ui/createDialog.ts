import type { CategoryDefinition } from '../config/config';
import type { Lang } from '../config/options';
import type { Choices, ConsentState } from '../consent/types';
import { button } from './button';
import { categoryText } from './categoryText';
import { h } from '../lib/h';
import type { UiStrings } from './strings';
import { trapFocus } from './trapFocus';
import { guarded } from '../lib/guarded';

export interface DialogActions {
  save(choices: Choices): void;
  download(): void;
  erase(): Promise<unknown>;
  reject(): void;
  accept(): void;
  /** Called after the dialog closed, however it closed. */
  closed(): void;
}

export interface PreferencesDialog {
  element: HTMLDialogElement;
  open(state: ConsentState): void;
  close(): void;
}

/**
 * The second layer: one switch per category with its one-sentence purpose. Switches show the
 * choices in force; optional categories are never switched on for the visitor, except statistics
 * where the site runs them on an objection basis (the dialog then says they can be switched off).
 */
export const createDialog = (
  categories: CategoryDefinition[],
  lang: Lang,
  strings: UiStrings,
  root: ShadowRoot,
  actions: DialogActions,
): PreferencesDialog => {
  const switches = new Map<string, HTMLInputElement>();
  const objectionNote = h('p', { class: 'n', id: 'zv-on', hidden: true });

  const rows = categories.map((category) => {
    const input = h('input', {
      type: 'checkbox',
      role: 'switch',
      id: `zv-c-${category.key}`,
      'aria-describedby': `zv-cd-${category.key}`,
      disabled: category.required,
    });
    switches.set(category.key, input);
    return h(
      'div',
      { class: 'c' },
      h(
        'div',
        { class: 'h' },
        h('label', { for: input.id }, categoryText(category, 'label', lang)),
        category.required ? h('span', {}, strings.alwaysOn, input) : input,
      ),
      h('p', { id: `zv-cd-${category.key}` }, categoryText(category, 'description', lang)),
      category.key === 'statistics' && objectionNote,
    );
  });

  const erased = h('p', { class: 'n', role: 'status', hidden: true }, strings.erased);
  const element = h(
    'dialog',
    { class: 'd', 'aria-labelledby': 'zv-dt', 'aria-describedby': 'zv-dd' },
    h('h2', { id: 'zv-dt' }, strings.dialogTitle),
    h('p', { id: 'zv-dd' }, strings.dialogText),
    ...rows,
    h(
      'div',
      { class: 'a' },
      h(
        'div',
        { class: 'e' },
        button(strings.rejectAll, true, 'reject', actions.reject),
        button(strings.acceptAll, true, 'accept', actions.accept),
      ),
      button(strings.save, false, 'save', () => {
        const choices: Choices = {};
        switches.forEach((input, key) => (choices[key] = input.checked));
        actions.save(choices);
      }),
      button(strings.close, false, 'close', () => element.close()),
    ),
    h('h3', {}, strings.yourData),
    h(
      'div',
      { class: 'a' },
      button(strings.download, false, 'download', actions.download),
      button(
        strings.erase,
        false,
        'erase',
        guarded('erasing your data', () => actions.erase().then(() => (erased.hidden = false))),
      ),
    ),
    erased,
  );
  trapFocus(element, root);
  // Escape fires `cancel` and closes a modal dialog natively; every way out ends here.
  element.addEventListener('close', guarded('closing the dialog', actions.closed));

  return {
    element,
    open(state) {
      switches.forEach((input, key) => (input.checked = state.choices[key] === true));
      const objection = state.objection && !state.choices.statistics ? state.objection : null;
      objectionNote.hidden = !objection;
      erased.hidden = true;
      objectionNote.textContent = objection === 'dnt' ? strings.objectionDnt : strings.objectionGpc;
      if (!element.open) element.showModal();
      (switches.get('statistics') ?? element).focus();
    },
    close: () => element.open && element.close(),
  };
};
