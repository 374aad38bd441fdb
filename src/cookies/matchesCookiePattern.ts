/** `_ga_*` matches `_ga_ABC123`; a pattern without `*` matches the name exactly. */
export const matchesCookiePattern = (name: string, pattern: string): boolean =>
  pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
