import type { CategoryDefinition } from './config';
import { defaultCategories } from './defaultCategories';
import type { CookieDeclaration, Lang, Translated } from './options';
import { isRecord } from '../lib/isRecord';
import { EXPLAINED, LANGS, MAX_STRING, describe, type Refuse } from './validation';

const CATEGORY_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const COOKIE_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

const resolveTranslated = (field: string, value: unknown, refuse: Refuse): Translated | null => {
  if (value === undefined) return null;
  if (typeof value === 'string' && value && value.length <= MAX_STRING)
    return { nl: value, en: value };
  if (
    isRecord(value) &&
    Object.keys(value).length &&
    Object.keys(value).every(
      (lang) =>
        LANGS.includes(lang as Lang) &&
        typeof value[lang] === 'string' &&
        (value[lang] as string).length <= MAX_STRING,
    )
  ) {
    return { nl: value.nl as string | undefined, en: value.en as string | undefined };
  }
  refuse(field, EXPLAINED && 'expected a string or { nl, en } strings');
  return null;
};

const resolveCookies = (
  field: string,
  value: unknown,
  refuse: Refuse,
): CookieDeclaration[] | null => {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length > 100) {
    refuse(field, EXPLAINED && 'expected an array of up to 100 cookies');
    return null;
  }
  const cookies: CookieDeclaration[] = [];
  value.forEach((cookie, index) => {
    const at = `${field}[${index}]`;
    if (!isRecord(cookie) || typeof cookie.name !== 'string' || !COOKIE_NAME.test(cookie.name)) {
      refuse(`${at}.name`, EXPLAINED && 'expected a cookie name');
      return;
    }
    cookies.push({
      name: cookie.name,
      purpose: resolveTranslated(`${at}.purpose`, cookie.purpose, refuse) ?? undefined,
      recipient: typeof cookie.recipient === 'string' ? cookie.recipient.slice(0, 200) : undefined,
      country: resolveTranslated(`${at}.country`, cookie.country, refuse) ?? undefined,
    });
  });
  return cookies;
};

/** The built-in categories refined by the site's options, then the site's own categories. */
export const resolveCategories = (value: unknown, refuse: Refuse): CategoryDefinition[] => {
  const categories = defaultCategories();
  if (value === undefined) return categories;
  if (!isRecord(value)) {
    refuse('categories', EXPLAINED && `expected an object, got ${describe(value)}`);
    return categories;
  }
  for (const key of Object.keys(value)) {
    const field = `categories.${key}`;
    const options = value[key];
    if (FORBIDDEN_KEYS.includes(key) || !CATEGORY_KEY.test(key)) {
      refuse(field, EXPLAINED && 'not a valid category key (letters, digits, - and _; at most 32)');
      continue;
    }
    if (!isRecord(options)) {
      refuse(field, EXPLAINED && `expected an object, got ${describe(options)}`);
      continue;
    }
    const existing = categories.find((category) => category.key === key);
    const label = resolveTranslated(`${field}.label`, options.label, refuse);
    const description = resolveTranslated(`${field}.description`, options.description, refuse);
    const cookies = resolveCookies(`${field}.cookies`, options.cookies, refuse);
    const hosts = has(options, 'hosts')
      ? resolveHosts(`${field}.hosts`, options.hosts, refuse)
      : null;
    if (existing) {
      if (label) existing.label = label;
      if (description) existing.description = description;
      if (cookies) existing.cookies = cookies;
      if (hosts) existing.hosts = hosts;
    } else if (!label || !description) {
      refuse(field, EXPLAINED && 'a new category needs a label and a description');
    } else {
      categories.push({
        key,
        required: false,
        label,
        description,
        cookies: cookies ?? [],
        hosts: hosts ?? [],
      });
    }
  }
  return categories;
};

const resolveHosts = (field: string, value: unknown, refuse: Refuse): string[] | null => {
  const ok =
    Array.isArray(value) &&
    value.length <= 100 &&
    value.every((host) => typeof host === 'string' && /^(\*\.)?[a-z0-9.-]{1,253}$/i.test(host));
  if (ok) return (value as string[]).map((host) => host.toLowerCase());
  refuse(field, EXPLAINED && 'expected an array of host names (`example.com` or `*.example.com`)');
  return null;
};
