/** One escaped character: a byte, then the UTF-8 continuation bytes that belong to it. */
const ESCAPE = /%[\da-f]{2}(?:%[89ab][\da-f])*/gi;

/**
 * `decodeURIComponent` that never throws: when the whole string is not valid (`%`, `%zz`, a lone
 * `%E9`), each escape that does decode is decoded and the rest is left as written.
 */
export const decodeSafe = (text: string): string => {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(ESCAPE, (escape) => {
      try {
        return decodeURIComponent(escape);
      } catch {
        return escape;
      }
    });
  }
};
