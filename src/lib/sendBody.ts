/** What `sendBody` resolves to for a body the browser queued with `sendBeacon` (no answer). */
export const BEACON_QUEUED = 202;

/**
 * Sends one JSON body as `text/plain` (a string body gets `text/plain;charset=UTF-8`: a CORS
 * "simple request", so no preflight). Resolves to the relay's HTTP status, `BEACON_QUEUED` when
 * the browser took a beacon, or `0` when nothing arrived; never rejects.
 *
 * While the page lives, `fetch` with `keepalive` tells us whether the relay stored the body, so
 * a failure stays queued: `sendBeacon` cannot say. When the page is being hidden or left,
 * `sendBeacon` is the one transport the browser promises to finish after the page is gone;
 * `fetch(keepalive)` stands in where it is missing or refuses the body (over its 64 KB quota).
 */
export const sendBody = async (url: string, body: string, unloading = false): Promise<number> => {
  try {
    if (unloading && navigator.sendBeacon(url, body)) return BEACON_QUEUED;
  } catch {
    // No sendBeacon, or a page script broke it: fall through to fetch.
  }
  try {
    // `credentials: 'omit'`: the relay needs no cookie, so none is sent.
    const response = await fetch(url, {
      method: 'POST',
      body,
      keepalive: true,
      credentials: 'omit',
    });
    return response.status;
  } catch {
    return 0;
  }
};
