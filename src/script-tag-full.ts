// The one-file script-tag build, `zorgvuldig.full.min.js`: the core with every part inlined, for
// sites that can host only one file. Nothing is fetched; the parts run in the core's own task.
import { startScriptTag } from './core/startScriptTag';
import { receiptsPart } from './parts/receiptsPart';
import { rightsPart } from './parts/rightsPart';
import { shellPart } from './parts/shellPart';
import { statsPart } from './parts/statsPart';
import { uiPart } from './parts/uiPart';

startScriptTag(() => ({
  load: () => () => Promise.reject(new Error('the one-file build fetches nothing')),
  inlined: {
    shell: shellPart,
    ui: uiPart,
    stats: statsPart,
    rights: rightsPart,
    receipts: receiptsPart,
  },
}));
