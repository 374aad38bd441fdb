// The script-tag part `zorgvuldig.stats.js`: hands itself to the core that loaded it.
import { readPartHook } from '../lib/partHook';
import { statsPart } from './statsPart';

readPartHook()?.('stats', statsPart);
