import type { Count, Percentiles, Share, StatsReport } from '../relay/store/types';
import type { Format } from './format';
import { plotted } from './format';
import { rateVital } from './rateVital';
import type { DashboardStrings, SectionKey } from './strings';

/** One table cell: its text (also what the CSV holds) and how to show it. */
export interface Cell {
  text: string;
  numeric?: boolean;
  /** A class for a cell that carries a state (`rating-poor`, `status-error`); text says it too. */
  className?: string;
}

/** A line chart's series: one value per label, `null` where the count is hidden. */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/** One view of the report: a table, and for series over days a line chart of the same numbers. */
export interface Section {
  key: SectionKey;
  title: string;
  explanation: string;
  columns: string[];
  rows: Cell[][];
  chart?: { labels: string[]; series: ChartSeries[]; unit?: 'percent' };
}

const HTTP_ERROR = 400;

const ratio = (part: Count, total: Count): number | null =>
  typeof part === 'number' && typeof total === 'number' && total > 0 ? part / total : null;

/** Builds every section from a report, in the order the dashboard shows them. */
export const buildSections = (report: StatsReport, t: DashboardStrings, f: Format): Section[] => {
  const c = t.columns;
  const text = (value: string): Cell => ({ text: value });
  const count = (value: Count): Cell => ({ text: f.count(value), numeric: true });
  const num = (value: string): Cell => ({ text: value, numeric: true });
  const pair = (p: Percentiles, show: (v: number | null) => string) =>
    num(`${show(p.p50)} / ${show(p.p75)}`);
  const section = (key: SectionKey, columns: string[], rows: Cell[][]): Section => ({
    key,
    title: t.sections[key][0],
    explanation: t.sections[key][1],
    columns,
    rows,
  });
  const shares = (key: SectionKey, list: Share[]) =>
    section(
      key,
      [c.value, c.visits, c.share],
      list.map((row) => [text(row.value), count(row.visits), num(f.share(row.share))]),
    );
  const countWithShare = (part: Count, total: Count): Cell =>
    num(`${f.count(part)} (${f.share(ratio(part, total))})`);

  return [
    {
      ...section(
        'days',
        [c.day, t.visits, t.pageviews],
        report.days.map((d) => [text(d.day), count(d.visits), count(d.pageviews)]),
      ),
      chart: {
        labels: report.days.map((d) => d.day),
        series: [
          { label: t.visits, values: report.days.map((d) => plotted(d.visits)) },
          { label: t.pageviews, values: report.days.map((d) => plotted(d.pageviews)) },
        ],
      },
    },
    section(
      'pages',
      [c.page, c.views, c.visits],
      report.pages.map((p) => [text(p.page), count(p.views), count(p.visits)]),
    ),
    section(
      'entries',
      [c.page, c.visits],
      report.entries.map((p) => [text(p.page), count(p.visits)]),
    ),
    section(
      'exits',
      [c.page, c.visits],
      report.exits.map((p) => [text(p.page), count(p.visits)]),
    ),
    section(
      'paths',
      [c.from, c.to, c.count],
      report.paths.map((p) => [text(p.from), text(`→ ${p.to}`), count(p.count)]),
    ),
    section(
      'referrers',
      [c.origin, c.visits],
      report.referrers.map((r) => [text(r.origin), count(r.visits)]),
    ),
    shares('browsers', report.browsers),
    shares('os', report.os),
    shares('devices', report.devices),
    shares('languages', report.languages),
    section(
      'statuses',
      [c.page, c.status, c.views],
      report.statuses.map((s) => [
        text(s.page),
        s.status >= HTTP_ERROR
          ? { text: String(s.status), numeric: true, className: 'status-error' }
          : num(String(s.status)),
        count(s.views),
      ]),
    ),
    section(
      'runtime',
      [c.page, c.samples, c.ttfb, c.load, c.transfer],
      report.runtime.map((r) => [
        text(r.page),
        count(r.samples),
        pair(r.ttfb, f.ms),
        pair(r.load, f.ms),
        pair(r.transfer, f.bytes),
      ]),
    ),
    section(
      'vitals',
      [c.page, c.metric, c.samples, c.p75, c.rating, c.good, c.needsImprovement, c.poor],
      report.vitals.map((v) => {
        const rating = rateVital(v.metric, v.p75);
        return [
          text(v.page),
          text(t.metrics[v.metric]),
          count(v.samples),
          num(v.metric === 'cls' ? f.decimal(v.p75) : f.ms(v.p75)),
          rating ? { text: c[rating], className: `rating rating-${rating}` } : text('–'),
          num(f.share(v.good)),
          num(f.share(v.needsImprovement)),
          num(f.share(v.poor)),
        ];
      }),
    ),
    section(
      'events',
      [c.event, c.count, c.visits, c.props],
      report.events.map((e) => [
        text(e.name),
        count(e.count),
        count(e.visits),
        text(e.props.map((p) => `${p.key}=${p.value} (${f.count(p.count)})`).join('; ')),
      ]),
    ),
    {
      ...section(
        'consent',
        [c.day, c.total, c.acceptAll, c.rejectAll, c.custom, c.objection],
        report.consent.map((d) => [
          text(d.day),
          count(d.total),
          countWithShare(d.acceptAll, d.total),
          countWithShare(d.rejectAll, d.total),
          countWithShare(d.custom, d.total),
          countWithShare(d.objection, d.total),
        ]),
      ),
      chart: {
        unit: 'percent',
        labels: report.consent.map((d) => d.day),
        series: (['acceptAll', 'rejectAll', 'custom', 'objection'] as const).map((key) => ({
          label: c[key],
          values: report.consent.map((d) => ratio(d[key], d.total)),
        })),
      },
    },
  ];
};
