// Markdown tables from the summarised figures. Cells are `median (min–max)`; ratios are
// zorgvuldig's median ÷ the peer's, below 1 where zorgvuldig is lighter or faster.
import { round } from './stats.mjs';

export const METRICS = [
  { key: 'scriptMs', label: 'script eval + init (ms)', digits: 1 },
  { key: 'mainThreadMs', label: 'main thread, all tasks (ms)', digits: 1 },
  { key: 'bannerMs', label: 'DOMContentLoaded → banner visible (ms)', digits: 1 },
  { key: 'cls', label: 'CLS', digits: 3 },
  { key: 'longTaskMs', label: 'long tasks, total (ms)', digits: 0 },
  { key: 'heapKb', label: 'JS heap after init, after GC (KB)', digits: 0 },
  { key: 'acceptMs', label: 'accept click → banner gone (ms)', digits: 1 },
];

const fixed = (value, digits) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);
const kb = (bytes) => (bytes / 1024).toFixed(2);

export const cell = (summary, digits) =>
  summary
    ? `${fixed(summary.median, digits)} (${fixed(summary.min, digits)}–${fixed(summary.max, digits)})`
    : '—';

const table = (header, rows) =>
  [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i ? '---:' : '---')).join(' | ')} |`]
    .concat(rows.map((row) => `| ${row.join(' | ')} |`))
    .join('\n');

export const sizeTable = (subjects, sizes, external) =>
  table(
    [
      'Subject',
      'JS + CSS raw (KB)',
      'gzip (KB)',
      'brotli (KB)',
      'files',
      'third-party requests before a choice',
    ],
    subjects.map((s) => [
      s.name,
      kb(sizes[s.id].raw),
      kb(sizes[s.id].gzip),
      kb(sizes[s.id].brotli),
      Object.keys(sizes[s.id].files).length,
      external[s.id].beforeClick
        ? `${external[s.id].beforeClick} (${external[s.id].hosts.join(', ')}; blocked here)`
        : '0',
    ]),
  );

export const timingTable = (subjects, summaries, rate) =>
  table(
    ['Subject', ...METRICS.map((m) => m.label)],
    subjects.map((s) => [
      s.name,
      ...METRICS.map((m) => cell(summaries[s.id][rate][m.key], m.digits)),
    ]),
  );

/** `a ÷ b` of two positive figures, else '—' (a floor-level figure has no meaningful ratio). */
export const ratio = (a, b) => (a > 0 && b > 0 ? round(a / b, 2) : null);

export const ratioTable = (peers, ratios, columns) =>
  table(
    ['zorgvuldig (script tag) ÷', ...columns.map((c) => c.label)],
    peers.map((s) => [s.name, ...columns.map((c) => fixed(ratios[s.id][c.key], 2))]),
  );
