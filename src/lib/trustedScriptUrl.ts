interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string): string },
  ): {
    createScriptURL(url: string): unknown;
  };
}

let policy: ReturnType<TrustedTypesLike['createPolicy']> | undefined;

/**
 * `url` as a TrustedScriptURL where Trusted Types exist, for a page with
 * `require-trusted-types-for 'script'` (which refuses a string for `script.src`). The policy
 * `zorgvuldig` is created on first use only, and only the SDK holds it; a page that limits
 * policy names must allow it (`trusted-types zorgvuldig`). Falls back to the string.
 */
export const trustedScriptUrl = (url: string): unknown => {
  try {
    policy ||= (window as { trustedTypes?: TrustedTypesLike }).trustedTypes?.createPolicy(
      'zorgvuldig',
      {
        createScriptURL: (value) => value,
      },
    );
  } catch {
    // The page's CSP does not allow the name: the string is all we have.
  }
  return policy ? policy.createScriptURL(url) : url;
};
