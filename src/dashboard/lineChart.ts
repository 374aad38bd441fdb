import { h } from '../lib/h';
import type { ChartSeries } from './sections';
import { svg } from './svg';

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 36, left: 56 };
/** Each series differs by dash pattern and marker shape as well as colour (WCAG 1.4.1). */
const DASHES = ['none', '8 4', '2 4', '10 4 2 4'];

const marker = (index: number, x: number, y: number): SVGElement => {
  const r = 4;
  const cls = `marker series-${index}`;
  switch (index % 4) {
    case 0:
      return svg('circle', { class: cls, cx: x, cy: y, r });
    case 1:
      return svg('rect', { class: cls, x: x - r, y: y - r, width: 2 * r, height: 2 * r });
    case 2:
      return svg('path', {
        class: cls,
        d: `M${x},${y - r - 1}L${x + r + 1},${y + r}L${x - r - 1},${y + r}Z`,
      });
    default:
      return svg('path', {
        class: cls,
        d: `M${x},${y - r - 1}L${x + r + 1},${y}L${x},${y + r + 1}L${x - r - 1},${y}Z`,
      });
  }
};

/**
 * A round top for the y axis (1, 2 or 5 times a power of ten) and a tick count that gives round
 * steps (fifths of 1 and 5, quarters of 2); counts below 5 get one tick per whole number.
 */
const axisOf = (max: number, integer: boolean): { top: number; ticks: number } => {
  if (max <= 0) return { top: 1, ticks: 1 };
  const power = 10 ** Math.floor(Math.log10(max));
  const lead = [1, 2, 5, 10].find((step) => step * power >= max) ?? 10;
  const top = lead * power;
  if (integer && top < 5) return { top: Math.ceil(max), ticks: Math.ceil(max) };
  return { top, ticks: lead === 2 ? 4 : 5 };
};

export interface LineChartInput {
  labels: string[];
  series: ChartSeries[];
  /** The chart's text alternative (the table below holds every number). */
  summary: string;
  formatY(value: number): string;
  /** The values are counts: no tick between two whole numbers. */
  integer?: boolean;
}

/**
 * A line chart as plain SVG in the DOM: one polyline per run of known values (a hidden count
 * breaks the line rather than being drawn as a guess), a marker per value, a legend in HTML.
 */
export const lineChart = ({
  labels,
  series,
  summary,
  formatY,
  integer = false,
}: LineChartInput): HTMLElement => {
  const known = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { top: max, ticks } = axisOf(Math.max(0, ...known), integer);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xOf = (i: number) =>
    MARGIN.left + (labels.length > 1 ? (i / (labels.length - 1)) * plotWidth : plotWidth / 2);
  const yOf = (v: number) => MARGIN.top + plotHeight - (v / max) * plotHeight;

  const chart = svg('svg', {
    class: 'line-chart',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': summary,
    focusable: 'false',
  });
  for (let tick = 0; tick <= ticks; tick++) {
    const value = (max / ticks) * tick;
    const y = yOf(value);
    chart.append(
      svg('line', { class: 'grid', x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y }),
      svg(
        'text',
        { class: 'axis', x: MARGIN.left - 8, y: y + 4, 'text-anchor': 'end' },
        formatY(value),
      ),
    );
  }
  const shown =
    labels.length > 2
      ? [0, Math.floor((labels.length - 1) / 2), labels.length - 1]
      : labels.map((_, i) => i);
  for (const i of shown) {
    chart.append(
      svg('text', { class: 'axis', x: xOf(i), y: HEIGHT - 12, 'text-anchor': 'middle' }, labels[i]),
    );
  }
  series.forEach((s, index) => {
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) {
        chart.append(
          svg('polyline', {
            class: `line series-${index}`,
            points: run.join(' '),
            fill: 'none',
            'stroke-dasharray': DASHES[index % DASHES.length],
          }),
        );
      }
      run = [];
    };
    s.values.forEach((value, i) => {
      if (value === null) return flush();
      run.push(`${xOf(i)},${yOf(value)}`);
      chart.append(marker(index, xOf(i), yOf(value)));
    });
    flush();
  });

  const legend = h('ul', { class: 'legend' });
  series.forEach((s, index) => {
    const sample = svg(
      'svg',
      { class: 'legend-sample', viewBox: '0 0 32 12', 'aria-hidden': 'true', focusable: 'false' },
      svg('line', {
        class: `line series-${index}`,
        x1: 0,
        x2: 32,
        y1: 6,
        y2: 6,
        'stroke-dasharray': DASHES[index % DASHES.length],
      }),
      marker(index, 16, 6),
    );
    legend.append(h('li', {}, sample, s.label));
  });
  return h('figure', { class: 'chart' }, chart, legend);
};
