import { computeStats } from './computeStats';
import { jsonResponse } from './jsonResponse';
import type { RelayState } from './relayState';
import { sameToken } from './sameToken';

/** Records `GET /records` returns by default and at most. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

const authorised = (request: Request, state: RelayState): boolean => {
  const token = state.options.statsToken;
  const header = request.headers.get('authorization') ?? '';
  return !!token && header.startsWith('Bearer ') && sameToken(header.slice(7), token);
};

/** `GET /stats`: top pages, click paths and web-vitals p75, from the first sink that can scan. */
export const handleStats = async (request: Request, state: RelayState): Promise<Response> => {
  if (!state.options.statsToken) return jsonResponse(404, { error: 'stats are not enabled' });
  if (!authorised(request, state)) {
    return jsonResponse(401, { error: 'bearer token required' }, { 'www-authenticate': 'Bearer' });
  }
  const sink = state.options.sinks.find((candidate) => candidate.scan);
  if (!sink?.scan) return jsonResponse(404, { error: 'no sink can be read for stats' });
  return jsonResponse(200, await computeStats(sink.scan()));
};

/** `GET /records?limit=N`: the last stored records as JSON, for the QA demo. */
export const handleRecords = async (
  request: Request,
  url: URL,
  state: RelayState,
): Promise<Response> => {
  if (!state.options.exposeRecords) {
    if (!state.options.statsToken) return jsonResponse(404, { error: 'records are not exposed' });
    if (!authorised(request, state)) {
      return jsonResponse(
        401,
        { error: 'bearer token required' },
        { 'www-authenticate': 'Bearer' },
      );
    }
  }
  const asked = Number(url.searchParams.get('limit') ?? DEFAULT_LIMIT);
  const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_LIMIT) : DEFAULT_LIMIT;
  const sink = state.options.sinks.find((candidate) => candidate.recent);
  const records = sink?.recent ? await sink.recent(limit) : [];
  return jsonResponse(200, { records });
};
