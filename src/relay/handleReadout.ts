import { computeStats } from './computeStats';
import { jsonAnswer, type RelayAnswer } from './jsonAnswer';
import { readStatsQuery } from './readStatsQuery';
import type { RelayState } from './relayState';
import { sameToken } from './sameToken';
import { storageUnavailable } from './storeRecords';
import type { RelayRequest } from './relayRequest';

/** Records `GET /records` returns by default and at most. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

const authorised = (request: RelayRequest, state: RelayState): boolean => {
  const token = state.options.statsToken;
  const header = request.headers.get('authorization') ?? '';
  return !!token && header.startsWith('Bearer ') && sameToken(header.slice(7), token);
};

/**
 * `GET /stats?from=&to=&page=&limit=`: the statistics report (`StatsReport`) of the first sink
 * that is a statistics store. A relay without one (only the memory ring or the NDJSON log)
 * answers the earlier summary (`RelayStats`: pageviews, visits, pages, paths, vitals), computed by
 * reading every record it holds, whatever the range.
 */
export const handleStats = async (
  request: RelayRequest,
  url: URL,
  state: RelayState,
): Promise<RelayAnswer> => {
  if (!state.options.statsToken) return jsonAnswer(404, { error: 'stats are not enabled' });
  if (!authorised(request, state)) {
    return jsonAnswer(401, { error: 'bearer token required' }, { 'www-authenticate': 'Bearer' });
  }
  const query = readStatsQuery(url, state.options.now());
  if (!query.ok) return jsonAnswer(400, { error: query.error, field: query.field });
  const store = state.options.sinks.find((candidate) => candidate.report);
  if (store?.report) {
    try {
      return jsonAnswer(200, await store.report(query.value));
    } catch {
      state.options.log(`zorgvuldig relay: the ${store.name} store failed to answer /stats`);
      return storageUnavailable({});
    }
  }
  const sink = state.options.sinks.find((candidate) => candidate.scan);
  if (!sink?.scan) return jsonAnswer(404, { error: 'no sink can be read for stats' });
  return jsonAnswer(200, await computeStats(sink.scan()));
};

/** `GET /records?limit=N`: the last stored records as JSON, for the QA demo. */
export const handleRecords = async (
  request: RelayRequest,
  url: URL,
  state: RelayState,
): Promise<RelayAnswer> => {
  if (!state.options.exposeRecords) {
    if (!state.options.statsToken) return jsonAnswer(404, { error: 'records are not exposed' });
    if (!authorised(request, state)) {
      return jsonAnswer(401, { error: 'bearer token required' }, { 'www-authenticate': 'Bearer' });
    }
  }
  const asked = Number(url.searchParams.get('limit') ?? DEFAULT_LIMIT);
  const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, MAX_LIMIT) : DEFAULT_LIMIT;
  const sink = state.options.sinks.find((candidate) => candidate.recent);
  try {
    return jsonAnswer(200, { records: sink?.recent ? await sink.recent(limit) : [] });
  } catch {
    state.options.log(`zorgvuldig relay: the ${sink?.name} sink failed to answer /records`);
    return storageUnavailable({});
  }
};
