/** SHA-256 of a UTF-8 string as lowercase hex, with Web Crypto (Node ≥ 20 and workerd both have it). */
export const sha256Hex = async (text: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
};
