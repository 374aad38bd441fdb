// The SPA statistics demo. Like a QA tester, it reads only the public API (`zorgvuldig.on`,
// `exportData`) and the relay's record read-out, never the SDK's internals.
const zv = window.zorgvuldig;
const $ = (id) => document.getElementById(id);

const renderState = async () => {
  const data = await zv.exportData();
  $('allowed').textContent = String(zv.getConsent().choices.statistics);
  $('pseudonym').textContent = data.pseudonym ?? '— (none: statistics are off)';
  $('count').textContent = String(data.beacons.length);
};

const addBeacon = (body, note) => {
  const li = document.createElement('li');
  const pre = document.createElement('pre');
  const bytes = new TextEncoder().encode(JSON.stringify(body)).length;
  pre.textContent = `${note} · ${bytes} bytes\n${JSON.stringify(body, null, 2)}`;
  li.append(pre);
  li.dataset.beacon = body.hits.map((hit) => hit.type).join(' ');
  $('beacons').prepend(li);
};

const renderRecords = async () => {
  try {
    const response = await fetch('/zv/records?limit=10');
    const { records } = await response.json();
    $('records').textContent = JSON.stringify(records.reverse(), null, 2);
  } catch {
    $('records').textContent = 'The relay is not reachable.';
  }
};

const actions = {
  back: () => history.back(),
  // Thousands of URL changes in a moment: the SDK stays within a few beacons per second and
  // counts what its bounded queue had to drop.
  burst: () => {
    for (let i = 0; i < 1000; i++) history.pushState(null, '', `/spa/burst/${i}`);
  },
  track: () => zv.track('folder-download', { file: 'brochure.pdf', mail: 'jan@example.nl' }),
  acceptAll: () => zv.acceptAll(),
  rejectAll: () => zv.rejectAll(),
  forget: () => zv.forget().then(renderState),
  records: renderRecords,
};

for (const button of document.querySelectorAll('[data-push]')) {
  button.addEventListener('click', () => history.pushState(null, '', button.dataset.push));
}
for (const button of document.querySelectorAll('[data-replace]')) {
  button.addEventListener('click', () => history.replaceState(null, '', button.dataset.replace));
}
for (const button of document.querySelectorAll('[data-action]')) {
  button.addEventListener('click', () => actions[button.dataset.action]());
}

zv.exportData().then(({ beacons }) => {
  for (const body of beacons) addBeacon(body, 'earlier in this tab');
});
zv.on('beacon', (body) => {
  addBeacon(body, `sent ${new Date().toLocaleTimeString('nl-NL')}`);
  renderState();
  setTimeout(renderRecords, 300);
});
zv.on('consent', renderState);
renderState();
renderRecords();
