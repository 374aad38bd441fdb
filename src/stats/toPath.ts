/** The path, query and fragment of a URL (`https://a.nl/x?y` → `/x?y`); a path stays as it is. */
export const toPath = (url: string): string =>
  url.replace(/^[a-z][\w+.-]*:\/\/[^/?#]*/i, '') || '/';
