import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Raw, gzip -9 and brotli -11 bytes of `files` (path → Buffer), as scripts/size.mjs counts them. */
export const transferSizes = (files) => {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  const perFile = {};
  for (const [path, bytes] of files) {
    const size = {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        .length,
    };
    perFile[path] = size;
    for (const key of Object.keys(total)) total[key] += size[key];
  }
  return { ...total, files: perFile };
};
