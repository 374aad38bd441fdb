// The demo's panels: they read only the public API and the browser itself, like a QA tester would.
const zv = window.zorgvuldig;
const $ = (id) => document.getElementById(id);

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
  const rows = $('cookie-rows');
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
  rows.replaceChildren(
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

const log = (name, detail) => {
  const li = document.createElement('li');
  li.textContent = `${new Date().toLocaleTimeString('nl-NL')} ${name}: ${JSON.stringify(detail).slice(0, 300)}`;
  $('event-log').prepend(li);
};

for (const button of document.querySelectorAll('[data-demo]')) {
  button.addEventListener('click', () => zv[button.dataset.demo]());
}
for (const event of ['consent', 'beacon', 'blocked']) {
  zv.on(event, (detail) => {
    log(event, detail);
    renderConsent();
    renderCookies();
  });
}
window.cookieStore?.addEventListener('change', renderCookies);
renderConsent();
renderCookies();
