import { Browser } from 'playwright-core';
import { usePlayground } from '../support/browser';

/**
 * The built playground as a browser receives it from the local server: every script and style
 * sheet arrives compressed (brotli or gzip, whichever the browser offers), and the page still
 * starts. Transferred bytes are compared with the files' own sizes.
 */
jest.setTimeout(120000);

let browser: Browser;
let url: string;

usePlayground((s) => ({ browser, url } = s), { open: false });

it('sends the playground’s scripts and styles compressed, and the page starts', async () => {
  const seen: { path: string; encoding: string | undefined; type: string | undefined }[] = [];
  const app = await browser.newPage(); // a new context: nothing cached
  const errors: string[] = [];
  app.on('pageerror', (e) => errors.push(String(e)));
  app.on('response', async (r) => {
    const path = new URL(r.url()).pathname;
    const h = await r.allHeaders();
    seen.push({ path, encoding: h['content-encoding'], type: h['content-type'] });
  });
  await app.goto(url);
  await app.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  const app_js = seen.find((s) => s.path === '/app.js');
  expect(app_js).toBeDefined();
  expect(['br', 'gzip']).toContain(app_js!.encoding);
  expect(app_js!.type).toBe('text/javascript; charset=utf-8');
  for (const s of seen.filter((x) => /\.(js|css)$/.test(x.path)))
    expect([s.path, s.encoding && ['br', 'gzip'].includes(s.encoding)]).toEqual([s.path, true]);
  // what went over the wire for app.js against its size on disk
  const sizes = await app.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => {
      const r = e as PerformanceResourceTiming;
      return { name: new URL(r.name).pathname, transfer: r.encodedBodySize, decoded: r.decodedBodySize };
    }),
  );
  const js = sizes.find((s) => s.name === '/app.js')!;
  expect(js.transfer).toBeLessThan(js.decoded / 3);
  expect(errors).toEqual([]);
  await app.close();
});
