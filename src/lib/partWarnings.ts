import type { PartName, PartStatus } from '../context/parts';

/** One audit warning per part that could not load: what the visitor misses, and that it is safe. */
export const partWarnings = (parts: Record<PartName, PartStatus>): string[] =>
  (Object.keys(parts) as PartName[])
    .filter((name) => parts[name] === 'failed')
    .map(
      (name) =>
        `Part "${name}" of the SDK could not load (404, integrity, a CSP or an extension); what it does is missing on this page. Consent and the Google gate are not affected.`,
    );
