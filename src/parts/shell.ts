// The script-tag part `zorgvuldig.shell.js`: hands itself to the core that loaded it.
import { readPartHook } from '../lib/partHook';
import { shellPart } from './shellPart';

readPartHook()?.('shell', shellPart);
