/**
 * The daily aggregate tables (migration 3). Every statistics query reads these instead of the
 * hits: a day of a page is a few rows, not thousands of hits. `page` '' is every page together.
 * On SQLite the tables are clustered by their key (`WITHOUT ROWID`): a query reads the rows
 * it sums from the key's b-tree alone, without a lookup per row. `agg_dirty_days` is empty
 * outside a transaction: forget and retention list the days they touch there, and the
 * rebuild recomputes exactly those days.
 */
export const AGGREGATE_TABLES: readonly string[] = [
  // Visits (distinct pseudonyms per day) and hits per dimension, page, day and value.
  `CREATE TABLE agg_visits (
    dim {{text}} NOT NULL,
    page {{text}} NOT NULL,
    day {{text}} NOT NULL,
    value {{text}} NOT NULL,
    visits BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    PRIMARY KEY (dim, page, day, value)
  ) {{clustered}}`,
  'CREATE INDEX agg_visits_day ON agg_visits (day)',
  // Click paths: page views per previous page and page.
  `CREATE TABLE agg_paths (
    day {{text}} NOT NULL,
    prev {{text}} NOT NULL,
    page {{text}} NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (day, prev, page)
  ) {{clustered}}`,
  `CREATE TABLE agg_statuses (
    day {{text}} NOT NULL,
    page {{text}} NOT NULL,
    status INTEGER NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (day, page, status)
  ) {{clustered}}`,
  // Histograms of runtime and web vitals: samples per bucket (valueBucket), the largest value
  // seen in it (the percentile reported), and how many were good or poor. Keyed by bucket before
  // day: the percentiles sum a page's buckets over the days in key order, without a sort.
  `CREATE TABLE agg_values (
    page {{text}} NOT NULL,
    metric {{text}} NOT NULL,
    day {{text}} NOT NULL,
    bucket DOUBLE PRECISION NOT NULL,
    n BIGINT NOT NULL,
    top DOUBLE PRECISION NOT NULL,
    good BIGINT NOT NULL,
    poor BIGINT NOT NULL,
    PRIMARY KEY (page, metric, bucket, day)
  ) {{clustered}}`,
  'CREATE INDEX agg_values_day ON agg_values (day)',
  // Event properties per event name, key and value.
  `CREATE TABLE agg_props (
    page {{text}} NOT NULL,
    day {{text}} NOT NULL,
    name {{text}} NOT NULL,
    prop {{text}} NOT NULL,
    value {{text}} NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (page, day, name, prop, value)
  ) {{clustered}}`,
  'CREATE INDEX agg_props_day ON agg_props (day)',
  `CREATE TABLE agg_consent (
    day {{text}} PRIMARY KEY,
    total BIGINT NOT NULL,
    accept_all BIGINT NOT NULL,
    reject_all BIGINT NOT NULL,
    custom BIGINT NOT NULL,
    objection BIGINT NOT NULL
  )`,
  'CREATE TABLE agg_dirty_days (day {{text}} PRIMARY KEY)',
];

/** Tables the rebuild clears and fills per day (all but the list of days itself). */
export const AGGREGATE_TABLE_NAMES = [
  'agg_visits',
  'agg_paths',
  'agg_statuses',
  'agg_values',
  'agg_props',
  'agg_consent',
] as const;
