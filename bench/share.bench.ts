/**
 * Share-ready freeze and restore of a 7-KPI SaaS dashboard with every extra sheet and alerts on,
 * an analyst's KPI_BY table beside it, in both hosts' fakes (test/fakes, test/office-addin), at
 * two data sizes. Figures only:
 * - round trips: Excel context.sync() calls, and SpreadsheetApp calls that return document state
 *   (getValues, getFormulas, getLastRow, getLastColumn: each one a round trip in Apps Script),
 *   plus all SpreadsheetApp calls; equal at both sizes is the point;
 * - time of our side (read, core planFreeze, queue writes into the model), against the core
 *   planFreeze alone on the same cells in the same run. The freeze reads every used cell (a KPI
 *   Pilot formula may be anywhere), so time grows with the data while round trips do not.
 */
import { makeLiveAgain, prepareForSharing } from '../apps-script/dashboard/share';
import { maySpill, needsFreezing, planFreeze, SheetCells } from '../core/dashboard/share';
import { allExtrasSetup as sheetsExtras, AS_OF, extrasWorkbook, generateNow } from '../test/apps-script/support';
import { FakeWorkbook } from '../test/office-addin/fake-excel';
import { allExtrasSetup as excelExtras, bigWorkbook, bridgeFor, plainOffice } from '../test/office-addin/support';
import { TOUCHES } from '../test/fixtures/dashboard/company';
import { compare, report, section } from './harness';

const SIZES = [100, 5000];

function value(formula: string, row: number, col: number): unknown {
  if (!needsFreezing(formula)) return row * 1000 + col;
  if (maySpill(formula))
    return [
      ['Channel', 'Value'],
      ['Ads', 10 + col],
      ['SEO', 0.5],
    ];
  return formula.length + row / 100;
}

async function best(fn: () => Promise<unknown> | unknown, runs = 3): Promise<number> {
  await fn();
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return min;
}

function sheetsRun(rows: number): { reads: number; calls: number; ms: number; coreMs: number } {
  const { fake, uninstall } = extrasWorkbook({ evaluate: (_s, r, c, f) => value(f, r, c) }, rows);
  try {
    fake.addSheet('Analysis', [['By channel']]).cell(2, 1, true)!.f = '=KPI_BY("CAC",Marketing!B2:B,Marketing!C2:C,Marketing!F2:F)';
    generateNow(sheetsExtras(), AS_OF);
    const start = fake.log.length;
    prepareForSharing();
    makeLiveAgain();
    const log = fake.log.slice(start);
    const reads = log.filter((e) => /\.(getValues|getFormulas|getLastRow|getLastColumn|getValue)$/.test(e)).length;
    const cells: SheetCells[] = fake.spreadsheet.sheets.map((s) => {
      const range = s.getRange(1, 1, Math.max(1, s.getLastRow()), Math.max(1, s.getLastColumn()));
      return { sheet: s.name, top: 1, left: 1, formulas: range.getFormulas(), values: range.getValues() };
    });
    let ms = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      prepareForSharing();
      makeLiveAgain();
      ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    let coreMs = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      planFreeze(cells, { date: '2026-03-31', locale: 'en' });
      coreMs = Math.min(coreMs, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return { reads, calls: log.length, ms, coreMs };
  } finally {
    uninstall();
  }
}

function compute(book: FakeWorkbook): void {
  for (const s of book.sheets)
    for (const [k, c] of s.cells)
      if (!c.quoted && typeof c.input === 'string' && c.input.startsWith('='))
        c.computed = value(c.input, Math.floor(k / 16384), k % 16384);
}

export async function run(): Promise<void> {
  section('Share-ready freeze + restore (7-KPI SaaS dashboard, every extra, an analyst table)');
  for (const rows of SIZES) {
    const r = sheetsRun(rows);
    console.log(`${`Sheets at ${rows} data rows`.padEnd(58)} round trips ${r.reads}, SpreadsheetApp calls ${r.calls}; equal at every size`);
    compare(`Sheets freeze + restore, ${rows} rows`, r.ms, 'core planFreeze', r.coreMs);
  }
  for (const rows of SIZES) {
    const book = bigWorkbook(rows);
    book.addSheet('Touches', [TOUCHES[0], ...Array.from({ length: rows }, (_, i) => TOUCHES[1 + (i % 5)])]);
    const bridge = bridgeFor(book, plainOffice());
    await bridge.generate(excelExtras(), '2026-03-15');
    book.addSheet('Analysis', [['By channel'], ['=KPIPILOT.KPI_BY("CAC",Marketing!B2:B99,Marketing!C2:C99,Marketing!F2:F99)']]);
    compute(book);
    let s0 = book.syncs;
    await bridge.share!.prepare();
    const prepare = book.syncs - s0;
    s0 = book.syncs;
    await bridge.share!.makeLive();
    const live = book.syncs - s0;
    compute(book);
    s0 = book.syncs;
    await bridge.share!.repair!();
    const repair = book.syncs - s0;
    console.log(
      `${`Excel syncs at ${rows} data rows`.padEnd(58)} prepare ${prepare}, make live ${live}, repair ${repair}; equal at every size`,
    );
    const ms = await best(async () => {
      await bridge.share!.prepare();
      await bridge.share!.makeLive();
      compute(book);
    });
    report(`Excel freeze + restore (model included), ${rows} rows`, ms);
  }
}
