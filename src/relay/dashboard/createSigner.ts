import { fromBase64Url, toBase64Url } from './base64Url';

/** Signs and checks short messages with HMAC-SHA-256 under one secret. */
export interface Signer {
  /** The message's MAC, base64url. */
  sign(message: string): Promise<string>;
  /** Whether `mac` is the message's MAC; Web Crypto compares in constant time. */
  verify(message: string, mac: string): Promise<boolean>;
}

const encoder = new TextEncoder();

/**
 * An HMAC signer keyed by `secret` (the stats token). Keyed by the token itself, every relay
 * instance and every Worker isolate that has the token checks the same signatures, with no
 * shared memory; changing the token ends every session and form at once.
 */
export const createSigner = (secret: string): Signer => {
  let key: Promise<CryptoKey> | undefined;
  const keyOf = () =>
    (key ??= crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    ));
  return {
    async sign(message) {
      const mac = await crypto.subtle.sign('HMAC', await keyOf(), encoder.encode(message));
      return toBase64Url(new Uint8Array(mac));
    },
    async verify(message, mac) {
      const bytes = fromBase64Url(mac);
      if (!bytes) return false;
      return crypto.subtle.verify('HMAC', await keyOf(), bytes, encoder.encode(message));
    },
  };
};
