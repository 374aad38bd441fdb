/**
 * Whether a browser on `origin` may post to the relay. No `Origin` header means no browser
 * cross-origin context (curl, a server): allowed, since the header is trivial to forge outside
 * a browser anyway. The default list is the relay's own origin only.
 */
export const checkOrigin = (
  origin: string | null,
  allowed: readonly string[],
  self: string,
): boolean => {
  if (origin === null) return true;
  if (allowed.length === 0) return origin === self;
  return allowed.includes('*') || allowed.includes(origin);
};

/** CORS response headers for an allowed cross-origin request. */
export const corsHeaders = (origin: string | null, self: string): Record<string, string> =>
  origin && origin !== self ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
