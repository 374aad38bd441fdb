import type { IncomingMessage, ServerResponse } from 'node:http';
import { DASHBOARD_COOKIE, readSessionCookie } from './dashboard/sessionCookie';
import { answererOf, jsonAnswer, JsonAnswer, type RelayAnswer } from './jsonAnswer';
import { setPrereadBody } from './prereadBody';
import type { RelayHandler } from './types';

/** Reads the body up to `max` bytes while it streams, or says why it could not. */
const readNodeBody = (
  req: IncomingMessage,
  max: number,
  timeoutMs: number,
): Promise<Buffer | 'too-large' | 'timeout' | 'aborted'> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const finish = (result: Buffer | 'too-large' | 'timeout' | 'aborted') => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.pause();
        finish('too-large');
      } else chunks.push(chunk);
    });
    req.on('end', () => finish(Buffer.concat(chunks, size)));
    req.on('error', () => finish('aborted'));
  });

const send = async (res: ServerResponse, answer: RelayAnswer, close = false) => {
  const headers: Record<string, string> = {};
  if (answer instanceof JsonAnswer) Object.assign(headers, answer.headers);
  else answer.headers.forEach((value, key) => (headers[key] = value));
  if (close) headers.connection = 'close';
  // A JSON answer is written from its text; a Response (a dashboard page) from its stream.
  const body =
    answer instanceof JsonAnswer
      ? (answer.text ?? undefined)
      : answer.body
        ? Buffer.from(await answer.arrayBuffer())
        : undefined;
  // Its length, so Node sends the body as it is rather than in chunks.
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(answer.status, headers);
  res.end(body);
};

/**
 * Serves one Node request with the relay: converts `IncomingMessage` into the relay's request
 * (cookies left behind, all but the dashboard's own session cookie; a Fetch `Request` for a
 * handler that is not the relay itself) and passes the socket's address as `clientAddress`,
 * the only place the relay learns it. The body is read up to the relay's
 * limit while it streams, within the relay's `bodyTimeoutMs`; a `Content-Length` over the
 * limit, or a body that grows past it, is answered 413 without reading the rest.
 */
export const handleNodeRequest = async (
  relay: RelayHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> => {
  try {
    const method = (req.method ?? 'GET').toUpperCase();
    // Pairs, not a Headers object: the Request builds its own from them, once.
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      if (name === 'cookie') {
        // The site's cookies (`_ga`, its own sessions) are none of the relay's business.
        const session = readSessionCookie(Array.isArray(value) ? value.join('; ') : value);
        if (session) headers.push(['cookie', `${DASHBOARD_COOKIE}=${session}`]);
        continue;
      }
      headers.push([name, Array.isArray(value) ? value.join(', ') : value]);
    }
    let body: Buffer | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      // A declared length over the limit is refused before a byte is read or waited for.
      const declared = Number(req.headers['content-length']);
      const read =
        declared > relay.maxBodyBytes
          ? 'too-large'
          : await readNodeBody(req, relay.maxBodyBytes, relay.bodyTimeoutMs);
      if (read === 'too-large') {
        return send(
          res,
          jsonAnswer(413, { error: `body larger than ${relay.maxBodyBytes} bytes` }),
          true,
        );
      }
      if (typeof read === 'string') {
        return send(
          res,
          jsonAnswer(read === 'timeout' ? 408 : 400, {
            error: `body could not be read (${read})`,
          }),
          true,
        );
      }
      body = read;
    }
    const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
    const env = { clientAddress: req.socket.remoteAddress };
    // The relay itself is answered without a Request: its routes read method, URL and headers
    // only, and the body read above goes beside (`prereadBody`). Any other handler (a site's
    // wrapper around the relay) gets a real Request, the body in it.
    const answer = answererOf(relay);
    if (!answer) {
      // A Buffer is a Uint8Array, which a Request takes as its body.
      const init = { method, headers, body: body as Uint8Array<ArrayBuffer> | undefined };
      await send(res, await relay(new Request(url, init), env));
      return;
    }
    const request = { method, url, headers: new Headers(headers) };
    if (body) setPrereadBody(request, body);
    await send(res, await answer(request, env));
  } catch {
    if (!res.headersSent) await send(res, jsonAnswer(400, { error: 'bad request' }), true);
    else res.destroy();
  }
};

/** `handleNodeRequest` bound to one relay, as a `node:http` request listener. */
export const toNodeHandler =
  (relay: RelayHandler) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    void handleNodeRequest(relay, req, res);
  };
