import { runAudit } from '../audit/runAudit';
import type { RightsPart } from '../context/parts';
import { mountCookieTables } from '../declaration/mountCookieTables';
import { renderCookieTable } from '../declaration/renderCookieTable';
import { downloadJson } from '../rights/downloadJson';
import { exportData } from '../rights/exportData';
import { forgetEverything } from '../rights/forgetEverything';

/** The visitor's rights (export, erasure), the cookie declaration and the self-audit. */
export const rightsPart: RightsPart = {
  exportData,
  forgetEverything,
  downloadJson,
  renderCookieTable,
  mountCookieTables,
  runAudit,
};
