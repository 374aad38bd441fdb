import type { Hit } from '../protocol/types';

/**
 * What a page view says about the visitor: the primary language subtag, nothing else. No screen
 * size, fonts or timezone, which together fingerprint a person; and no user agent, which the
 * relay reduces from the request's own `User-Agent` header (so the page need not ship the
 * reducer).
 */
export const readVisitor = (): Pick<Hit, 'lang'> => {
  const visitor: Pick<Hit, 'lang'> = {};
  const lang = (document.documentElement.lang || navigator.language || '')
    .split('-')[0]
    .toLowerCase();
  if (/^[a-z]{2,8}$/.test(lang)) visitor.lang = lang;
  return visitor;
};
