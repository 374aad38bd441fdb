import { prereadBodyOf } from './prereadBody';
import type { RelayRequest } from './relayRequest';

/** Why a body could not be read. */
export type BodyFailure = 'too-large' | 'timeout' | 'aborted';

/** The bytes of a body, or why not. */
export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: BodyFailure };

/**
 * Reads a request body chunk by chunk and stops as soon as it passes `maxBytes`, so a client
 * cannot make the relay buffer more than the limit (a `Content-Length` header can lie or be
 * absent). A body that trickles in slower than `timeoutMs` in total is abandoned.
 */
export const readBody = async (
  request: RelayRequest,
  maxBytes: number,
  timeoutMs: number,
): Promise<BodyResult> => {
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBytes) return { ok: false, reason: 'too-large' };
  // Read already by the Node adapter, within the same limit and time-out.
  const preread = prereadBodyOf(request);
  if (preread) {
    return preread.byteLength > maxBytes
      ? { ok: false, reason: 'too-large' }
      : { ok: true, bytes: preread };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  // A declared length within the limit: HTTP framing (Node's parser, Cloudflare's edge) stops
  // the body at that length, so one read is safe and skips the per-chunk stream machinery.
  // The size is still checked after, for a Request built in-process with a wrong header.
  if (declared > 0 && request.arrayBuffer) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const read = await Promise.race([request.arrayBuffer(), timeout]);
      if (read === 'timeout') return { ok: false, reason: 'timeout' };
      const bytes = new Uint8Array(read);
      return bytes.byteLength > maxBytes ? { ok: false, reason: 'too-large' } : { ok: true, bytes };
    } catch {
      return { ok: false, reason: 'aborted' };
    } finally {
      clearTimeout(timer);
    }
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === 'timeout') {
        reader.cancel().catch(() => {});
        return { ok: false, reason: 'timeout' };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) {
        reader.cancel().catch(() => {});
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(next.value);
    }
  } catch {
    return { ok: false, reason: 'aborted' };
  } finally {
    clearTimeout(timer);
  }
  if (chunks.length === 1) return { ok: true, bytes: chunks[0] };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
};
