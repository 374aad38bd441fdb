/**
 * Sends one JSON body as `text/plain` (a string body gets `text/plain;charset=UTF-8`: a CORS
 * "simple request", so no preflight). Resolves `true` when the relay has it, or, for a beacon,
 * when the browser has taken it on; never rejects.
 *
 * While the page lives, `fetch` with `keepalive` tells us whether the relay answered 2xx, so a
 * failure stays queued. When the page is being hidden or left, `sendBeacon` is the one transport
 * the browser promises to finish after the page is gone; `fetch(keepalive)` stands in where it is
 * missing or refuses the body (over its 64 KB quota).
 */
export const sendBody = async (url: string, body: string, unloading = false): Promise<boolean> => {
  try {
    if (unloading && navigator.sendBeacon(url, body)) return true;
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
    return response.ok;
  } catch {
    return false;
  }
};
