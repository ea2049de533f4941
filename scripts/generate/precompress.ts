/**
 * Brotli and gzip copies of the text assets, written next to them at build time (app.js.br,
 * app.js.gz), so the local server sends compressed bytes without compressing on every request and
 * any static host that serves precompressed files can do the same. Node's zlib only: no package.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { extname, join } from 'path';
import { brotliCompressSync, constants, gzipSync } from 'zlib';

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.json', '.svg', '.xml', '.txt']);
/** Below this a compressed copy saves less than the headers cost. */
const MIN_BYTES = 1024;

export interface Precompressed {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function precompress(dir: string): Precompressed[] {
  const done: Precompressed[] = [];
  const all = filesUnder(dir);
  // copies left by an earlier build would be served in place of a file that changed or went away
  for (const file of all) if (/\.(br|gz)$/.test(file)) rmSync(file);
  for (const file of all) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const data = readFileSync(file);
    if (data.length < MIN_BYTES) continue;
    const br = brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    const gz = gzipSync(data, { level: 9 });
    writeFileSync(file + '.br', br);
    writeFileSync(file + '.gz', gz);
    done.push({ file, bytes: data.length, gzip: gz.length, brotli: br.length });
  }
  return done;
}
