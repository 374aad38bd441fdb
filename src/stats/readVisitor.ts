import { reduceUserAgent } from '../privacy/reduceUserAgent';
import type { Hit } from '../protocol/types';

interface UserAgentData {
  brands?: { brand: string; version: string }[];
  mobile?: boolean;
  platform?: string;
}

/**
 * What a page view says about the browser: the reduced user agent (family, major version, OS,
 * device class; never the raw string) and the primary language subtag. Nothing else: no screen
 * size, fonts or timezone, which together fingerprint a person.
 */
export const readVisitor = (): Pick<Hit, 'ua' | 'lang'> => {
  const data = (navigator as Navigator & { userAgentData?: UserAgentData }).userAgentData;
  const visitor: Pick<Hit, 'ua' | 'lang'> = {
    ua: reduceUserAgent(
      navigator.userAgent,
      data && { brands: data.brands, mobile: data.mobile, platform: data.platform },
    ),
  };
  const lang = (document.documentElement.lang || navigator.language || '')
    .split('-')[0]
    .toLowerCase();
  if (/^[a-z]{2,8}$/.test(lang)) visitor.lang = lang;
  return visitor;
};
