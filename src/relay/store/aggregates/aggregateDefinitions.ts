/**
 * What the daily aggregate tables hold, defined once: the insert triggers add to them row by
 * row and the rebuild recomputes them for whole days with GROUP BY, both from these
 * definitions, so the two cannot drift apart. An expression is a function of the row prefix
 * (`NEW.` in a trigger, `o.` for the other hits of a visit, `` in a plain query).
 */
import { VITALS_THRESHOLDS } from '../vitalsThresholds';

type Expr = (row: string) => string;

/** A dimension of `agg_visits`: visits (distinct pseudonyms per day) and hits per value. */
export interface VisitDimension {
  dim: string;
  /** Which hits count. */
  where: Expr;
  /** The value counted; `null` for a dimension with one value per page (stored as ''). */
  value: Expr | null;
  /** What a hit adds to `hits`. */
  hits: Expr;
  /** `all`: one row for every page together (page ''), `each`: one per page, or both. */
  scopes: readonly ('all' | 'each')[];
  /** `false`: `visits` counts hits too (entries: every page view without `prev` is one). */
  distinct: boolean;
}

const pageview: Expr = (r) => `${r}type = 'pageview'`;
const one: Expr = () => '1';
const column =
  (name: string): Expr =>
  (r) =>
    `${r}${name}`;
const viewWith =
  (name: string): Expr =>
  (r) =>
    `${pageview(r)} AND ${r}${name} IS NOT NULL`;
const both = ['all', 'each'] as const;

export const VISIT_DIMENSIONS: readonly VisitDimension[] = [
  // Visits by any hit, page views: the report's days and totals.
  {
    dim: 'visit',
    where: () => '1 = 1',
    value: null,
    hits: (r) => `CASE WHEN ${pageview(r)} THEN 1 ELSE 0 END`,
    scopes: both,
    distinct: true,
  },
  { dim: 'page', where: pageview, value: null, hits: one, scopes: ['each'], distinct: true },
  {
    dim: 'entry',
    where: (r) => `${pageview(r)} AND ${r}prev IS NULL`,
    value: null,
    hits: one,
    scopes: ['each'],
    distinct: false,
  },
  ...(['ref', 'browser', 'os', 'device', 'lang'] as const).map((name) => ({
    dim: name,
    where: viewWith(name),
    value: column(name),
    hits: one,
    scopes: both,
    distinct: true,
  })),
  {
    dim: 'event',
    where: (r) => `${r}type = 'event'`,
    value: (r) => `COALESCE(${r}name, '')`,
    hits: one,
    scopes: both,
    distinct: true,
  },
];

/** A measure of `agg_values`: a histogram per day, page and bucket. */
export interface ValueMetric {
  /** Name in `agg_values.metric`. */
  metric: string;
  column: string;
  /** Only page views (runtime), or every hit (web vitals). */
  pageviewsOnly: boolean;
  thresholds?: readonly [number, number];
}

/** Runtime measures are prefixed `pageview.`: they are read from page views only. */
export const RUNTIME_METRIC_PREFIX = 'pageview.';

export const VALUE_METRICS: readonly ValueMetric[] = [
  ...['ttfb', 'load', 'transfer'].map((name) => ({
    metric: `${RUNTIME_METRIC_PREFIX}${name}`,
    column: name,
    pageviewsOnly: true,
  })),
  ...Object.entries(VITALS_THRESHOLDS).map(([name, thresholds]) => ({
    metric: name,
    column: name,
    pageviewsOnly: false,
    thresholds,
  })),
];

export const metricWhere = (metric: ValueMetric, r: string): string =>
  `${metric.pageviewsOnly ? `${pageview(r)} AND ` : ''}${r}${metric.column} IS NOT NULL`;

/** 1 when the value is good / poor by web-vitals' thresholds, else 0 (and 0 without thresholds). */
export const ratingOf = (metric: ValueMetric, value: string, which: 0 | 1): string =>
  metric.thresholds
    ? `CASE WHEN ${value} ${which === 0 ? '<=' : '>'} ${metric.thresholds[which]} THEN 1 ELSE 0 END`
    : '0';
