import type { StatsReport } from '../relay/store/types';
import { h } from '../lib/h';
import { createControls, type Choice } from './controls';
import { customRange, isPreset, presetRange, type DateRange } from './dateRange';
import { fetchReport } from './fetchReport';
import { createFormat } from './format';
import { privacyPanel } from './privacyPanel';
import { renderSection } from './renderSection';
import { buildSections } from './sections';
import { STRINGS, type Lang } from './strings';

export interface DashboardOptions {
  /** The relay's base path (`/zv`). */
  base: string;
  lang: Lang;
  now?: () => number;
}

/** The choice in the address bar (`?range=7d&page=/contact`), so a view can be reloaded or shared. */
const choiceOf = (query: URLSearchParams, now: number): Choice => {
  const preset = query.get('range');
  const today = presetRange('today', now).to;
  return {
    preset: isPreset(preset) ? preset : '7d',
    from: query.get('from') ?? today,
    to: query.get('to') ?? today,
    page: query.get('page') ?? '',
  };
};

const queryOf = (choice: Choice, lang: Lang): URLSearchParams => {
  const query = new URLSearchParams();
  if (lang === 'en') query.set('lang', 'en');
  query.set('range', choice.preset);
  if (choice.preset === 'custom') {
    query.set('from', choice.from);
    query.set('to', choice.to);
  }
  if (choice.page) query.set('page', choice.page);
  return query;
};

/** Builds the dashboard into `root` and loads the first view. */
export const startDashboard = (
  root: HTMLElement,
  { base, lang, now = Date.now }: DashboardOptions,
) => {
  const t = STRINGS[lang];
  const f = createFormat(t.locale);
  const percent = new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 0 });
  const formatY = {
    count: (v: number) => f.count(Math.round(v)),
    percent: (v: number) => percent.format(v),
  };
  const status = h('p', { class: 'status', id: 'status', role: 'status' });
  const totals = h('div', { class: 'totals', id: 'totals' });
  const views = h('div', { class: 'views', id: 'views' });
  const note = h('p', { class: 'note' }, t.hiddenNote);
  let latest = 0;

  const show = (report: StatsReport, range: DateRange) => {
    status.textContent = t.loaded(report.range.from, report.range.to);
    totals.replaceChildren(
      h('h2', { class: 'visually-hidden' }, t.totals),
      h(
        'dl',
        {},
        h(
          'div',
          {},
          h('dt', {}, t.visits),
          h('dd', { id: 'total-visits' }, f.count(report.totals.visits)),
        ),
        h(
          'div',
          {},
          h('dt', {}, t.pageviews),
          h('dd', { id: 'total-pageviews' }, f.count(report.totals.pageviews)),
        ),
      ),
    );
    views.replaceChildren(
      ...buildSections(report, t, f).map((section) => renderSection(section, range, t, formatY)),
    );
  };

  const load = async () => {
    const choice = controls.read();
    const range =
      choice.preset === 'custom'
        ? customRange(choice.from, choice.to)
        : presetRange(choice.preset, now());
    if (!range) return controls.setError(t.badRange);
    controls.setError('');
    const query = queryOf(choice, lang);
    history.replaceState(null, '', `?${query}`);
    const other = new URLSearchParams(query);
    if (lang === 'en') other.delete('lang');
    else other.set('lang', 'en');
    document.getElementById('lang-switch')?.setAttribute('href', `?${other}`);

    const request = ++latest;
    status.textContent = t.loading;
    root.setAttribute('aria-busy', 'true');
    const result = await fetchReport(base, range, choice.page);
    if (request !== latest) return; // A newer choice was made meanwhile.
    root.removeAttribute('aria-busy');
    if (result.ok) {
      if (!choice.page) controls.setPages(result.report.pages.map((row) => row.page));
      return show(result.report, range);
    }
    totals.replaceChildren();
    views.replaceChildren();
    if (result.status === 401) {
      status.replaceChildren(
        t.signedOut,
        ' ',
        h('a', { href: `${base}/dashboard${lang === 'en' ? '?lang=en' : ''}` }, t.signInAgain),
      );
    } else if (result.noStore) {
      status.textContent = t.noStore;
    } else {
      status.textContent = `${t.failed(result.status)}${result.error ? ` ${result.error}` : ''}`;
    }
  };

  const controls = createControls(
    t,
    choiceOf(new URLSearchParams(location.search), now()),
    () => void load(),
  );
  root.replaceChildren(controls.element, status, totals, note, views, privacyPanel(t));
  void load();
};
