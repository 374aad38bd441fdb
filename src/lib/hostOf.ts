/** Host name of `value` (a string, URL or TrustedScriptURL) resolved against the document, or ''. */
export const hostOf = (value: unknown): string => {
  try {
    return new URL(String(value), document.baseURI).hostname;
  } catch {
    return '';
  }
};
