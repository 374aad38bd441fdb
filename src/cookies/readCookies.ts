/**
 * Every cookie the page can see, as `[name, value]` pairs in `document.cookie` order, values
 * decoded. A name can appear more than once (the same cookie set on the host and on a parent
 * domain, or on two paths): js-cookie returns only one of them; the consent reader and the
 * sweeper need all. Empty where cookies are blocked (a sandboxed frame throws SecurityError).
 */
export const readCookies = (): [name: string, value: string][] => {
  let header = '';
  try {
    header = document.cookie;
  } catch {
    return [];
  }
  const cookies: [string, string][] = [];
  for (const pair of header.split('; ')) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    try {
      cookies.push([pair.slice(0, at), decodeURIComponent(pair.slice(at + 1))]);
    } catch {
      // Malformed percent-encoding: not a value we wrote; its name still counts.
      cookies.push([pair.slice(0, at), '']);
    }
  }
  return cookies;
};
