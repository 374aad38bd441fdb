import type { Lang } from '../config/options';
import { EN } from './strings.en';
import { NL } from './strings.nl';

/** Every fixed text of the UI. Dutch is written at B1 level: short sentences, everyday words. */
export interface UiStrings {
  bannerTitle: string;
  bannerText: string;
  rejectAll: string;
  acceptAll: string;
  settings: string;
  privacyLink: string;
  dialogTitle: string;
  dialogText: string;
  alwaysOn: string;
  save: string;
  close: string;
  objectionGpc: string;
  objectionDnt: string;
  yourData: string;
  download: string;
  erase: string;
  erased: string;
}

/**
 * The UI's texts by language. The script-tag core loads a UI part of one language
 * (`zorgvuldig.ui.nl.js`, `zorgvuldig.ui.en.js`): its build replaces this module by one that
 * holds that language only (`rollup.config.mjs`, `onlyLanguage`).
 */
export const STRINGS: Partial<Record<Lang, UiStrings>> = { nl: NL, en: EN };
