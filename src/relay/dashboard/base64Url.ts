/** Bytes as base64url without padding (cookie- and form-safe), with `btoa` (Node and workerd). */
export const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/** The bytes of a base64url string, or `null` when it is not one. */
export const fromBase64Url = (text: string): Uint8Array<ArrayBuffer> | null => {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
};

/** `length` random bytes as base64url. */
export const randomBase64Url = (length: number): string =>
  toBase64Url(crypto.getRandomValues(new Uint8Array(length)));
