import type * as NodeCrypto from 'node:crypto';

/** Node's `crypto` when this runs on Node (≥ 20.16 has `process.getBuiltinModule`), else `undefined`. */
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?(id: string): unknown } }
).process?.getBuiltinModule?.('node:crypto') as typeof NodeCrypto | undefined;

/**
 * SHA-256 of a UTF-8 string as lowercase hex. On Node it is computed at once with `node:crypto`
 * (Web Crypto's digest is a round trip through the thread pool, about 50× slower per call for
 * the short texts hashed here); elsewhere (workerd) with Web Crypto. The result is the same.
 */
export const sha256Hex = async (text: string): Promise<string> => {
  // `hash()` (Node ≥ 20.12) is the one-shot form: no Hash object per call, half the time.
  if (nodeCrypto?.hash) return nodeCrypto.hash('sha256', text, 'hex');
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
};
