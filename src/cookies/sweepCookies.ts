import { matchesCookiePattern } from './matchesCookiePattern';
import { readCookies } from './readCookies';

const EPOCH = 'Thu, 01 Jan 1970 00:00:00 GMT';

/** `a.b.example.nl` → `['a.b.example.nl', 'b.example.nl', 'example.nl', 'nl']`. */
const domainVariants = (hostname: string): string[] => {
  const labels = hostname.split('.');
  return labels.map((_, index) => labels.slice(index).join('.'));
};

/** `/zorg/thuis/` → `['/', '/zorg', '/zorg/', '/zorg/thuis', '/zorg/thuis/']`. */
const pathVariants = (pathname: string): string[] => {
  const variants = new Set(['/']);
  let prefix = '';
  for (const segment of pathname.split('/').slice(1)) {
    if (!segment) continue;
    prefix += `/${segment}`;
    variants.add(prefix).add(`${prefix}/`);
  }
  return [...variants];
};

/**
 * Deletes every cookie whose name matches one of `patterns`. A cookie can only be deleted with the
 * domain and path it was set with, and `document.cookie` does not tell which: so every variant is
 * tried — host-only, the host, `.host` and each parent domain, `/` and each prefix of the path.
 * Returns the names that were found. Never throws (a sandboxed frame cannot touch cookies).
 */
export const sweepCookies = (patterns: readonly string[]): string[] => {
  if (!patterns.length) return [];
  try {
    const names = readCookies()
      .map(([name]) => name)
      .filter((name) => patterns.some((pattern) => matchesCookiePattern(name, pattern)));
    const found = [...new Set(names)];
    const domains = [
      '',
      ...domainVariants(location.hostname).flatMap((d) => [`; domain=${d}`, `; domain=.${d}`]),
    ];
    const paths = pathVariants(location.pathname);
    for (const name of found) {
      for (const domain of domains) {
        for (const path of paths) {
          document.cookie = `${name}=; expires=${EPOCH}; path=${path}${domain}`;
        }
      }
    }
    return found;
  } catch {
    return [];
  }
};
