import { pageOfUrl } from './pageOfUrl';
import type { StoredHit, StoredRecord } from './types';

/** Distinct pages / paths counted at most, so a flood of unique URLs cannot exhaust memory. */
const MAX_KEYS = 10_000;
/** Samples kept per page and metric for the p75 (first come; enough for a stable figure). */
const MAX_SAMPLES = 2_000;
const TOP = 20;
const METRICS = ['ttfb', 'fcp', 'lcp', 'cls', 'inp'] as const;
const P75 = 0.75;

/** What `GET /stats` returns. */
export interface RelayStats {
  /** Page views counted. */
  pageviews: number;
  /** Distinct pseudonyms seen (visits). */
  visits: number;
  /** Most viewed pages (path and allow-listed query), most first. */
  pages: { page: string; views: number }[];
  /** Click paths: previous in-site path → next page, most first. */
  paths: { from: string; to: string; count: number }[];
  /** 75th percentile of each web vital per page (ms; CLS unitless), with the sample count. */
  vitals: { page: string; samples: number; [metric: string]: number | string | undefined }[];
}

const bump = (map: Map<string, number>, key: string) => {
  if (map.has(key) || map.size < MAX_KEYS) map.set(key, (map.get(key) ?? 0) + 1);
};

const percentile = (values: number[], p: number): number => {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
};

const top = <T>(map: Map<string, number>, make: (key: string, n: number) => T): T[] =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([key, n]) => make(key, n));

/** Top pages, click paths and web-vitals p75 per page, in one pass over the store. */
export const computeStats = async (records: AsyncIterable<StoredRecord>): Promise<RelayStats> => {
  const pages = new Map<string, number>();
  const paths = new Map<string, number>();
  const samples = new Map<string, Map<string, number[]>>();
  const visits = new Set<string>();
  let pageviews = 0;
  for await (const record of records) {
    if (record.type === 'consent') continue;
    const hit = record as StoredHit;
    const page = pageOfUrl(hit.url);
    if (visits.size < MAX_KEYS * 10) visits.add(hit.sid);
    if (hit.type === 'pageview') {
      pageviews++;
      bump(pages, page);
      if (hit.prev) bump(paths, `${hit.prev}\n${page}`);
    }
    if (!hit.timing) continue;
    let perPage = samples.get(page);
    if (!perPage) {
      if (samples.size >= MAX_KEYS) continue;
      samples.set(page, (perPage = new Map()));
    }
    for (const metric of METRICS) {
      const value = hit.timing[metric];
      if (value === undefined) continue;
      const list = perPage.get(metric) ?? [];
      if (list.length < MAX_SAMPLES) list.push(value);
      perPage.set(metric, list);
    }
  }
  const vitals = [...samples].map(([page, metrics]) => {
    const row: RelayStats['vitals'][number] = { page, samples: 0 };
    for (const [metric, values] of metrics) {
      row[metric] = percentile(values, P75);
      row.samples = Math.max(row.samples, values.length);
    }
    return row;
  });
  vitals.sort((a, b) => b.samples - a.samples);
  return {
    pageviews,
    visits: visits.size,
    pages: top(pages, (page, views) => ({ page, views })),
    paths: top(paths, (key, count) => {
      const [from, to] = key.split('\n');
      return { from, to, count };
    }),
    vitals: vitals.slice(0, TOP),
  };
};
