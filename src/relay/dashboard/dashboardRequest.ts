import type { RelayState } from '../relayState';
import type { Dashboard } from './createDashboard';
import type { DashboardSession } from './createSessions';
import { langOf, type DashboardLang } from './pageStrings';
import { isHttps, readSessionCookie, sessionCookie } from './sessionCookie';
import type { RelayRequest } from '../relayRequest';

/** One request to a dashboard route, with what every route needs. */
export interface DashboardRequest {
  request: RelayRequest;
  url: URL;
  /** The path after `{basePath}/dashboard` (`''`, `/session`, `/data`, …). */
  route: string;
  method: string;
  /** The truncated client address (the sign-in guard's key), `null` when unknown. */
  ip: string | null;
  state: RelayState;
  dashboard: Dashboard;
}

export const basePathOf = (input: DashboardRequest) => input.state.options.basePath;

export const langOfRequest = (input: DashboardRequest): DashboardLang => langOf(input.url);

/** The session the request's cookie stands for, or `null`. */
export const sessionOf = (input: DashboardRequest): Promise<DashboardSession | null> =>
  input.dashboard.sessions.read(readSessionCookie(input.request.headers.get('cookie')));

/** A `Set-Cookie` header with a renewed idle deadline, when the session is due for one. */
export const renewedCookie = async (
  input: DashboardRequest,
  session: DashboardSession,
): Promise<Record<string, string>> => {
  const value = await input.dashboard.sessions.renew(session);
  return value
    ? { 'set-cookie': sessionCookie(value, basePathOf(input), isHttps(input.request, input.url)) }
    : {};
};

/**
 * Whether a form post comes from a page of this relay. `Origin` must be the relay's own
 * origin, or one of `allowedOrigins` named exactly (a site that proxies the relay under its
 * own host); `'*'` never counts here. The dashboard's pages send `Referrer-Policy:
 * no-referrer`, under which browsers post their forms with `Origin: null`: then the browser's
 * own `Sec-Fetch-Site` (a header no page can set) must say `same-origin`. No `Origin` at all
 * is not a browser, so not a cross-site request forgery.
 */
export const sameOriginPost = (input: DashboardRequest): boolean => {
  const origin = input.request.headers.get('origin');
  if (origin === null) return true;
  if (origin === 'null') return input.request.headers.get('sec-fetch-site') === 'same-origin';
  return origin === input.url.origin || input.state.options.allowedOrigins.includes(origin);
};
