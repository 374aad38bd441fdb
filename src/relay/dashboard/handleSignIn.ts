import { readBody } from '../readBody';
import { sameToken } from '../sameToken';
import { basePathOf, sameOriginPost, type DashboardRequest } from './dashboardRequest';
import { PAGE_STRINGS, type DashboardLang } from './pageStrings';
import { renderSignIn, type Notice } from './renderPages';
import { htmlResponse } from './securityHeaders';
import { isHttps, sessionCookie } from './sessionCookie';
import { viewQuery } from './viewQuery';
import type { RelayAnswer } from '../jsonAnswer';

/** A sign-in form is a token and two short fields. */
const MAX_FORM_BYTES = 4096;

/** The dashboard's address after sign-in or sign-out, in the language of the form. */
export const dashboardUrl = (base: string, lang: DashboardLang, extra = ''): string => {
  const query = [lang === 'en' ? 'lang=en' : '', extra].filter(Boolean).join('&');
  return `${base}/dashboard${query ? `?${query}` : ''}`;
};

interface SignInPage {
  notice?: Notice;
  headers?: Record<string, string>;
  /** The view to open after sign-in (`viewQuery`); default: the one this request asked for. */
  view?: string;
}

/** The sign-in form (again), with a notice and a fresh CSRF token. */
export const signInPage = async (
  input: DashboardRequest,
  lang: DashboardLang,
  status: number,
  { notice, headers = {}, view = viewQuery(input.url.searchParams) }: SignInPage = {},
): Promise<RelayAnswer> =>
  htmlResponse(
    status,
    renderSignIn({
      lang,
      base: basePathOf(input),
      csrf: await input.dashboard.csrf.forSignIn(),
      notice,
      view,
    }),
    headers,
  );

/** The fields of a posted form, or `null` when the body could not be read. */
export const readForm = async (input: DashboardRequest): Promise<URLSearchParams | null> => {
  const body = await readBody(input.request, MAX_FORM_BYTES, input.state.options.bodyTimeoutMs);
  if (!body.ok) return null;
  return new URLSearchParams(new TextDecoder().decode(body.bytes));
};

const formLang = (form: URLSearchParams | null): DashboardLang =>
  form?.get('lang') === 'en' ? 'en' : 'nl';

/**
 * `POST {basePath}/dashboard/session`: exchanges the stats token (form body) for a session
 * cookie. Checked in this order, so nothing about the token is learnt before the request has
 * passed the origin, the guessing limit and the form's CSRF token.
 */
export const handleSignIn = async (input: DashboardRequest): Promise<RelayAnswer> => {
  const { dashboard } = input;
  const key = input.ip ?? 'unknown';
  if (!sameOriginPost(input)) {
    return signInPage(input, 'nl', 403, {
      notice: { kind: 'error', text: PAGE_STRINGS.nl.staleForm },
    });
  }
  const wait = dashboard.guard.wait(key);
  const form = wait > 0 ? null : await readForm(input);
  const lang = formLang(form);
  const t = PAGE_STRINGS[lang];
  const view = viewQuery(new URLSearchParams(form?.get('view') ?? ''));
  const error = (status: number, text: string, headers?: Record<string, string>) =>
    signInPage(input, lang, status, { notice: { kind: 'error', text }, headers, view });
  if (wait > 0) return error(429, t.tooMany(wait), { 'retry-after': String(wait) });
  if (!form || !(await dashboard.csrf.checkSignIn(form.get('csrf')))) {
    return error(403, t.staleForm);
  }
  const token = form.get('token') ?? '';
  if (!token) return error(400, t.emptyToken);
  if (!sameToken(token, dashboard.token)) {
    dashboard.guard.failed(key);
    return error(401, t.wrongToken);
  }
  const base = basePathOf(input);
  return new Response(null, {
    status: 303,
    headers: {
      location: dashboardUrl(base, lang, view),
      'set-cookie': sessionCookie(
        await dashboard.sessions.issue(),
        base,
        isHttps(input.request, input.url),
      ),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
};
