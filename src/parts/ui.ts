// The script-tag part `zorgvuldig.ui.js`: hands itself to the core that loaded it.
import { readPartHook } from '../lib/partHook';
import { uiPart } from './uiPart';

readPartHook()?.('ui', uiPart);
