/** What a wrong-typed global really is, for the console: `<div id="dataLayer">`, or its type. */
const describeValue = (value: unknown): string => {
  if (typeof Element != 'undefined' && value instanceof Element) {
    const id = value.getAttribute('id');
    const name = value.getAttribute('name');
    return `a <${value.localName}${id ? ` id="${id}"` : ''}${name ? ` name="${name}"` : ''}> element`;
  }
  if (typeof HTMLCollection != 'undefined' && value instanceof HTMLCollection)
    return `a collection of ${value.length} elements`;
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
};

/**
 * A global the SDK shares with the page (`dataLayer`, `gtag`, `zorgvuldig`), checked for its real
 * type: an element with that `id` or `name` shows up as `window.<name>` (DOM clobbering) and must
 * not switch the SDK off. Returns the value when it is what `isValid` expects, else `undefined`,
 * so the caller sets up its own; a wrong value is named in one console error.
 */
export const readPageGlobal = <T>(
  name: string,
  isValid: (value: unknown) => value is T,
  expected: string,
): T | undefined => {
  const value = (window as unknown as Record<string, unknown>)[name];
  if (value === undefined || isValid(value)) return value as T | undefined;
  console.error(
    `zorgvuldig: window.${name} is ${describeValue(value)}, not ${expected}; the SDK replaces it ` +
      `with its own. Rename the element or variable: it shadows the global the SDK uses.`,
  );
  return undefined;
};

export const isFunction = (value: unknown): value is (...args: unknown[]) => unknown =>
  typeof value == 'function';

export const isArray = (value: unknown): value is unknown[] => Array.isArray(value);
