/**
 * The text of each response made here, by the Response: the Node adapter writes it as it is
 * instead of reading it back through the Response's web stream (about 3 % of the relay's CPU per
 * beacon in a profile of `bench/relay.bench.mjs`). A WeakMap: the text lives no longer than its
 * Response.
 */
const texts = new WeakMap<Response, string>();

/** The body `jsonResponse` gave `response`; undefined for any other response, and a 204. */
export const jsonTextOf = (response: Response): string | undefined => texts.get(response);

/** A JSON response; every answer of the relay, errors included, is one. */
export const jsonResponse = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response => {
  const text = status === 204 ? null : JSON.stringify(body);
  const response = new Response(text, {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
  if (text !== null) texts.set(response, text);
  return response;
};
