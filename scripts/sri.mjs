#!/usr/bin/env node
// Prints the Subresource Integrity hash of every browser file in dist/, and writes them to
// dist/sri.json, so a site can pin exactly the file it reviewed:
//   <script src="/js/zorgvuldig.min.js" integrity="sha384-…" crossorigin="anonymous">
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const files = readdirSync('dist').filter(
  (name) => /\.(m?js)$/.test(name) && !name.includes('relay'),
);
const hashes = Object.fromEntries(
  files.sort().map((name) => [
    name,
    `sha384-${createHash('sha384')
      .update(readFileSync(`dist/${name}`))
      .digest('base64')}`,
  ]),
);
writeFileSync('dist/sri.json', `${JSON.stringify(hashes, null, 2)}\n`);
for (const [name, hash] of Object.entries(hashes)) console.log(`${name.padEnd(24)} ${hash}`);
