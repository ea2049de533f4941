/**
 * "Prepare for sharing" and "Make live again" in the Sheets fake, on a dashboard with every extra
 * sheet plus an analyst's own KPI_BY table. The fake's evaluate gives each KPI Pilot formula a
 * value worked out here from its text (tables spill right and down, as in Sheets), so what the
 * freeze must write is known without running any KPI function.
 */
import { makeLiveAgain, prepareForSharing } from '../../apps-script/dashboard/share';
import { callsKpiPilot, FORMULAS_SHEET, needsFreezing } from '../../core/dashboard/share';
import { shareTestValue } from '../support/share-values';
import { FakeSheets } from '../fakes/spreadsheet-app';
import { allExtrasSetup, AS_OF, extrasWorkbook, generate } from './support';

let fake: FakeSheets;
let uninstall: () => void;
afterEach(() => uninstall?.());

/** A table for a table function (header, then "2024" as text and numbers), a number for the others. */
const evaluate = (_sheet: string, row: number, col: number, formula: string): unknown => shareTestValue(formula, row, col);

type Dump = Record<string, { hidden: boolean; cells: Record<string, unknown> }>;
function dump(f: FakeSheets): Dump {
  const out: Dump = {};
  for (const s of f.spreadsheet.sheets) {
    const cells: Record<string, unknown> = {};
    s.grid.forEach((row, r) =>
      row?.forEach((c, k) => {
        if (c && (c.v !== undefined || c.f !== undefined || c.fmt !== undefined || (c.style && Object.keys(c.style).length)))
          cells[`${r + 1},${k + 1}`] = { ...c };
      }),
    );
    out[s.name] = { hidden: s.hidden, cells };
  }
  return out;
}

async function openWith(rows?: number) {
  ({ fake, uninstall } = extrasWorkbook({ evaluate }, rows));
  fake.addSheet('Analysis', [['By channel']]).cell(2, 1, true)!.f = '=KPI_BY("CAC",Marketing!B2:B,Marketing!C2:C,Marketing!F2:F)';
  await generate(allExtrasSetup(), AS_OF);
}

describe('share-ready in Google Sheets', () => {
  it('freezes every KPI Pilot cell to what Sheets showed, tables whole, and keeps the formulas on a hidden sheet', async () => {
    await openWith();
    const before = dump(fake);
    const kpiCells = Object.entries(before).flatMap(([name, s]) =>
      Object.entries(s.cells)
        .filter(([, c]) => needsFreezing((c as { f?: string }).f))
        .map(([at]) => `${name}!${at}`),
    );
    expect(kpiCells.length).toBeGreaterThan(20);
    const result = prepareForSharing();
    expect(result.formulas).toBe(kpiCells.length);
    expect(result.sheets).toEqual(['Analysis', 'KPI Dashboard', 'Attribution', 'Customers at risk', 'Commissions']);
    const after = dump(fake);
    for (const [name, s] of Object.entries(after))
      if (name !== FORMULAS_SHEET)
        expect([name, Object.values(s.cells).filter((c) => callsKpiPilot((c as { f?: string }).f))]).toEqual([name, []]);
    // the analyst's table at A2 spilled 4 rows × 2 columns: all values now, "=Ads" and "2024" still text
    const a = fake.sheet('Analysis')!;
    expect([1, 2, 3, 4].map((r) => [a.cell(r + 1, 1)?.v, a.cell(r + 1, 2)?.v ?? ''])).toEqual([
      ['Channel', 'Value'],
      ['2024', 11],
      ['=Ads', ''],
      ['SEO', 0.5],
    ]);
    expect(a.cell(1, 2)?.v).toMatch(/^Values as of \d{4}-\d{2}-\d{2}, computed by KPI Pilot\./);
    // a native formula of the goals sheet is still a formula
    expect(Object.values(after['KPI Goals'].cells).some((c) => typeof (c as { f?: string }).f === 'string')).toBe(true);
    expect(after[FORMULAS_SHEET].hidden).toBe(true);
    expect(fake.markers().find(([n]) => n === FORMULAS_SHEET)).toEqual([FORMULAS_SHEET, 'KPIPILOT_SHEET', 'formulas']);
    expect(() => prepareForSharing()).toThrow(/already prepared for sharing/);
  });

  it('freeze → restore gives back the same spreadsheet, and freezing again the same frozen one', async () => {
    await openWith();
    const live = dump(fake);
    prepareForSharing();
    const frozen = dump(fake);
    const back = makeLiveAgain();
    expect(back.formulas).toBeGreaterThan(20);
    expect(dump(fake)).toEqual(live);
    prepareForSharing();
    expect(dump(fake)).toEqual(frozen);
    makeLiveAgain();
    expect(() => makeLiveAgain()).toThrow('this spreadsheet is live already: nothing was prepared for sharing');
  });

  it("measures each table by clearing its formula: a value typed beside the header is the user's and stays through freeze and restore", async () => {
    await openWith();
    const a = fake.sheet('Analysis')!;
    a.cell(2, 3, true)!.v = 'my note'; // right beside the table's header row (A2:B5)
    a.cell(6, 1, true)!.v = 42; // right below the table
    const live = dump(fake);
    prepareForSharing();
    const record = fake
      .sheet(FORMULAS_SHEET)!
      .grid.flat()
      .map((c) => c?.v);
    expect(record).toContain('A2:B5');
    expect([a.cell(2, 3)?.v, a.cell(6, 1)?.v]).toEqual(['my note', 42]);
    makeLiveAgain();
    expect(dump(fake)).toEqual(live);
  });

  it('puts every cleared formula back when the freeze cannot be planned', async () => {
    await openWith();
    const live = dump(fake);
    const sheets = fake.spreadsheet;
    const getTz = sheets.getSpreadsheetTimeZone.bind(sheets);
    sheets.getSpreadsheetTimeZone = () => 'Not/AZone'; // today's date cannot be worked out
    expect(() => prepareForSharing()).toThrow();
    sheets.getSpreadsheetTimeZone = getTz;
    expect(dump(fake)).toEqual(live);
  });

  it('refuses to generate the dashboard while share-ready, writing nothing, and generates again once live', async () => {
    await openWith();
    prepareForSharing();
    const frozen = dump(fake);
    await expect(generate(allExtrasSetup(), AS_OF)).rejects.toThrow(/prepared for sharing .*"Make live again" first/);
    expect(dump(fake)).toEqual(frozen);
    makeLiveAgain();
    await expect(generate(allExtrasSetup(), AS_OF)).resolves.toBeDefined();
  });

  it('makes the same SpreadsheetApp calls for 50 and 2,000 data rows', async () => {
    const calls = async (rows: number) => {
      await openWith(rows);
      const start = fake.log.length;
      prepareForSharing();
      makeLiveAgain();
      const log = fake.log.slice(start);
      uninstall();
      return { reads: log.filter((e) => /\.(get(Values|Formulas|LastRow|LastColumn))$/.test(e)).length, total: log.length };
    };
    expect(await calls(2000)).toEqual(await calls(50));
  });
});
