// The script-tag part `zorgvuldig.receipts.js`: hands itself to the core that loaded it.
import { readPartHook } from '../lib/partHook';
import { receiptsPart } from './receiptsPart';

readPartHook()?.('receipts', receiptsPart);
