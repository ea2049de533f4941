/**
 * What a colleague without the add-in sees in a SHARE-READY download: the sample company with a
 * 7-KPI dashboard (three of them computed by KPI Pilot functions), every extra sheet and an
 * analyst's own KPI_BY and cohort tables, built in the playground's HyperFormula workbook, then
 * downloaded share-ready (playground/export/workbook-sheets.ts), recalculated by headless
 * LibreOffice (scripts/libreoffice) and read back with ExcelJS.
 *
 * Expected: no error cell on any sheet; every cell of every generated sheet and of the analyst's
 * sheet equals what the live workbook showed (numbers to 1e-9 relative: LibreOffice recomputes
 * the native formulas over the frozen values); each frozen sheet carries the banner; the
 * formulas are kept on the hidden "KPI Pilot formulas" sheet, exactly as they were.
 *
 * Needs Debian's libreoffice-calc (soffice).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import JSZip from 'jszip';
import { tmpdir } from 'os';
import { join } from 'path';
import type ExcelJS from 'exceljs';
import { DetailedCellError } from 'hyperformula';
import { cell, requireRect, splitSheetRef } from '../../core/dashboard/a1';
import { DashboardPlan } from '../../core/dashboard/plan';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { callsKpiPilot, FORMULAS_SHEET, needsFreezing, parseRecord } from '../../core/dashboard/share';
import { applyPlan } from '../../playground/dashboard/apply';
import { Workbook } from '../../playground/engine/workbook';
import { workbookSheets } from '../../playground/export/workbook-sheets';
import { workbookToXlsx } from '../../playground/export/xlsx';
import { generateSample } from '../../playground/sample/company';
import { recalculate } from '../../scripts/libreoffice/recalc';
import { isError, readWorkbook, Value, valueOf } from './read-back';
import { mappingOf } from '../support/mapping';

const AS_OF = '2026-10-15';
const TODAY = '2026-10-31';
const sample = generateSample();
const ANALYSIS = 'Analysis';
const MAPPING = mappingOf(sample.sheets);
const SETUP: DashboardSetup = {
  v: 1,
  locale: 'en',
  template: null,
  kpis: ['mrr', 'mrr_churn', 'nrr', 'ltv', 'cac', 'win_rate', 'arpa'],
  mapping: MAPPING,
  goals: [{ kpi: 'mrr', baseline: 100000, target: 200000, start: '2026-01-01', end: '2026-12-31', owner: 'Alice Martin' }],
  extras: {
    attribution: true,
    customers: true,
    commissions: { quota: 200000, tiers: [0, 0.5, 1], rates: [0.02, 0.05, 0.08], method: 'retroactive', period: 'quarter' },
  },
};

let plan: DashboardPlan;
let workbook: Workbook;
let out: ExcelJS.Workbook;
let recalculated: string;
let dir: string | undefined;
/** What the live workbook shows, by sheet, row-major from A1. */
const live = new Map<string, Value[][]>();
const GENERATED = () => plan.sheets.filter((s) => s.role !== 'history').map((s) => s.name);

beforeAll(async () => {
  workbook = new Workbook({
    ...sample.sheets,
    // an analyst's own tables: a KPI_BY breakdown and a cohort table, both spilling from their cell
    [ANALYSIS]: [
      ['CAC by channel', null, null, null, 'Cohorts'],
      [
        '=KPI_BY("CAC",Marketing!B2:B121,Marketing!C2:C121,Marketing!F2:F121)',
        null,
        null,
        null,
        '=COHORT_RETENTION(Subscriptions!A2:A400,Subscriptions!B2:B400)',
      ],
    ],
  });
  plan = buildPlan({ setup: SETUP, asOf: AS_OF, existingSheets: workbook.sheetNames().map((name) => ({ name, marker: null })) });
  applyPlan(workbook, plan);
  for (const name of [...GENERATED(), ANALYSIS]) {
    const id = workbook.sheetId(name);
    live.set(
      name,
      workbook.hf.getSheetValues(id).map((row) => row.map((v) => (v instanceof DetailedCellError ? { error: v.value } : (v as Value)))),
    );
  }
  const bytes = await workbookToXlsx(workbookSheets(workbook, plan, { shareReady: true, date: TODAY, locale: 'en' }));
  dir = mkdtempSync(join(tmpdir(), 'kpi-share-'));
  const book = join(dir, 'share-ready.xlsx');
  writeFileSync(book, bytes);
  recalculated = recalculate(book, join(dir, 'recalculated'), 120000).path;
  out = await readWorkbook(recalculated);
}, 240000);

afterAll(() => {
  if (dir && !process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  else if (dir) console.log(dir);
});

const at = (sheet: string, address: string): Value => valueOf(out.getWorksheet(sheet)!, address);

describe('the share-ready workbook recalculated by LibreOffice', () => {
  it('has the generated sheets, the extras and the analyst sheet, with the formulas sheet hidden at the end', () => {
    const names = out.worksheets.map((w) => w.name);
    // KPI History comes with the user's sheets: it is written from the workbook (its appended rows), not from the plan
    expect(names).toEqual([
      ...Object.keys(sample.sheets),
      ANALYSIS,
      'KPI History',
      ...plan.sheets.filter((s) => s.role !== 'history').map((s) => s.name),
      FORMULAS_SHEET,
    ]);
    expect(plan.sheets.map((s) => s.role)).toEqual([
      'dashboard',
      'goals',
      'definitions',
      'history',
      'attribution',
      'customers',
      'commissions',
    ]);
    expect(out.getWorksheet(FORMULAS_SHEET)!.state).toBe('hidden');
  });

  it('the live workbook had KPI Pilot cells to freeze on every extra, the dashboard and the analyst sheet', () => {
    const record = parseRecord(sheetRows(FORMULAS_SHEET));
    const frozen = new Set(record.formulas.map((f) => f.sheet));
    expect([...frozen].sort()).toEqual(['Analysis', 'Attribution', 'Commissions', 'Customers at risk', 'KPI Dashboard'].sort());
    expect(record.formulas.every((f) => needsFreezing(f.formula))).toBe(true);
    expect(record.formulas.filter((f) => !callsKpiPilot(f.formula)).map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      'Customers at risk!A6',
      'Commissions!A6',
    ]); // SORT/FILTER/HSTACK, #NAME? in LibreOffice 7
    expect(record.frozenAt).toBe(TODAY);
    // the analyst's two tables, frozen whole from their header
    expect(record.formulas.filter((f) => f.sheet === ANALYSIS).map((f) => f.cell)).toEqual(['A2', 'E2']);
  });

  it('shows no error cell on any sheet', () => {
    const errors: string[] = [];
    for (const ws of out.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (c) => {
          const v = valueOf(ws, c.address);
          if (isError(v)) errors.push(`${ws.name}!${c.address} ${v.error}`);
        }),
      );
    }
    expect(errors).toEqual([]);
  });

  it('shows on every generated sheet and the analyst sheet exactly the values the live workbook showed', () => {
    let compared = 0;
    const numbers = new Map<string, number>();
    for (const [sheet, rows] of live) {
      const banner = plan.sheets.some((s) => s.name === sheet) || sheet === ANALYSIS;
      rows.forEach((row, r) =>
        row.forEach((expected, c) => {
          const address = cell(c + 1, r + 1);
          const shown = at(sheet, address);
          if (isError(expected)) throw new Error(`the live workbook shows ${expected.error} at ${sheet}!${address}`);
          if (expected === null || expected === '') {
            if (!(banner && r === 0)) expect([`${sheet}!${address}`, shown ?? '']).toEqual([`${sheet}!${address}`, '']);
            return;
          }
          compared++;
          if (typeof expected === 'number') {
            numbers.set(sheet, (numbers.get(sheet) ?? 0) + 1);
            if (typeof shown !== 'number' || Math.abs(shown - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
              throw new Error(`${sheet}!${address}: live ${expected}, LibreOffice ${JSON.stringify(shown)}`);
          } else expect([`${sheet}!${address}`, shown]).toEqual([`${sheet}!${address}`, expected]);
        }),
      );
    }
    expect(compared).toBeGreaterThan(2000);
    // the extras hold their numbers
    for (const sheet of ['Attribution', 'Customers at risk', 'Commissions', ANALYSIS]) expect(numbers.get(sheet) ?? 0).toBeGreaterThan(10);
  });

  it('carries the banner on each frozen sheet, in the first free cell of row 1', () => {
    for (const sheet of ['KPI Dashboard', 'Attribution', 'Customers at risk', 'Commissions', ANALYSIS]) {
      const row1 = live.get(sheet)![0] ?? [];
      let col = 2;
      while (row1[col - 1] !== null && row1[col - 1] !== undefined && row1[col - 1] !== '') col++;
      expect([sheet, at(sheet, cell(col, 1))]).toEqual([
        sheet,
        `Values as of ${TODAY}, computed by KPI Pilot. "Make live again" in the add-in restores the formulas.`,
      ]);
    }
  });

  it('keeps native formulas as formulas (the goals and card formulas still compute)', () => {
    const ws = out.getWorksheet('KPI Goals')!;
    expect(typeof ws.getCell('J2').formula).toBe('string');
    expect(typeof out.getWorksheet('KPI Dashboard')!.getCell('G5').formula).toBe('string');
    // the MRR churn column of the trend table called REVENUE_CHURN: now values
    const top = requireRect(splitSheetRef(plan.trend.series.mrr_churn).a1);
    const churn = cell(top.col + 1, top.row + 1);
    expect(out.getWorksheet('KPI Dashboard')!.getCell(churn).formula).toBeUndefined();
    expect(typeof at('KPI Dashboard', churn)).toBe('number');
  });
});

describe('the charts after a LibreOffice round trip', () => {
  it('opens with every chart: a line per KPI card and the Attribution columns, on their sheets', async () => {
    const zip = await JSZip.loadAsync(readFileSync(recalculated));
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .map((f) =>
          zip
            .file(f)!
            .async('string')
            .then((x) => x.replace(/&apos;/g, "'").replace(/&quot;/g, '"')),
        ),
    );
    expect(charts.filter((x) => x.includes('<c:lineChart>'))).toHaveLength(SETUP.kpis.length);
    expect(charts.filter((x) => x.includes('<c:barChart>'))).toHaveLength(1);
    // LibreOffice wrote the ranges back as it read them
    expect(charts.some((x) => x.includes("'KPI Dashboard'!$L$5:$L$16"))).toBe(true);
    expect(charts.some((x) => x.includes('<c:f>"MRR"</c:f>') && x.includes("'KPI Dashboard'!$N$5:$N$16"))).toBe(true);
    expect(charts.some((x) => x.includes('<c:f>"Markov"</c:f>') && x.includes('Attribution!$G$6:$G$17'))).toBe(true);
  });
});

function sheetRows(name: string): unknown[][] {
  const ws = out.getWorksheet(name)!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (_row, r) => {
    rows[r - 1] = Array.from({ length: 5 }, (_, c) => valueOf(ws, cell(c + 1, r)) ?? '');
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}
