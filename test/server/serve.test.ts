/**
 * The local server (scripts/serve.ts) on a loopback port, sent what a browser never sends: bad
 * percent-encoding, dot segments that climb out of the root into a sibling folder, methods that
 * write, garbage request lines. Each answer is checked, then the server is asked for a file again
 * to show it is still alive. Compression is checked on the built playground (npm run build first).
 */
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { Server } from 'http';
import { AddressInfo, connect } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { brotliDecompressSync, gunzipSync } from 'zlib';
import { precompress } from '../../scripts/generate/precompress';
import { devCertificate, parsePort, readConfig, requestPath, startServer } from '../../scripts/serve';
import { DIST } from '../support/hosts';

const ROOT_DIR = join(__dirname, '../..');

/** One raw HTTP/1.1 exchange, so nothing normalises the request line on the way. */
function raw(port: number, request: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', fail);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      ok({ status: Number(head[0].split(' ')[1]), headers, body: all.subarray(split + 4) });
    });
    socket.write(request);
  });
}

const get = (port: number, path: string, extra = '', method = 'GET') =>
  raw(port, `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

describe('the local server on a loopback port', () => {
  let base: string;
  let server: Server;
  let port: number;
  const bigScript =
    'export const rows = [' + Array.from({ length: 400 }, (_, i) => `{ "month": ${i}, "mrr": ${i * 17} }`).join(',') + '];\n';

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'kpi-serve-'));
    const www = join(base, 'www');
    mkdirSync(www);
    mkdirSync(join(base, 'www-private'));
    writeFileSync(join(www, 'index.html'), '<!doctype html><title>KPI</title>');
    writeFileSync(join(www, 'app.js'), bigScript);
    writeFileSync(join(www, '.env'), 'SECRET=1');
    writeFileSync(join(base, 'www-private', 'secret.txt'), 'private');
    precompress(www);
    server = await startServer({ root: www, rootArg: 'www', port: 0, host: '127.0.0.1', https: false });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    rmSync(base, { recursive: true, force: true });
  });

  async function stillServes(): Promise<void> {
    const res = await get(port, '/');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('<title>KPI</title>');
  }

  it('listens on loopback unless HOST names an interface', () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(readConfig([], {}).host).toBe('127.0.0.1');
    expect(readConfig([], { HOST: '' }).host).toBe('127.0.0.1');
    expect(readConfig([], { HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('answers bad percent-encoding with 400 and keeps serving', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/app.js%']) {
      const res = await get(port, path);
      expect(res.status).toBe(400);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    await stillServes();
  });

  it('answers a request line that is not HTTP with 400 and keeps serving', async () => {
    const res = await raw(port, 'HELLO\r\n\r\n');
    expect(res.status).toBe(400);
    const star = await get(port, '*');
    expect(star.status).toBe(400);
    await stillServes();
  });

  it('never serves the sibling folder whose name starts like the root, however it is spelled', async () => {
    for (const path of [
      '/../www-private/secret.txt',
      '/%2e%2e/www-private/secret.txt',
      '/..%2fwww-private/secret.txt',
      '/x/../../www-private/secret.txt',
      '/..\\www-private\\secret.txt',
    ]) {
      const res = await get(port, path);
      expect(res.status).toBe(400);
      expect(res.body.toString()).not.toContain('private\n');
      expect(res.body.toString()).not.toBe('private');
    }
    await stillServes();
  });

  it('hides dot files', async () => {
    expect((await get(port, '/.env')).status).toBe(404);
  });

  it('says nosniff on every answer', async () => {
    for (const path of ['/', '/app.js', '/missing.js']) {
      expect((await get(port, path)).headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('serves GET and HEAD only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await get(port, '/index.html', 'Content-Length: 0\r\n', method);
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    const head = await get(port, '/app.js', '', 'HEAD');
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(bigScript));
    expect(head.body.length).toBe(0);
    await stillServes();
  });

  it('sends brotli or gzip to a browser that accepts it, and the bytes decode to the file', async () => {
    const br = await get(port, '/app.js', 'Accept-Encoding: gzip, deflate, br\r\n');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString()).toBe(bigScript);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(bigScript) / 4);

    const gz = await get(port, '/app.js', 'Accept-Encoding: gzip\r\n');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(bigScript);

    const plain = await get(port, '/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const body = plain.headers['transfer-encoding'] === 'chunked' ? dechunk(plain.body) : plain.body;
    expect(body.toString()).toBe(bigScript);
  });
});

describe('request paths', () => {
  it('keeps clean paths and refuses the rest', () => {
    expect(requestPath('/app.js?v=2')).toBe('/app.js');
    expect(requestPath('/a%20b.html')).toBe('/a b.html');
    expect(requestPath('/')).toBe('/');
    for (const bad of ['', 'app.js', '*', 'http://x/app.js', '/%', '/%00', '/a\\b', '/./a', '/a/..', '/%2e%2e/x'])
      expect(requestPath(bad)).toBeNull();
  });
});

describe('start-up errors in plain words', () => {
  it('explains a PORT that is not a port', () => {
    expect(parsePort(undefined)).toBe(3000);
    expect(parsePort(' 8080 ')).toBe(8080);
    for (const bad of ['abc', '80.5', '-1', '0', '70000', '1e3'])
      expect(() => parsePort(bad)).toThrow(/PORT must be a whole number from 1 to 65535/);
  });

  it('explains a missing development certificate', () => {
    const empty = mkdtempSync(join(tmpdir(), 'kpi-certs-'));
    expect(() => devCertificate(empty)).toThrow(/HTTPS development certificate is missing .*office-addin-dev-certs install/);
    rmSync(empty, { recursive: true, force: true });
  });

  /** The real command, as npm start runs it: one sentence on stderr, exit code 1, no stack trace. */
  function run(args: string[], env: Record<string, string>) {
    return spawnSync(join(ROOT_DIR, 'node_modules/.bin/tsx'), [join(ROOT_DIR, 'scripts/serve.ts'), ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 60000,
    });
  }

  it('prints one sentence, not a stack, for a bad PORT or a missing certificate', () => {
    const home = mkdtempSync(join(tmpdir(), 'kpi-home-'));
    const port = run([], { PORT: 'abc' });
    expect(port.status).toBe(1);
    expect(port.stderr.trim()).toBe('PORT must be a whole number from 1 to 65535 (got "abc"), for example PORT=8080 npm start.');

    const certs = run(['--https', '--root', 'test/server'], { HOME: home, PORT: '3999' });
    expect(certs.status).toBe(1);
    expect(certs.stderr).toContain('The HTTPS development certificate is missing');
    expect(certs.stderr).not.toMatch(/\n\s+at /);
    rmSync(home, { recursive: true, force: true });
  });
});

describe('the built playground is sent compressed', () => {
  it('has brotli and gzip copies of app.js at a fraction of its size', () => {
    const app = readFileSync(join(DIST, 'playground/app.js'));
    const br = readFileSync(join(DIST, 'playground/app.js.br'));
    const gz = readFileSync(join(DIST, 'playground/app.js.gz'));
    expect(brotliDecompressSync(br).equals(app)).toBe(true);
    expect(gunzipSync(gz).equals(app)).toBe(true);
    expect(br.length).toBeLessThan(app.length / 3);
  });
});
