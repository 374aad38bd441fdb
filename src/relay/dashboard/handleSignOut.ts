import { basePathOf, sameOriginPost, sessionOf, type DashboardRequest } from './dashboardRequest';
import { dashboardUrl, readForm, signInPage } from './handleSignIn';
import { PAGE_STRINGS } from './pageStrings';
import { clearedSessionCookie, isHttps } from './sessionCookie';
import type { RelayAnswer } from '../jsonAnswer';

/**
 * `POST {basePath}/dashboard/signout`: ends the session (in this instance even if its cookie
 * were replayed) and removes the cookie. Its form carries the session's CSRF token.
 */
export const handleSignOut = async (input: DashboardRequest): Promise<RelayAnswer> => {
  const form = sameOriginPost(input) ? await readForm(input) : null;
  const lang = form?.get('lang') === 'en' ? 'en' : 'nl';
  const session = await sessionOf(input);
  const valid =
    form !== null &&
    (!session || (await input.dashboard.csrf.checkSession(session, form.get('csrf'))));
  if (!valid) {
    return signInPage(input, lang, 403, {
      notice: { kind: 'error', text: PAGE_STRINGS[lang].staleForm },
    });
  }
  if (session) input.dashboard.sessions.revoke(session);
  const base = basePathOf(input);
  return new Response(null, {
    status: 303,
    headers: {
      location: dashboardUrl(base, lang, 'signedout=1'),
      'set-cookie': clearedSessionCookie(base, isHttps(input.request, input.url)),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
};
