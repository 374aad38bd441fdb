/**
 * `true` when `host` is `pattern`, or a subdomain of `example.com` for the pattern
 * `*.example.com`. A trailing dot is ignored: `www.google-analytics.com.` is the same host to
 * DNS, and would otherwise slip past an exact comparison.
 */
export const matchHost = (host: string, pattern: string): boolean => {
  host = host.replace(/\.$/, '');
  return pattern[0] == '*' ? host.endsWith(pattern.slice(1)) : host == pattern;
};
