import { randomBase64Url } from './base64Url';
import type { Signer } from './createSigner';
import type { DashboardSession } from './createSessions';

/** How long a sign-in form may be left open before it must be reloaded. */
export const SIGN_IN_FORM_MS = 2 * 60 * 60_000;
const NONCE_BYTES = 12;

/**
 * CSRF tokens for the dashboard's forms, on top of `SameSite=Strict` and the Origin check.
 * The sign-out form's token is the MAC of the session id, which only a page of this relay can
 * show (the cookie is `HttpOnly`, the page is not readable cross-origin). The sign-in form has
 * no session yet: its token is a signed, time-limited nonce, proving the form came from this
 * relay recently without a second cookie.
 */
export const createCsrf = (signer: Signer, now: () => number) => ({
  forSession: (session: DashboardSession): Promise<string> => signer.sign(`csrf|${session.nonce}`),

  checkSession: (session: DashboardSession, token: string | null): Promise<boolean> =>
    token ? signer.verify(`csrf|${session.nonce}`, token) : Promise.resolve(false),

  forSignIn: async (): Promise<string> => {
    const issued = now();
    const nonce = randomBase64Url(NONCE_BYTES);
    return `${issued}.${nonce}.${await signer.sign(`signin|${issued}|${nonce}`)}`;
  },

  checkSignIn: async (token: string | null): Promise<boolean> => {
    const [issuedText, nonce, mac, extra] = (token ?? '').split('.');
    if (extra !== undefined || !mac || !/^\d{1,15}$/.test(issuedText)) return false;
    const issued = Number(issuedText);
    const age = now() - issued;
    if (age < 0 || age > SIGN_IN_FORM_MS) return false;
    return signer.verify(`signin|${issued}|${nonce}`, mac);
  },
});

export type Csrf = ReturnType<typeof createCsrf>;
