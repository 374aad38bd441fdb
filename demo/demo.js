// The QA cockpit's panels. They read only the public API, the browser and the relay's store,
// like a QA tester or privacy officer would: nothing here reaches into the SDK's internals.
const zv = window.zorgvuldig;
const $ = (id) => document.getElementById(id);
const PAGES = ['/zorg/thuiszorg', '/locaties/tilburg?utm_source=demo', '/contact'];
let nextPage = 0;

const item = (text, attributes = {}) => {
  const li = document.createElement('li');
  li.textContent = text;
  Object.assign(li.dataset, attributes);
  return li;
};
const cell = (text) => {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
};

const renderConsent = () => {
  $('consent-state').textContent = JSON.stringify(zv.getConsent(), null, 2);
};

// cookieStore (Chromium) reports each cookie's expiry; document.cookie cannot.
const renderCookies = async () => {
  const cookies = window.cookieStore
    ? await window.cookieStore.getAll()
    : document.cookie
        .split('; ')
        .filter(Boolean)
        .map((pair) => ({
          name: pair.split('=')[0],
          value: pair.slice(pair.indexOf('=') + 1),
          expires: undefined,
        }));
  $('cookie-rows').replaceChildren(
    ...cookies.map(({ name, value, expires }) => {
      const tr = document.createElement('tr');
      tr.dataset.cookie = name;
      const lifetime =
        expires === null
          ? 'session'
          : expires === undefined
            ? 'unknown'
            : `persistent, until ${new Date(expires).toISOString()}`;
      tr.append(cell(name), cell(lifetime), cell(decodeURIComponent(value).slice(0, 80)));
      return tr;
    }),
  );
};

const renderRecords = async () => {
  try {
    const { records } = await (await fetch('/zv/records?limit=8')).json();
    $('records').textContent = JSON.stringify(records.reverse(), null, 2);
  } catch {
    $('records').textContent = 'The relay is not reachable.';
  }
};

const renderAudit = async () => {
  $('audit').textContent = JSON.stringify(await zv.audit(), null, 2);
};

const addBlocked = ({ host, mechanism, category, url }) =>
  $('blocked').prepend(item(`${mechanism} → ${host} (${category} not granted) ${url}`, { host }));

const log = (name, detail) =>
  $('event-log').prepend(
    item(
      `${new Date().toLocaleTimeString('nl-NL')} ${name}: ${JSON.stringify(detail).slice(0, 300)}`,
    ),
  );

const downloadExport = async () => {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(await zv.exportData(), null, 2)], { type: 'application/json' }),
  );
  const link = Object.assign(document.createElement('a'), {
    href: url,
    download: 'zorgvuldig-export.json',
  });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1e4);
};

const actions = {
  acceptAll: () => zv.acceptAll(),
  rejectAll: () => zv.rejectAll(),
  withdraw: () => zv.withdraw(),
  navigate: () => history.pushState(null, '', PAGES[nextPage++ % PAGES.length]),
  track: () => zv.track('afspraak-gemaakt', { locatie: 'Tilburg', mail: 'jan@example.nl' }),
  googleFetch: () =>
    fetch('https://www.google-analytics.com/g/collect?v=2&tid=G-DEMO').catch(() => {}),
  exportData: downloadExport,
  forget: () => zv.forget().then(refresh),
  audit: renderAudit,
};

const refresh = () => {
  renderConsent();
  renderCookies();
  renderRecords();
};

for (const button of document.querySelectorAll('[data-demo]')) {
  button.addEventListener('click', () => actions[button.dataset.demo]());
}
for (const event of ['consent', 'beacon', 'blocked']) zv.on(event, (detail) => log(event, detail));
zv.on('consent', refresh);
zv.on('blocked', addBlocked);
zv.on('beacon', (body) => {
  $('beacons-sent').prepend(item(JSON.stringify(body, null, 2), { sid: body.sid }));
  setTimeout(renderRecords, 300);
});
zv.exportData().then(({ beacons }) => {
  for (const body of beacons)
    $('beacons-sent').prepend(item(JSON.stringify(body, null, 2), { sid: body.sid }));
});

// Every request the page makes, by host: what the browser actually fetched.
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    $('allowed').prepend(item(entry.name, { host: new URL(entry.name).host }));
}).observe({ type: 'resource', buffered: true });

window.cookieStore?.addEventListener('change', renderCookies);
zv.audit().then(({ blocked }) => blocked.forEach(addBlocked));
refresh();
renderAudit();
