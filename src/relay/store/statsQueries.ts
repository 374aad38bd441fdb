import { AUDIENCE_COLUMNS, audienceStatement } from './queries/audienceQueries';
import { consentStatement } from './queries/consentQueries';
import { eventPropsStatement, eventsStatement } from './queries/eventQueries';
import { runtimeStatement, statusesStatement, vitalsStatement } from './queries/performanceQueries';
import type { ResolvedQuery } from './queries/rangeFilter';
import {
  daysStatement,
  entriesStatement,
  exitsStatement,
  pagesStatement,
  pathsStatement,
  referrersStatement,
} from './queries/trafficQueries';
import type { SqlStatement } from './types';

/**
 * Every statistics query of a report, by what it answers: `buildReport` runs them all, the
 * store benchmark times each on its own.
 */
export const STATS_QUERIES = {
  'visits and page views per day': daysStatement,
  'top pages': pagesStatement,
  'entry pages': entriesStatement,
  'exit pages': exitsStatement,
  'click paths': pathsStatement,
  'external referrers': referrersStatement,
  'browser shares': (query: ResolvedQuery) => audienceStatement(AUDIENCE_COLUMNS.browsers, query),
  'OS shares': (query: ResolvedQuery) => audienceStatement(AUDIENCE_COLUMNS.os, query),
  'device shares': (query: ResolvedQuery) => audienceStatement(AUDIENCE_COLUMNS.devices, query),
  'language shares': (query: ResolvedQuery) => audienceStatement(AUDIENCE_COLUMNS.languages, query),
  'status codes per page': statusesStatement,
  'bytes and runtime p50/p75 per page': runtimeStatement,
  'web vitals p75 and ratings per page': vitalsStatement,
  'custom events': eventsStatement,
  'event properties': eventPropsStatement,
  'consent outcomes per day': consentStatement,
} satisfies Record<string, (query: ResolvedQuery) => SqlStatement>;

export type StatsQueryName = keyof typeof STATS_QUERIES;
