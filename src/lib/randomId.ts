const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * 128 random bits as 22 base64url characters. Used for consent receipt ids and pseudonyms: random,
 * so never derived from the IP address or the device.
 */
export const randomId = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  // 22 characters × 6 bits = 132 bits; the last character carries the final 2 bits of byte 15.
  for (let bit = 0; bit < 128; bit += 6) {
    const byte = bit >> 3;
    const offset = bit & 7;
    const pair = (bytes[byte] << 8) | (bytes[byte + 1] ?? 0);
    id += BASE64URL[(pair >> (10 - offset)) & 63];
  }
  return id;
};
