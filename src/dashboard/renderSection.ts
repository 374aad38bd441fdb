import { h } from '../lib/h';
import type { DateRange } from './dateRange';
import { downloadCsv } from './downloadCsv';
import { lineChart } from './lineChart';
import type { Section } from './sections';
import type { DashboardStrings } from './strings';
import { toCsv } from './toCsv';

const renderTable = (section: Section, t: DashboardStrings): HTMLElement => {
  if (section.rows.length === 0) return h('p', { class: 'empty' }, t.empty);
  const head = h(
    'tr',
    {},
    ...section.columns.map((column, i) =>
      h('th', { scope: 'col', class: section.rows[0]?.[i]?.numeric ? 'num' : false }, column),
    ),
  );
  const body = section.rows.map((row) =>
    h(
      'tr',
      {},
      ...row.map((cell) =>
        h(
          'td',
          { class: [cell.numeric ? 'num' : '', cell.className ?? ''].join(' ').trim() || false },
          cell.text,
        ),
      ),
    ),
  );
  // A wide table scrolls inside its own region, reachable and scrollable by keyboard.
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': section.title },
    h(
      'table',
      { id: `table-${section.key}` },
      h('caption', { class: 'visually-hidden' }, section.title),
      h('thead', {}, head),
      h('tbody', {}, ...body),
    ),
  );
};

const chartSummary = (section: Section, t: DashboardStrings, formatY: (v: number) => string) => {
  const chart = section.chart!;
  let best: { value: number; label: string } | null = null;
  for (const series of chart.series) {
    series.values.forEach((value, i) => {
      if (value !== null && (!best || value > best.value)) best = { value, label: chart.labels[i] };
    });
  }
  const top = best as { value: number; label: string } | null;
  return top
    ? t.chartSummary(section.title, formatY(top.value), top.label)
    : t.chartEmpty(section.title);
};

/** One view: heading, one-line explanation, the chart (if any), the table and its CSV download. */
export const renderSection = (
  section: Section,
  range: DateRange,
  t: DashboardStrings,
  formatY: { count(v: number): string; percent(v: number): string },
): HTMLElement => {
  const headingId = `heading-${section.key}`;
  const element = h(
    'section',
    {
      // Charts and tables of more than three columns take the whole width; the rest pair up.
      class: section.chart || section.columns.length > 3 ? 'view view-wide' : 'view',
      id: `view-${section.key}`,
      'aria-labelledby': headingId,
    },
    h('h2', { id: headingId }, section.title),
    h('p', { class: 'explanation' }, section.explanation),
  );
  if (section.chart) {
    const format = section.chart.unit === 'percent' ? formatY.percent : formatY.count;
    element.append(
      lineChart({
        labels: section.chart.labels,
        series: section.chart.series,
        summary: chartSummary(section, t, format),
        formatY: format,
        integer: section.chart.unit !== 'percent',
      }),
    );
  }
  element.append(renderTable(section, t));
  if (section.rows.length > 0) {
    const button = h(
      'button',
      { type: 'button', class: 'csv', 'aria-label': t.csvLabel(section.title) },
      t.csv,
    );
    button.addEventListener('click', () =>
      downloadCsv(
        `zorgvuldig-${section.key}-${range.from}-${range.to}.csv`,
        toCsv(
          section.columns,
          section.rows.map((row) => row.map((cell) => cell.text)),
        ),
      ),
    );
    element.append(h('p', { class: 'actions' }, button));
  }
  return element;
};
