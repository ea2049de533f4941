/**
 * workbookToXlsx runs in the browser: the export module is bundled by webpack for the web (no
 * Node polyfills, as in the playground's lazy chunk) and run in headless Chromium, which builds
 * the sample dashboard workbook. Its bytes must read back with the same cells as the workbook
 * built in Node.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import webpack from 'webpack';
import { buildPlan } from '../../core/dashboard/planner';
import { detectMapping } from '../../core/dashboard/mapping';
import { dashboardWorkbookSheets } from '../../playground/export/plan-sheets';
import { workbookToXlsx } from '../../playground/export/xlsx';
import { generateSample } from '../../playground/sample/company';
import { launch } from '../support/browser';
import { readBytes, valueOf } from './read-back';

const AS_OF = '2026-10-15';
const KPIS = ['mrr', 'arpa', 'cac', 'cpl', 'conversion_rate', 'lead_to_opp', 'win_rate'];

/** Bundles browser-entry.ts as a global KpiXlsx; returns the file. */
let out: string | undefined;
async function bundle(): Promise<string> {
  out = mkdtempSync(join(tmpdir(), 'kpi-xlsx-web-'));
  const compiler = webpack({
    mode: 'development', // no minifying: this checks that it bundles and runs, not its size
    devtool: false,
    target: ['web', 'es2019'],
    entry: join(__dirname, 'browser-entry.ts'),
    output: { path: out, filename: 'xlsx.js', library: { name: 'KpiXlsx', type: 'var' } },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: { noEmit: false, module: 'es2020', moduleResolution: 'node', target: 'es2019' },
            },
          },
        },
      ],
    },
    performance: { hints: false },
  });
  const stats = await new Promise<webpack.Stats>((ok, fail) => compiler.run((err, s) => (err || !s ? fail(err) : ok(s))));
  await new Promise<void>((ok) => compiler.close(() => ok()));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return join(out, 'xlsx.js');
}

let browser: Browser;
afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

it('builds the sample dashboard workbook in Chromium, with the same cells as in Node', async () => {
  const script = await bundle();
  browser = await launch();
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setContent('<!doctype html><title>xlsx</title>');
  await page.addScriptTag({ path: script });
  const fromPage = await page.evaluate(
    async ({ asOf, kpis }) => {
      const K = (window as unknown as { KpiXlsx: typeof import('./browser-entry') }).KpiXlsx;
      const sample = K.generateSample();
      const mapping = K.detectMapping(
        Object.entries(sample.sheets).map(([name, rows]) => ({ name, headers: rows[0], rows: rows.length - 1 })),
      ).mapping;
      const plan = K.buildPlan({ setup: { v: 1, locale: 'en', kpis: kpis as never, mapping, goals: [] }, asOf });
      const bytes = await K.workbookToXlsx(K.dashboardWorkbookSheets(sample.sheets, plan));
      return { plain: Object.getPrototypeOf(bytes) === Uint8Array.prototype, bytes: Array.from(bytes) };
    },
    { asOf: AS_OF, kpis: KPIS },
  );
  expect(errors).toEqual([]);
  expect(fromPage.plain).toBe(true);

  const sample = generateSample();
  const mapping = detectMapping(
    Object.entries(sample.sheets).map(([name, rows]) => ({ name, headers: rows[0], rows: rows.length - 1 })),
  ).mapping;
  const plan = buildPlan({ setup: { v: 1, locale: 'en', kpis: KPIS as never, mapping, goals: [] }, asOf: AS_OF });
  const [web, node] = await Promise.all([
    readBytes(new Uint8Array(fromPage.bytes)),
    readBytes(await workbookToXlsx(dashboardWorkbookSheets(sample.sheets, plan))),
  ]);
  expect(web.worksheets.map((w) => w.name)).toEqual(node.worksheets.map((w) => w.name));
  for (const ws of node.worksheets) {
    const other = web.getWorksheet(ws.name)!;
    expect(other.rowCount).toBe(ws.rowCount);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const there = other.getCell(cell.address);
        if (JSON.stringify(there.value) !== JSON.stringify(cell.value) || there.numFmt !== cell.numFmt) {
          throw new Error(
            `${ws.name}!${cell.address}: browser wrote ${JSON.stringify(there.value)} (${there.numFmt}), Node ${JSON.stringify(cell.value)} (${cell.numFmt})`,
          );
        }
      }),
    );
  }
  expect(valueOf(web.getWorksheet('Marketing')!, 'A2')).toBe(45597); // 2024-11-01
  expect(web.getWorksheet('KPI Dashboard')!.getCell('B5').value).toEqual({ formula: 'N16' });
}, 120000);
