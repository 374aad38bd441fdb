// The script-tag part `zorgvuldig.rights.js`: hands itself to the core that loaded it.
import { readPartHook } from '../lib/partHook';
import { rightsPart } from './rightsPart';

readPartHook()?.('rights', rightsPart);
