// The Google Analytics page of the QA demo. It uses only the public API and the browser, and
// tries every way a page script can reach Google, so a tester sees each one blocked or sent.
(() => {
  const zv = window.zorgvuldig;
  const $ = (id) => document.getElementById(id);
  const GA = 'https://www.google-analytics.com/g/collect?v=2&tid=G-TEST123&en=demo';
  const GOOGLE =
    /(^|\.)(google-analytics\.com|analytics\.google\.com|googletagmanager\.com|doubleclick\.net)$/;

  const item = (text) => {
    const li = document.createElement('li');
    li.textContent = text;
    return li;
  };
  const time = () => new Date().toLocaleTimeString('nl-NL');
  const result = (what, outcome) =>
    $('google-results').prepend(item(`${time()} ${what}: ${outcome}`));

  const attempts = {
    acceptAll: () => zv.acceptAll(),
    rejectAll: () => zv.rejectAll(),
    grant: () => zv.setConsent({ googleAnalytics: true }),
    withdraw: () => zv.withdraw(),
    fetch: () =>
      fetch(GA, { method: 'POST', mode: 'no-cors', keepalive: true }).then(
        () => result('fetch', 'sent'),
        (error) => result('fetch', `rejected with ${error.name}`),
      ),
    xhr: () => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', GA);
      xhr.onload = () => result('XHR', `load, status ${xhr.status}`);
      xhr.onerror = () => result('XHR', `error, status ${xhr.status}`);
      xhr.send('demo');
    },
    beacon: () => result('sendBeacon', `returned ${navigator.sendBeacon(GA, 'demo')}`),
    image: () => {
      new Image().src = 'https://www.google-analytics.com/collect?v=1&t=pageview&tid=UA-TEST';
      result('Image', 'src set');
    },
    gtm: () => {
      const script = document.createElement('script');
      script.async = true;
      script.src = 'https://www.googletagmanager.com/gtm.js?id=GTM-TEST';
      document.head.append(script);
      result(
        'gtm.js',
        script.getAttribute('src') ? 'inserted with src' : 'inserted, src held until consent',
      );
    },
    iframe: () => {
      const frame = document.createElement('iframe');
      frame.title = 'DoubleClick';
      frame.hidden = true;
      frame.setAttribute('src', 'https://td.doubleclick.net/td/rul/123');
      document.body.append(frame);
      result('iframe', frame.getAttribute('src') ? 'src set' : 'src held until consent');
    },
    event: () => {
      window.gtag('event', 'demo_click');
      result('gtag event', 'pushed to dataLayer');
    },
  };
  document
    .querySelectorAll('[data-google]')
    .forEach((button) => button.addEventListener('click', () => attempts[button.dataset.google]()));

  const renderState = () => {
    const { choices, decided } = zv.getConsent();
    const gaCookies = document.cookie
      .split('; ')
      .filter(
        (pair) => pair.startsWith('_ga') || pair.startsWith('_gid') || pair.startsWith('_gcl_'),
      );
    $('google-state').textContent = JSON.stringify(
      {
        decided,
        googleAnalytics: !!choices.googleAnalytics,
        'ga-disable-G-TEST123': window['ga-disable-G-TEST123'] ?? null,
        gtagJsLoaded: !!document.querySelector('script[src*="googletagmanager.com/gtag/js"]'),
        googleCookies: gaCookies,
      },
      null,
      2,
    );
    $('google-datalayer').textContent = (window.dataLayer ?? [])
      .map((entry) => JSON.stringify(Array.from(entry)))
      .join('\n');
  };
  const renderAudit = async () => {
    const report = await zv.audit();
    $('google-raw').textContent = JSON.stringify(
      report.rawGoogleTags?.length ? report.rawGoogleTags : 'none: every Google tag is gated',
      null,
      2,
    );
  };

  zv.on('blocked', ({ time: at, mechanism, host, url }) =>
    $('google-blocked').prepend(
      item(`${at.slice(11, 19)} ${mechanism} ${host} ${url.replace(/^https:\/\/[^/]+/, '')}`),
    ),
  );
  const seen = new Set();
  const observeSent = (entries) => {
    for (const { name } of entries) {
      const url = new URL(name);
      if (!GOOGLE.test(url.hostname) || seen.has(name)) continue;
      seen.add(name);
      $('google-sent').prepend(item(`${time()} ${url.hostname}${url.pathname}`));
    }
  };
  observeSent(performance.getEntriesByType('resource'));
  new PerformanceObserver((list) => observeSent(list.getEntries())).observe({
    type: 'resource',
    buffered: true,
  });
  zv.on('consent', () => {
    renderState();
    renderAudit();
  });
  setInterval(renderState, 1000);
  renderState();
  renderAudit();
})();
