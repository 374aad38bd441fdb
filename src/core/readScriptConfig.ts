import type { ZorgvuldigOptions } from '../config/options';
import { isRecord } from '../lib/isRecord';

/** `data-*` attribute → option. Everything else comes from the JSON config element. */
const ATTRIBUTES: [string, (options: Record<string, unknown>, value: string) => void][] = [
  ['data-endpoint', (o, v) => (o.endpoint = v)],
  ['data-policy-version', (o, v) => (o.policyVersion = v)],
  ['data-lang', (o, v) => (o.lang = v)],
  ['data-statistics-default', (o, v) => (o.statisticsDefault = v)],
  ['data-privacy-url', (o, v) => (o.privacyUrl = v)],
  ['data-reopen-position', (o, v) => (o.reopenPosition = v)],
  ['data-service-worker', (o, v) => (o.serviceWorker = v)],
  ['data-policy-date', (o, v) => (o.policyDate = v)],
  ['data-consent-max-age', (o, v) => (o.consentMaxAge = Number(v))],
  ['data-pseudonym-max-age', (o, v) => (o.pseudonymMaxAge = Number(v))],
  ['data-banner', (o, v) => (o.banner = v !== 'false')],
  [
    'data-query-allow-list',
    (o, v) =>
      (o.queryAllowList = v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)),
  ],
  ['data-ga-id', (o, v) => (o.google = { ...(o.google as object), measurementId: v })],
  ['data-ga-transport-url', (o, v) => (o.google = { ...(o.google as object), transportUrl: v })],
];

/**
 * Options for the script-tag build: `<script type="application/json" id="zorgvuldig-config">`
 * first, then the tag's own `data-*` attributes on top. Invalid JSON is reported, not thrown.
 */
export const readScriptConfig = (script: HTMLScriptElement | null): ZorgvuldigOptions => {
  let options: Record<string, unknown> = {};
  const json = document.getElementById('zorgvuldig-config');
  if (json?.textContent?.trim()) {
    try {
      const parsed: unknown = JSON.parse(json.textContent);
      if (isRecord(parsed)) options = parsed;
      else console.error('zorgvuldig: #zorgvuldig-config must hold a JSON object; it is ignored');
    } catch (error) {
      console.error(
        `zorgvuldig: #zorgvuldig-config is not valid JSON (${(error as Error).message}); it is ignored`,
      );
    }
  }
  if (script) {
    for (const [attribute, apply] of ATTRIBUTES) {
      const value = script.getAttribute(attribute);
      if (value !== null) apply(options, value);
    }
    // The nonce attribute reads back empty once applied (CSP hides it); the property keeps it.
    if (script.nonce && options.nonce === undefined) options.nonce = script.nonce;
  }
  return options as ZorgvuldigOptions;
};
