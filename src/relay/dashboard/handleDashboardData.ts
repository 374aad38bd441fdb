import { handleStats } from '../handleReadout';
import { jsonAnswer, toResponse, type RelayAnswer } from '../jsonAnswer';
import { basePathOf, renewedCookie, sessionOf, type DashboardRequest } from './dashboardRequest';
import { securityHeaders } from './securityHeaders';

/** The query parameters `GET /stats` takes; anything else is not passed on. */
const STATS_PARAMS = ['from', 'to', 'page', 'limit'];

/**
 * `GET {basePath}/dashboard/data?from=&to=&page=&limit=`: exactly what `GET {basePath}/stats`
 * answers for the same query (same validation, same small-number protection), but accepted
 * with the session cookie instead of the bearer token, which the page never holds. 401
 * without a valid session.
 */
export const handleDashboardData = async (input: DashboardRequest): Promise<RelayAnswer> => {
  const session = await sessionOf(input);
  if (!session) {
    return jsonAnswer(401, { error: 'sign in to the dashboard first' }, securityHeaders());
  }
  const statsUrl = new URL(`${basePathOf(input)}/stats`, input.url);
  for (const name of STATS_PARAMS) {
    for (const value of input.url.searchParams.getAll(name))
      statsUrl.searchParams.append(name, value);
  }
  const stats = await handleStats(
    new Request(statsUrl, { headers: { authorization: `Bearer ${input.dashboard.token}` } }),
    statsUrl,
    input.state,
  );
  const answer = toResponse(stats);
  const headers = new Headers(answer.headers);
  for (const [name, value] of Object.entries({
    ...securityHeaders(),
    ...(await renewedCookie(input, session)),
    'cache-control': 'no-store',
  })) {
    headers.set(name, value);
  }
  return new Response(answer.body, { status: answer.status, headers });
};
