/**
 * Every value of the cookie `name` the page can see. A name can appear more than once when the
 * same cookie was set on the host and on a parent domain (or on two paths); js-cookie returns only
 * one of them, the consent reader needs all to pick the valid one.
 */
export const readCookieValues = (name: string): string[] => {
  let header = '';
  try {
    header = document.cookie;
  } catch {
    return []; // Sandboxed frame without allow-same-origin: SecurityError.
  }
  const values: string[] = [];
  for (const pair of header.split('; ')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at) === name) {
      try {
        values.push(decodeURIComponent(pair.slice(at + 1)));
      } catch {
        // Malformed percent-encoding: not a value we wrote.
      }
    }
  }
  return values;
};
