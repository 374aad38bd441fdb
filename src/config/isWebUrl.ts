const WEB_PROTOCOLS = ['https:', 'http:'];

/**
 * Whether a configured URL is a web URL: absolute `https:`/`http:` or relative. Parsed the way the
 * browser will parse it (leading spaces, tabs and newlines inside the scheme, case), so
 * `" JaVa\tscript:…"` is caught as well as `javascript:`, `data:` and `blob:`.
 */
export const isWebUrl = (value: string): boolean => {
  try {
    return WEB_PROTOCOLS.includes(new URL(value, 'https://relative.invalid/').protocol);
  } catch {
    return false;
  }
};
