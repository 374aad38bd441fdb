import type { Protection } from './createProtection';
import type { ValueRow } from './queries/audienceQueries';
import type { ConsentRow } from './queries/consentQueries';
import type { EventRow, PropRow } from './queries/eventQueries';
import type { PercentileRow, StatusRow } from './queries/performanceQueries';
import type { ResolvedQuery } from './queries/rangeFilter';
import type { DayRow, PageCountRow, PathRow } from './queries/trafficQueries';
import { STATS_QUERIES, type StatsQueryName } from './statsQueries';
import type { Share, SqlDriver, StatsReport } from './types';
import type { VitalMetric } from './vitalsThresholds';

const MS_PER_DAY = 864e5;

/** Every day from `from` to `to`, inclusive. */
const daysOf = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += MS_PER_DAY)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
};

const num = (value: unknown): number => Number(value ?? 0);
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * Runs every statistics query for one range and assembles the report. Every count, share and
 * percentile passes through `protect`; no query selects a pseudonym.
 */
export const buildReport = async (
  driver: SqlDriver,
  query: ResolvedQuery,
  protect: Protection,
): Promise<StatsReport> => {
  const run = <Row>(name: StatsQueryName) => driver.all<Row>(STATS_QUERIES[name](query));
  const [days, pages, entries, exits, paths, referrers, statuses, runtime, vitals] =
    await Promise.all([
      run<DayRow>('visits and page views per day'),
      run<ValueRow>('top pages'),
      run<PageCountRow>('entry pages'),
      run<PageCountRow>('exit pages'),
      run<PathRow>('click paths'),
      run<ValueRow>('external referrers'),
      run<StatusRow>('status codes per page'),
      run<PercentileRow>('bytes and runtime p50/p75 per page'),
      run<PercentileRow>('web vitals p75 and ratings per page'),
    ]);
  const [browsers, os, devices, languages, events, props, consent] = await Promise.all([
    run<ValueRow>('browser shares'),
    run<ValueRow>('OS shares'),
    run<ValueRow>('device shares'),
    run<ValueRow>('language shares'),
    run<EventRow>('custom events'),
    run<PropRow>('event properties'),
    run<ConsentRow>('consent outcomes per day'),
  ]);

  const byDay = new Map(days.map((row) => [String(row.day), row]));
  const totalVisits = days.reduce((sum, row) => sum + num(row.visits), 0);
  const totalViews = days.reduce((sum, row) => sum + num(row.pageviews), 0);
  const share = (rows: ValueRow[]): Share[] =>
    rows.map((row) => ({
      value: String(row.value),
      visits: protect.count(num(row.visits)),
      share: protect.share(num(row.visits), totalVisits),
    }));

  // Runtime rows come one per page and measure; the report has one entry per page.
  const runtimeByPage = new Map<string, Map<string, PercentileRow>>();
  for (const row of runtime) {
    const page = String(row.page);
    const measures = runtimeByPage.get(page) ?? new Map<string, PercentileRow>();
    measures.set(String(row.metric), row);
    runtimeByPage.set(page, measures);
  }
  const percentiles = (row: PercentileRow | undefined) =>
    protect.percentiles(numOrNull(row?.p50), numOrNull(row?.p75), num(row?.samples));

  const consentByDay = new Map(consent.map((row) => [String(row.day), row]));
  const range = daysOf(query.from, query.to);
  return {
    range: { from: query.from, to: query.to, page: query.page },
    threshold: protect.threshold,
    totals: { visits: protect.count(totalVisits), pageviews: protect.count(totalViews) },
    days: range.map((day) => ({
      day,
      visits: protect.count(num(byDay.get(day)?.visits)),
      pageviews: protect.count(num(byDay.get(day)?.pageviews)),
    })),
    pages: pages.map((row) => ({
      page: String(row.value),
      views: protect.count(num(row.hits)),
      visits: protect.count(num(row.visits)),
    })),
    entries: entries.map((row) => ({
      page: String(row.page),
      visits: protect.count(num(row.visits)),
    })),
    exits: exits.map((row) => ({ page: String(row.page), visits: protect.count(num(row.visits)) })),
    paths: paths.map((row) => ({
      from: String(row.from_page),
      to: String(row.to_page),
      count: protect.count(num(row.n)),
    })),
    referrers: referrers.map((row) => ({
      origin: String(row.value),
      visits: protect.count(num(row.visits)),
    })),
    browsers: share(browsers),
    os: share(os),
    devices: share(devices),
    languages: share(languages),
    statuses: statuses.map((row) => ({
      page: String(row.page),
      status: num(row.status),
      views: protect.count(num(row.views)),
    })),
    runtime: [...runtimeByPage].map(([page, measures]) => ({
      page,
      // A page's samples: its page views that measured anything (the most of its measures).
      samples: protect.count(Math.max(...[...measures.values()].map((row) => num(row.samples)))),
      ttfb: percentiles(measures.get('ttfb')),
      load: percentiles(measures.get('load')),
      transfer: percentiles(measures.get('transfer')),
    })),
    vitals: vitals.map((row) => {
      const samples = num(row.samples);
      const good = num(row.good);
      const poor = num(row.poor);
      return {
        page: String(row.page),
        metric: String(row.metric) as VitalMetric,
        samples: protect.count(samples),
        p75: protect.figure(numOrNull(row.p75), samples),
        good: protect.share(good, samples),
        needsImprovement: protect.share(samples - good - poor, samples),
        poor: protect.share(poor, samples),
      };
    }),
    events: events.map((row) => ({
      name: String(row.name),
      count: protect.count(num(row.events)),
      visits: protect.count(num(row.visits)),
      props: props
        .filter((prop) => String(prop.name) === String(row.name))
        .map((prop) => ({
          key: String(prop.prop),
          value: String(prop.value),
          count: protect.count(num(prop.n)),
        })),
    })),
    consent: range.map((day) => {
      const row = consentByDay.get(day);
      return {
        day,
        total: protect.count(num(row?.total)),
        acceptAll: protect.count(num(row?.accept_all)),
        rejectAll: protect.count(num(row?.reject_all)),
        custom: protect.count(num(row?.custom)),
        objection: protect.count(num(row?.objection)),
      };
    }),
  };
};
