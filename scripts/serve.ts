/**
 * The local server: `npm start` serves the playground on http://127.0.0.1:3000; `--https --root
 * dist/office-addin` serves the Excel add-in with the development certificate office-addin-dev-certs
 * installs (Excel needs HTTPS). Files are served by sirv, which resolves paths inside the root and
 * sends the .br/.gz copies the build writes next to each text asset (scripts/generate/precompress.ts).
 * This module adds what a development server still needs: loopback unless HOST says otherwise,
 * GET/HEAD only, 400 for an address that is not a clean path, nosniff, and errors in plain words.
 */
import { existsSync, readFileSync, statSync } from 'fs';
import { createServer as createHttp, IncomingMessage, Server, ServerResponse } from 'http';
import { createServer as createHttps } from 'https';
import { homedir } from 'os';
import { extname, join, resolve } from 'path';
import sirv from 'sirv';

/** Text types get an explicit charset: the bundles hold non-ASCII text. */
const TEXT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function reply(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text + '\n');
}

/**
 * The decoded path of a request, or null when the address is not one a browser sends for a file:
 * not starting with '/', bad percent-encoding, a NUL or backslash, or a '.'/'..' segment.
 */
export function requestPath(url: string | undefined): string | null {
  if (!url || url[0] !== '/') return null;
  const raw = url.split(/[?#]/, 1)[0];
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  return path;
}

/** The request handler for a folder of built files (also used by the browser tests). */
export function handler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const files = sirv(resolve(root), {
    dev: true, // look files up on each request, so a rebuild shows without a restart
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders: (res, pathname) => {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      const type = TEXT_TYPES[extname(pathname.endsWith('/') ? 'index.html' : pathname)];
      if (type) res.setHeader('Content-Type', type);
    },
  });
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      reply(res, 405, `${req.method} is not supported: this server only reads files (GET and HEAD).`, { allow: 'GET, HEAD' });
      return;
    }
    const path = requestPath(req.url);
    if (path === null) {
      reply(res, 400, 'Bad request: the address is not a valid file path.');
      return;
    }
    // hidden files and folders are never served
    if (path.split('/').some((segment) => segment.startsWith('.'))) {
      reply(res, 404, 'Not found.');
      return;
    }
    try {
      files(req, res, () => reply(res, 404, 'Not found.'));
    } catch {
      if (!res.headersSent) reply(res, 500, 'The file could not be read.');
      else res.destroy();
    }
  };
}

/** What the command line and environment ask for, or a sentence saying what to fix. */
export interface ServeConfig {
  root: string;
  rootArg: string;
  port: number;
  host: string;
  https: boolean;
}

export class ServeConfigError extends Error {}

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const port = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ServeConfigError(`PORT must be a whole number from 1 to 65535 (got "${raw}"), for example PORT=8080 npm start.`);
  }
  return port;
}

export function readConfig(args: string[], env: NodeJS.ProcessEnv): ServeConfig {
  const at = args.indexOf('--root');
  if (at >= 0 && (at + 1 >= args.length || args[at + 1].startsWith('--')))
    throw new ServeConfigError('--root needs a folder, for example --root dist/office-addin.');
  const rootArg = at >= 0 ? args[at + 1] : 'dist/playground';
  const root = resolve(__dirname, '..', rootArg);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new ServeConfigError(`${rootArg} does not exist: run npm run build first.`);
  // loopback unless HOST names an interface: a development server has no business on the network
  const host = env.HOST?.trim() || '127.0.0.1';
  return { root, rootArg, port: parsePort(env.PORT), host, https: args.includes('--https') };
}

/** The development certificate office-addin-dev-certs installs, or a sentence saying how to get it. */
export function devCertificate(dir = join(homedir(), '.office-addin-dev-certs')): { key: Buffer; cert: Buffer } {
  const key = join(dir, 'localhost.key');
  const cert = join(dir, 'localhost.crt');
  for (const file of [key, cert]) {
    if (!existsSync(file)) {
      throw new ServeConfigError(
        `The HTTPS development certificate is missing (${file}). Install it with npx office-addin-dev-certs install (npm run start:excel does this), then start again.`,
      );
    }
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

function listenError(error: NodeJS.ErrnoException, config: ServeConfig): string {
  if (error.code === 'EADDRINUSE')
    return `Port ${config.port} is already in use: stop the other server or pick another port, for example PORT=8080 npm start.`;
  if (error.code === 'EACCES')
    return `Port ${config.port} needs administrator rights here: pick a port above 1023, for example PORT=8080 npm start.`;
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    return `HOST=${config.host} is not an address of this machine: leave HOST unset for this computer only, or use HOST=0.0.0.0 to open it to the network.`;
  return `The server could not start: ${error.message}`;
}

/** Starts the server; resolves once it listens, rejects with a plain sentence when it cannot. */
export function startServer(config: ServeConfig): Promise<Server> {
  const server = config.https ? createHttps(devCertificate(), handler(config.root)) : createHttp(handler(config.root));
  return new Promise((ok, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => fail(new ServeConfigError(listenError(error, config))));
    server.listen(config.port, config.host, () => ok(server));
  });
}

function displayHost(host: string): string {
  if (host === '127.0.0.1' || host === '::1') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

async function main(): Promise<void> {
  try {
    const config = readConfig(process.argv.slice(2), process.env);
    await startServer(config);
    const url = `${config.https ? 'https' : 'http'}://${displayHost(config.host)}:${config.port}/`;
    console.log(config.https ? `KPI Pilot add-in files on ${url}` : `KPI Pilot playground: ${url}`);
    if (config.host !== '127.0.0.1' && config.host !== 'localhost' && config.host !== '::1') {
      console.log(`HOST=${config.host}: other machines that can reach this address can open it too.`);
    }
  } catch (error) {
    console.error(error instanceof ServeConfigError ? error.message : `The server could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (require.main === module) void main();
