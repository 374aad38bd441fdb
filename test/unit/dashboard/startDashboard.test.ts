// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDashboard } from '../../../src/dashboard/startDashboard';
import { STATS_REPORT } from './support/statsReport';

const NOW = Date.parse('2026-12-01T12:00:00Z');

const respond = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status }));

const mount = async (lang: 'nl' | 'en' = 'nl', query = '') => {
  history.replaceState(null, '', `/zv/dashboard${query}`);
  document.body.replaceChildren();
  const link = document.createElement('a');
  link.id = 'lang-switch';
  const root = document.createElement('div');
  document.body.append(link, root);
  startDashboard(root, { base: '/zv', lang, now: () => NOW });
  await vi.waitFor(() => expect(root.getAttribute('aria-busy')).toBeNull());
  return root;
};

const rowsOf = (root: HTMLElement, key: string) =>
  [...root.querySelectorAll(`#table-${key} tbody tr`)].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent),
  );

describe('the dashboard page', () => {
  let fetchMock: ReturnType<typeof respond>;
  beforeEach(() => {
    fetchMock = respond(200, STATS_REPORT);
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('asks the data URL for the last 7 days by default, and keeps the choice in the address', async () => {
    await mount();
    expect(fetchMock).toHaveBeenCalledWith(
      '/zv/dashboard/data?from=2026-11-25&to=2026-12-01',
      expect.anything(),
    );
    expect(location.search).toBe('?range=7d');
    expect(document.getElementById('lang-switch')!.getAttribute('href')).toBe('?range=7d&lang=en');
  });

  it('shows every section of the report as a table, hidden counts as "< 5"', async () => {
    const root = await mount();
    expect(rowsOf(root, 'pages')).toEqual([
      ['/', '402', '350'],
      ['/locaties/tilburg?utm_source=nieuwsbrief', '211', '160'],
      ['/over-ons', '120', '98'],
      ['/vacatures/verpleegkundige', '< 5', '< 5'],
    ]);
    expect(rowsOf(root, 'paths')[2]).toEqual(['/over-ons', '→ /=SUM(A1)', '< 5']);
    expect(rowsOf(root, 'browsers')[2]).toEqual(['Firefox', '< 5', '–']);
    expect(root.querySelector('#total-visits')!.textContent).toBe('412');
    for (const key of [
      'days',
      'entries',
      'exits',
      'referrers',
      'os',
      'devices',
      'languages',
      'statuses',
      'runtime',
      'vitals',
      'events',
      'consent',
    ]) {
      expect(rowsOf(root, key).length, key).toBeGreaterThan(0);
    }
    expect(root.querySelector('#heading-privacy')!.textContent).toBe('Wat we meten, en wat niet');
    expect(root.textContent).toContain('Hoe bezoekers van pagina naar pagina gaan.');
  });

  it('rates web vitals in words as well as colour', async () => {
    const root = await mount();
    const ratings = [...root.querySelectorAll('#table-vitals td.rating')].map((cell) => [
      cell.className,
      cell.textContent,
    ]);
    expect(ratings).toEqual([
      ['rating rating-good', 'Goed'],
      ['rating rating-needsImprovement', 'Kan beter'],
      ['rating rating-poor', 'Slecht'],
    ]);
    expect(root.querySelector('#table-statuses td.status-error')!.textContent).toBe('404');
  });

  it('gives each chart a text alternative and a series told apart by more than colour', async () => {
    const root = await mount();
    const chart = root.querySelector('#view-days svg.line-chart')!;
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Lijngrafiek: Bezoeken en paginaweergaven per dag. Hoogste waarde 547 op 2026-12-01. Alle cijfers staan in de tabel eronder.',
    );
    const dashes = [...chart.querySelectorAll('polyline')].map((line) =>
      line.getAttribute('stroke-dasharray'),
    );
    expect(new Set(dashes).size).toBe(2);
    // Round steps on the y axis.
    const ticks = [...chart.querySelectorAll('text.axis[text-anchor="end"]')].map(
      (t) => t.textContent,
    );
    expect(ticks).toEqual(['0', '200', '400', '600', '800', '1.000']);
    // The hidden count of 2026-11-29 breaks the visits line instead of being drawn as a guess.
    expect(chart.querySelectorAll('circle.series-0')).toHaveLength(6);
  });

  it('downloads a table as CSV from the page, with the numbers the table shows', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation(
      (blob) => (blobs.push(blob as Blob), 'blob:x'),
    );
    // The link is clicked, not followed: happy-dom would navigate away from the test page.
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const root = await mount();
    const button = root.querySelector<HTMLButtonElement>('#view-pages button.csv')!;
    expect(button.getAttribute('aria-label')).toBe(
      "Download “Meest bekeken pagina's” als CSV-bestand",
    );
    button.click();
    expect(blobs).toHaveLength(1);
    expect(names).toEqual(['zorgvuldig-pages-2026-11-25-2026-12-01.csv']);
    const text = await blobs[0].text();
    expect(text).toBe(
      '\uFEFFPagina,Weergaven,Bezoeken\r\n/,402,350\r\n/locaties/tilburg?utm_source=nieuwsbrief,211,160\r\n/over-ons,120,98\r\n/vacatures/verpleegkundige,< 5,< 5\r\n',
    );
  });

  it('refuses a custom range that ends before it starts, without asking the relay', async () => {
    const root = await mount('nl', '?range=custom&from=2026-12-01&to=2026-11-01');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(root.querySelector('#range-error')!.textContent).toBe(
      'Kies een begindatum die niet na de einddatum ligt.',
    );
  });

  it('asks for one page when the filter is set, and for a custom range', async () => {
    await mount('nl', '?range=custom&from=2026-11-01&to=2026-11-30&page=%2Fover-ons');
    expect(fetchMock).toHaveBeenCalledWith(
      '/zv/dashboard/data?from=2026-11-01&to=2026-11-30&page=%2Fover-ons',
      expect.anything(),
    );
  });

  it('says the session is over on a 401, with a way to sign in again', async () => {
    vi.stubGlobal('fetch', respond(401, { error: 'sign in to the dashboard first' }));
    const root = await mount('en');
    const status = root.querySelector('#status')!;
    expect(status.textContent).toBe('You are no longer signed in. Sign in again');
    expect(status.querySelector('a')!.getAttribute('href')).toBe('/zv/dashboard?lang=en');
  });

  it('says so when the relay has no statistics store (an older /stats answer)', async () => {
    vi.stubGlobal(
      'fetch',
      respond(200, { pageviews: 3, visits: 1, pages: [], paths: [], vitals: [] }),
    );
    const root = await mount();
    expect(root.querySelector('#status')!.textContent).toContain(
      'Deze relay heeft geen statistiekopslag',
    );
    expect(root.querySelector('#table-pages')).toBeNull();
  });
});
