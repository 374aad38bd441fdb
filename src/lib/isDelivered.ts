/**
 * True when a `sendBody` status means the relay took the body: 2xx only (and `BEACON_QUEUED`,
 * which is 202). A 503 is the relay asking for a retry and 4xx a refusal; `0` is no answer.
 * Beacons, receipts and forget all decide with this, so none counts a refusal as delivered.
 */
export const isDelivered = (status: number): boolean => status >= 200 && status < 300;
