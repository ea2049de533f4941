/**
 * A small static server with no dependencies: `npm start` serves the playground on
 * http://localhost:3000 (PORT overrides); `--https --root dist/office-addin` serves the Excel
 * add-in with the development certificate office-addin-dev-certs installs (Excel needs HTTPS).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'fs';
import { createServer as createHttp, IncomingMessage, ServerResponse } from 'http';
import { createServer as createHttps } from 'https';
import { homedir } from 'os';
import { extname, join, normalize, resolve } from 'path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function handler(root: string) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    createReadStream(file).pipe(res);
  };
}

function main(): void {
  const args = process.argv.slice(2);
  const rootArg = args.includes('--root') ? args[args.indexOf('--root') + 1] : 'dist/playground';
  const root = resolve(__dirname, '..', rootArg);
  const port = Number(process.env.PORT ?? 3000);
  if (!existsSync(root)) {
    console.error(`${rootArg} does not exist: run npm run build first`);
    process.exit(1);
  }
  if (args.includes('--https')) {
    const certs = join(homedir(), '.office-addin-dev-certs');
    const options = { key: readFileSync(join(certs, 'localhost.key')), cert: readFileSync(join(certs, 'localhost.crt')) };
    createHttps(options, handler(root)).listen(port, () => console.log(`KPI Pilot add-in files on https://localhost:${port}/`));
  } else {
    createHttp(handler(root)).listen(port, () => console.log(`KPI Pilot playground: http://localhost:${port}/`));
  }
}

if (require.main === module) main();
