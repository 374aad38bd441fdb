import { jsonAnswer, type RelayAnswer } from '../jsonAnswer';
import type { Dashboard } from './createDashboard';
import {
  basePathOf,
  langOfRequest,
  renewedCookie,
  sessionOf,
  type DashboardRequest,
} from './dashboardRequest';
import { handleDashboardData } from './handleDashboardData';
import { handleSignIn, signInPage } from './handleSignIn';
import { handleSignOut } from './handleSignOut';
import { langOf, PAGE_STRINGS } from './pageStrings';
import { renderDashboard, renderNotEnabled } from './renderPages';
import { htmlResponse } from './securityHeaders';
import { serveAsset } from './serveAsset';

const ASSETS = '/assets/';

/** `GET {basePath}/dashboard`: the dashboard for a session, else the sign-in form. */
const handlePage = async (input: DashboardRequest): Promise<RelayAnswer> => {
  const lang = langOfRequest(input);
  const session = await sessionOf(input);
  if (!session) {
    const signedOut = input.url.searchParams.get('signedout') === '1';
    return signInPage(input, lang, 200, {
      notice: signedOut ? { kind: 'info', text: PAGE_STRINGS[lang].signedOut } : undefined,
    });
  }
  const csrf = await input.dashboard.csrf.forSession(session);
  return htmlResponse(
    200,
    renderDashboard(lang, basePathOf(input), csrf),
    await renewedCookie(input, session),
  );
};

const methodNotAllowed = (allow: string) => jsonAnswer(405, { error: `use ${allow}` }, { allow });

/** What the relay hands the dashboard: the request and, with a stats token, its shared state. */
export type DashboardRoute = Omit<DashboardRequest, 'route' | 'method' | 'dashboard'> & {
  /** The path after the base path (`/dashboard`, `/dashboard/data`, …). */
  route: string;
  dashboard: Dashboard | null;
};

/**
 * Every route under `{basePath}/dashboard`. Without a stats token the dashboard is off: its
 * page says so and its other URLs answer 404, like `GET /stats`.
 */
export const handleDashboard = ({
  dashboard,
  ...route
}: DashboardRoute): Promise<RelayAnswer> | RelayAnswer => {
  const method = route.request.method.toUpperCase();
  const sub = route.route.slice('/dashboard'.length);
  if (sub.startsWith(ASSETS)) {
    return method === 'GET' ? serveAsset(sub.slice(ASSETS.length)) : methodNotAllowed('GET');
  }
  if (!dashboard) {
    if (sub === '' && method === 'GET') {
      return htmlResponse(404, renderNotEnabled(langOf(route.url), route.state.options.basePath));
    }
    return jsonAnswer(404, { error: 'the dashboard is not enabled' });
  }
  const input: DashboardRequest = { ...route, route: sub, method, dashboard };
  switch (sub) {
    case '':
      return method === 'GET' ? handlePage(input) : methodNotAllowed('GET');
    case '/session':
      return method === 'POST' ? handleSignIn(input) : methodNotAllowed('POST');
    case '/signout':
      return method === 'POST' ? handleSignOut(input) : methodNotAllowed('POST');
    case '/data':
      return method === 'GET' ? handleDashboardData(input) : methodNotAllowed('GET');
    default:
      return jsonAnswer(404, { error: 'not found' });
  }
};
