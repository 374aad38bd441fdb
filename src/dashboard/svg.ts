const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An SVG element with attributes. Presentation attributes (`stroke`, `fill`) are used, never
 * `style`: the dashboard's CSP has no 'unsafe-inline', which also blocks style attributes.
 */
export const svg = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
  ...children: (Node | string)[]
): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
};
