/** Copy of `bytes` with every bit after the first `keepBits` set to zero. */
export const maskBytes = (bytes: Uint8Array, keepBits: number): Uint8Array =>
  bytes.map((byte, i) => {
    const keep = Math.min(8, Math.max(0, keepBits - i * 8));
    return byte & (0xff00 >> keep);
  });
