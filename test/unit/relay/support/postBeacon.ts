/**
 * A beacon posted over a real socket with `node:http`, for the loopback load and fault tests.
 * It never rejects: a socket error is an outcome to count, not an exception.
 */
import { request, type Agent } from 'node:http';

/** What one POST came back with. `status` 0 means a socket error (`error` says which). */
export interface PostOutcome {
  status: number;
  /** Time from sending to the end of the response, in ms. */
  ms: number;
  body: string;
  retryAfter: string | null;
  error?: string;
}

/** Longest a request may take before it counts as failed (the relay's own read timeout is 10 s). */
const REQUEST_TIMEOUT_MS = 30_000;

/** Posts `payload` as `text/plain` to `url` from `localAddress` (any 127.x.y.z on Linux). */
export const postBeacon = (
  url: URL,
  payload: string,
  agent: Agent,
  localAddress?: string,
): Promise<PostOutcome> =>
  new Promise((resolve) => {
    const start = performance.now();
    const done = (outcome: Omit<PostOutcome, 'ms'>) =>
      resolve({ ...outcome, ms: performance.now() - start });
    const req = request(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'text/plain;charset=UTF-8',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            body,
            retryAfter: res.headers['retry-after'] ?? null,
          }),
        );
        res.on('error', (error) =>
          done({ status: 0, body, retryAfter: null, error: error.message }),
        );
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('client timeout')));
    req.on('error', (error: NodeJS.ErrnoException) =>
      done({ status: 0, body: '', retryAfter: null, error: error.code ?? error.message }),
    );
    req.end(payload);
  });
