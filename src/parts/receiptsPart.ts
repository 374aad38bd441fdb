import type { ReceiptsPart } from '../context/parts';
import { startReceipts } from '../rights/startReceipts';

/** Consent receipts to the relay, kept in the tab for `exportData()` and `forget()`. */
export const receiptsPart: ReceiptsPart = { startReceipts };
