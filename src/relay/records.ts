/** What the relay stores: hits and consent receipts as records, and what `/forget` deletes. */
import type { ConsentReceiptBody, Hit } from '../protocol/types';

/** What a stored statistics record holds: one hit, with what the relay added. */
export interface StoredHit extends Hit {
  /** ISO 8601 time the relay received the beacon (server clock). */
  received: string;
  /** The client IP, truncated before anything else happened (`203.0.0.0`, `2001:db8::`); `null` when unknown. */
  ip: string | null;
  /** The session pseudonym from the beacon. */
  sid: string;
  /** The id of the body the hit came in (`CollectBody.bid`), when the client sent one. */
  bid?: string;
  /** Present (`true`) when the client's `time` is more than a day from `received`: its clock is off. */
  clockSkew?: true;
}

/** What a stored consent receipt holds: the receipt as sent, `type: 'consent'` to tell it from hits. */
export type StoredReceipt = Omit<ConsentReceiptBody, 'v'> & {
  type: 'consent';
  /** ISO 8601 time the relay received it (server clock). */
  received: string;
  /** The truncated client IP, or `null` when unknown. */
  ip: string | null;
};

/** One line of the store. */
export type StoredRecord = StoredHit | StoredReceipt;

/** What `POST /forget` asks a sink to delete. */
export interface ForgetQuery {
  sid?: string;
  receipts?: string[];
}
