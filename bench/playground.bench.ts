import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { launch, servePlayground } from '../test/support/browser';
import { compare, report, section } from './harness';

/** First render of the sample workbook in headless Chromium, and what the page weighs. */
export async function run(): Promise<void> {
  section('Playground (target: first render under 1 s)');
  const dir = join(__dirname, '../dist/playground');
  // What the first render loads; lazy chunks (the xlsx download) are fetched only on click.
  const weigh = (files: string[]) =>
    files.reduce((acc, f) => [acc[0] + statSync(join(dir, f)).size, acc[1] + gzipSync(readFileSync(join(dir, f))).length], [0, 0]);
  const files = readdirSync(dir).filter((f) => !f.endsWith('.txt') && statSync(join(dir, f)).isFile());
  const [bytes, gzipped] = weigh(files.filter((f) => !f.endsWith('.chunk.js')));
  const [lazy, lazyGz] = weigh(files.filter((f) => f.endsWith('.chunk.js')));
  console.log(`${'page weight at first render (html + js + css)'.padEnd(58)} ${(bytes / 1024).toFixed(0).padStart(9)} KB  ${(gzipped / 1024).toFixed(0)} KB gzipped`);
  console.log(`${'loaded on "Download workbook" only'.padEnd(58)} ${(lazy / 1024).toFixed(0).padStart(9)} KB  ${(lazyGz / 1024).toFixed(0)} KB gzipped`);

  const { server, url } = await servePlayground();
  const browser = await launch();
  try {
    const times: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]');
      times.push(await page.evaluate(() => (window as unknown as { kpiPilot: { readyMs: number } }).kpiPilot.readyMs));
      await page.close();
      const empty = await browser.newPage();
      await empty.goto(url + 'styles.css');
      blank.push(await empty.evaluate(() => performance.now()));
      await empty.close();
    }
    compare('first render: navigation to sample workbook shown', Math.min(...times), 'loading a static file', Math.min(...blank), 'under 1 s');
    report('first render, median of 5', times.sort((a, b) => a - b)[2]);
  } finally {
    await browser.close();
    server.close();
  }
}
