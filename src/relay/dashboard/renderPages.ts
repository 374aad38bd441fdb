import { escapeHtml as e } from './escapeHtml';
import { PAGE_STRINGS, type DashboardLang } from './pageStrings';

/** A notice above the sign-in form: an error (`alert`) or information (`status`). */
export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

interface Frame {
  lang: DashboardLang;
  /** The relay's base path (`/zv`). */
  base: string;
  title: string;
  /** Rendered, escaped HTML of `<main>`'s content. */
  main: string;
  /** Rendered, escaped HTML after the language switch in the header. */
  header?: string;
  /** Attributes of `<main>`, already escaped. */
  mainAttributes?: string;
  script?: boolean;
}

const assetUrl = (base: string, name: string) => `${base}/dashboard/assets/${name}`;

/** The page around every view: language switch, skip link, the dashboard's stylesheet. */
const renderFrame = ({
  lang,
  base,
  title,
  main,
  header = '',
  mainAttributes = '',
  script,
}: Frame) => {
  const t = PAGE_STRINGS[lang];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)}</title>
<link rel="stylesheet" href="${e(assetUrl(base, 'dashboard.css'))}">
${script ? `<script src="${e(assetUrl(base, 'dashboard.js'))}" defer></script>\n` : ''}</head>
<body>
<a class="skip" href="#main">${e(t.skip)}</a>
<header class="top">
<p class="brand">zorgvuldig</p>
<nav aria-label="${e(t.languageNav)}"><a id="lang-switch" href="${e(`${base}/dashboard?lang=${t.otherLang}`)}" hreflang="${t.otherLang}" lang="${t.otherLang}">${e(t.otherLanguage)}</a></nav>
${header}</header>
<main id="main" tabindex="-1"${mainAttributes}>
${main}
</main>
</body>
</html>
`;
};

/** The sign-in form. The token goes in the POST body only, never in a URL. */
export const renderSignIn = ({
  lang,
  base,
  csrf,
  notice,
  view,
}: {
  lang: DashboardLang;
  base: string;
  csrf: string;
  notice?: Notice;
  /** The dashboard view to open after sign-in (`range=today&page=…`). */
  view: string;
}): string => {
  const t = PAGE_STRINGS[lang];
  const noticeHtml = notice
    ? `<p class="notice notice-${notice.kind}" id="sign-in-notice" role="${notice.kind === 'error' ? 'alert' : 'status'}">${notice.kind === 'error' ? `<strong>${e(t.error)}:</strong> ` : ''}${e(notice.text)}</p>\n`
    : '';
  const invalid =
    notice?.kind === 'error' ? ' aria-invalid="true" aria-describedby="sign-in-notice"' : '';
  return renderFrame({
    lang,
    base,
    title: `${t.signInTitle} – ${t.title}`,
    main: `<h1>${e(t.signInTitle)}</h1>
<p>${e(t.signInIntro)}</p>
${noticeHtml}<form class="sign-in" method="post" action="${e(`${base}/dashboard/session`)}">
<input type="hidden" name="csrf" value="${e(csrf)}">
<input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="view" value="${e(view)}">
<label for="token">${e(t.tokenLabel)}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required spellcheck="false"${invalid}>
<button type="submit">${e(t.signIn)}</button>
</form>
<p class="note">${e(t.sessionNote)}</p>`,
  });
};

/** The signed-in frame; `dashboard.js` builds the views into `#app` from the data URL. */
export const renderDashboard = (lang: DashboardLang, base: string, csrf: string): string => {
  const t = PAGE_STRINGS[lang];
  return renderFrame({
    lang,
    base,
    title: t.title,
    script: true,
    header: `<form class="sign-out" method="post" action="${e(`${base}/dashboard/signout`)}">
<input type="hidden" name="csrf" value="${e(csrf)}">
<input type="hidden" name="lang" value="${lang}">
<button type="submit">${e(t.signOut)}</button>
</form>
`,
    mainAttributes: ` data-base="${e(base)}"`,
    main: `<h1>${e(t.title)}</h1>
<noscript><p class="notice notice-error">${e(t.noScript)}</p></noscript>
<div id="app"></div>`,
  });
};

/** The page when the relay has no stats token. */
export const renderNotEnabled = (lang: DashboardLang, base: string): string => {
  const t = PAGE_STRINGS[lang];
  return renderFrame({
    lang,
    base,
    title: t.title,
    main: `<h1>${e(t.title)}</h1>\n<p class="notice notice-info">${e(t.notEnabled)}</p>`,
  });
};
