// Markdown tables from the summarised figures. Cells are `median (min–max)`; ratios are
// zorgvuldig's median ÷ the peer's, below 1 where zorgvuldig is lighter or faster.
import { round } from './stats.mjs';

export const METRICS = [
  { key: 'blockingMs', label: 'blocking in <head>, before first paint (ms)', digits: 1 },
  { key: 'scriptMs', label: 'script eval + init (ms)', digits: 1 },
  { key: 'mainThreadMs', label: 'main thread, all tasks (ms)', digits: 1 },
  { key: 'bannerMs', label: 'DOMContentLoaded → banner visible (ms)', digits: 1 },
  { key: 'cls', label: 'CLS', digits: 3 },
  { key: 'longTaskMs', label: 'long tasks, total (ms)', digits: 0 },
  { key: 'ownLongTasks', label: 'own tasks ≥ 50 ms', digits: 0 },
  { key: 'ownLongestMs', label: 'own longest task in a long frame (ms)', digits: 0 },
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

/**
 * The zorgvuldig files a page loaded, by part: `core`, `ui`, `stats`, … from
 * `/dist/zorgvuldig.<part>.js`, `full` for the one-file build, the npm entry and its chunks.
 */
export const partsLoaded = (subject, files) => {
  if (!subject.zorgvuldig) return '—';
  const paths = Object.keys(files);
  const names = paths.flatMap((path) => {
    if (path === '/dist/zorgvuldig.min.js') return ['core'];
    if (path === '/dist/zorgvuldig.full.min.js') return ['full'];
    const part = path.match(/^\/dist\/zorgvuldig\.([\w.-]+?)(?:\.min)?\.js$/)?.[1];
    return part ? [part] : [];
  });
  // The npm entry as a bundler splits it: the entry, then the chunks it imported.
  const chunks = paths.filter((path) => /^\/bench-build\/zorgvuldig-.+\.mjs$/.test(path)).length;
  if (paths.includes('/bench-build/zorgvuldig.mjs'))
    names.push(chunks ? `ESM entry + ${chunks} chunks` : 'ESM entry');
  return names.join(', ') || '—';
};

export const sizeTable = (subjects, sizes, external) =>
  table(
    [
      'Subject',
      'JS + CSS raw (KB)',
      'gzip (KB)',
      'brotli (KB)',
      'files',
      'zorgvuldig parts loaded',
      'third-party requests before a choice',
    ],
    subjects.map((s) => [
      s.name,
      kb(sizes[s.id].raw),
      kb(sizes[s.id].gzip),
      kb(sizes[s.id].brotli),
      Object.keys(sizes[s.id].files).length,
      partsLoaded(s, sizes[s.id].files),
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

/**
 * zorgvuldig beside vanilla-cookieconsent visit by visit: `rows` are `{ name, zv, peer }` subject
 * ids; script time is what each adds to the blank page, the ratio zorgvuldig's ÷ the peer's.
 */
export const visitTable = (rows, summaries, rates, netOf) => {
  const median = (id, rate, key) => summaries[id]?.[rate]?.[key]?.median;
  const ms = (value) => fixed(value, 1);
  return table(
    [
      'Visit',
      ...rates.map((rate) => `core blocking before paint, ${rate}× (ms)`),
      ...rates.map((rate) => `SDK script total, ${rate}× (ms)`),
      ...rates.map((rate) => `vanilla-cookieconsent total, ${rate}× (ms)`),
      ...rates.map((rate) => `ratio, ${rate}×`),
      ...rates.map((rate) => `DCL → banner ratio, ${rate}×`),
      'CLS (max)',
      `SDK tasks ≥ 50 ms at ${rates[rates.length - 1]}× (max of runs)`,
    ],
    rows
      .filter(({ zv }) => summaries[zv])
      .map(({ name, zv, peer }) => [
        name,
        ...rates.map((rate) => ms(median(zv, rate, 'blockingMs'))),
        ...rates.map((rate) => ms(netOf(summaries, zv, rate, 'scriptMs'))),
        ...rates.map((rate) =>
          ms(summaries[peer] ? netOf(summaries, peer, rate, 'scriptMs') : null),
        ),
        ...rates.map((rate) =>
          fixed(
            ratio(netOf(summaries, zv, rate, 'scriptMs'), netOf(summaries, peer, rate, 'scriptMs')),
            2,
          ),
        ),
        ...rates.map((rate) =>
          fixed(ratio(median(zv, rate, 'bannerMs'), median(peer, rate, 'bannerMs')), 2),
        ),
        fixed(Math.max(...rates.map((rate) => summaries[zv][rate].cls?.max ?? 0)), 3),
        fixed(summaries[zv][rates[rates.length - 1]].ownLongTasks?.max, 0),
      ]),
  );
};
