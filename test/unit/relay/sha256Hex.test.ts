import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/relay/sha256Hex';

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 vectors, and Web Crypto the same for UTF-8 text', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex('')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const text = 'zorg/pagina-3 — één ✓';
    const web = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
    );
    expect(await sha256Hex(text)).toBe(Buffer.from(web).toString('hex'));
  });
});
