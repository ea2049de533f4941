/**
 * The Excel applier against the fake workbook: what lands in which cell, the KPIPILOT. prefix, formats,
 * conditional formats, charts, markers, regeneration in place, a user's sheet left alone, and the
 * syncs it costs. Expected values are written out by hand from the plan layout (docs/concepts/dashboards.md):
 * cards from row 5, trend table from column L (period start L, next start M, first KPI N), 12 periods.
 */
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardPlan, MARKER_KEY } from '../../core/dashboard/plan';
import { applyPlan } from '../../office-addin/dashboard/apply';
import { excelCell } from '../../office-addin/dashboard/cells';
import { discoverSheets, existingSheets } from '../../office-addin/dashboard/markers';
import { FakeWorkbook } from './fake-excel';
import { officeFake } from './office-fake';
import { bridgeFor, companyWorkbook, saasSetup } from './support';

const OURS = ['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History'];
const DATA = ['Marketing', 'Subscriptions', 'Deals', 'Orders'];

/** Plans against the workbook as it is (as the bridge does) and applies, counting syncs. */
async function generate(book: FakeWorkbook, setup = saasSetup()) {
  const before = book.syncs;
  const progress: [string, number, number][] = [];
  const result = await bridgeFor(book, officeFake()).generate(setup, '2026-03-15', (step, done, total) =>
    progress.push([step, done, total]),
  );
  return { result, progress, syncs: book.syncs - before };
}

describe('a first generation', () => {
  let book: FakeWorkbook;
  let run: Awaited<ReturnType<typeof generate>>;
  beforeAll(async () => {
    book = companyWorkbook();
    run = await generate(book);
  });

  it('adds the four sheets after the data, each marked with a hidden sheet-scoped name, and activates the dashboard', () => {
    expect(book.sheets.map((s) => s.name)).toEqual([...DATA, ...OURS]);
    expect(run.result.sheets).toEqual(OURS);
    const roles = ['dashboard', 'goals', 'definitions', 'history'];
    OURS.forEach((name, i) => expect(book.sheet(name).names.get(MARKER_KEY)).toEqual({ formula: `="${roles[i]}"`, visible: false }));
    for (const name of DATA) expect(book.sheet(name).names.size).toBe(0);
    expect(book.active).toBe('KPI Dashboard');
  });

  it('costs 2 syncs to discover plus one per sheet, with progress after each sheet', () => {
    expect(run.syncs).toBe(6);
    expect(book.runs).toBe(1);
    expect(run.progress).toEqual(OURS.map((name, i) => [name, i + 1, 4]));
  });

  it('writes the as-of date as a day serial with a date format, and the header row styled', () => {
    // 2026-03-15: 2026-01-01 is serial 46023 (2025-01-01 = 45658, + 365), + 31 (Jan) + 28 (Feb) + 14
    expect(book.input('KPI Dashboard', 'B2')).toBe(46096);
    expect(book.cell('KPI Dashboard', 'B2')!.numberFormat).toBe('yyyy-mm-dd');
    expect(book.cell('KPI Dashboard', 'A2')!.numberFormat).toBe('General'); // the plan's null: General, written
    expect(book.input('KPI Dashboard', 'A1')).toBe('KPI Dashboard');
    expect(book.cell('KPI Dashboard', 'A1')).toMatchObject({ bold: true, fontSize: 16 });
    const header = ['KPI', 'Value', 'Target', 'Progress', 'Status', 'Previous', 'Change', 'Owner', 'Frequency', 'Type'];
    header.forEach((h, i) => {
      const a = `${'ABCDEFGHIJ'[i]}4`;
      expect(book.input('KPI Dashboard', a)).toBe(h);
      expect(book.cell('KPI Dashboard', a)).toMatchObject({ bold: true, fill: '#1F4E79', fontColor: '#FFFFFF', wrap: true });
    });
  });

  it('writes the card rows: name, value from the last trend row, goal lookups', () => {
    expect(book.input('KPI Dashboard', 'A5')).toBe('MRR');
    expect(book.input('KPI Dashboard', 'B5')).toBe('=N16'); // MRR is the trend's first KPI column (N), period 12 is row 16
    expect(book.input('KPI Dashboard', 'F5')).toBe('=N15');
    expect(book.input('KPI Dashboard', 'C5')).toBe(`=IF('KPI Goals'!D2="","",'KPI Goals'!D2)`);
    expect(book.cell('KPI Dashboard', 'B5')!.numberFormat).toBe('#,##0.00'); // currency
    expect(book.cell('KPI Dashboard', 'D5')!.numberFormat).toBe('0%');
    expect(book.input('KPI Goals', 'G2')).toBe('Ana');
    expect(book.input('KPI Goals', 'C2')).toBe(400);
    expect(book.input('KPI Goals', 'E2')).toBe(46023); // 2026-01-01
  });

  it('prefixes KPIPILOT. to the custom-function calls only: native functions and text stay as they are', () => {
    // N = MRR (native SUMIFS), O = MRR churn (REVENUE_CHURN), P = NRR: both custom, open ranges closed at Excel's last row
    expect(book.input('KPI Dashboard', 'N16')).toBe(
      `=SUMIFS('Subscriptions'!C:C,'Subscriptions'!B:B,">="&$L16,'Subscriptions'!B:B,"<"&$M16)`,
    ); // [period start, next start)
    expect(book.input('KPI Dashboard', 'O16')).toBe(
      `=KPIPILOT.REVENUE_CHURN('Subscriptions'!A2:A1048576,'Subscriptions'!B2:B1048576,'Subscriptions'!C2:C1048576,$L16)`,
    );
    expect(String(book.input('KPI Dashboard', 'P16'))).toMatch(/^=KPIPILOT\.NRR\('Subscriptions'!A2:A1048576,/);
    // the Definitions sheet names the functions as text: never prefixed
    expect(book.input('KPI Definitions', 'D2')).toBe('MRR(months, amounts, period)');
    expect(String(book.input('KPI Definitions', 'D4'))).toMatch(/^NRR\(customers/);
    // every KPIPILOT. in the workbook precedes one of the two custom functions, and no native one is prefixed
    const all = [...OURS].flatMap((s) => [...book.inputs(s).values()]).filter((v): v is string => typeof v === 'string');
    const prefixed = all.flatMap((v) => v.match(/KPIPILOT\.[A-Z_]+\(/g) ?? []);
    expect(new Set(prefixed)).toEqual(new Set(['KPIPILOT.REVENUE_CHURN(', 'KPIPILOT.NRR(', 'KPIPILOT.KPI_CHANGE_DRIVERS(']));
    expect(all.some((v) => /KPIPILOT\.(SUMIFS|IF|EDATE|COUNTIFS|IFERROR)\(/.test(v))).toBe(false);
  });

  it('adds the status rules as exact text matches and the change rules by direction', () => {
    const cfs = book.sheet('KPI Dashboard').conditionalFormats;
    const onTrack = cfs.find((c) => c.rule?.formula1 === '="On track"')!;
    expect(onTrack).toEqual({
      address: 'E5:E11',
      type: 'CellValue',
      rule: { operator: 'EqualTo', formula1: '="On track"' },
      fill: '#D9EAD3',
      fontColor: '#274E13',
    });
    expect(cfs.filter((c) => c.address === 'E5:E11')).toHaveLength(8); // seven statuses and "Check goal"
    // MRR (row 5) is better higher: a rise is green; CPL (row 11) is better lower: a rise is red
    expect(cfs.find((c) => c.address === 'G5' && c.rule?.operator === 'GreaterThan')).toMatchObject({
      rule: { formula1: '0' },
      fill: '#D9EAD3',
    });
    expect(cfs.find((c) => c.address === 'G11' && c.rule?.operator === 'GreaterThan')).toMatchObject({ fill: '#F4CCCC' });
    expect(book.sheet('KPI Goals').conditionalFormats.filter((c) => c.address === 'K2:K8')).toHaveLength(8);
  });

  it('adds one named line chart per card over the trend table, sized in points', () => {
    const charts = book.sheet('KPI Dashboard').charts;
    expect(charts).toHaveLength(7);
    expect(charts[0]).toEqual({
      type: 'Line',
      name: 'KPIPILOT_CHART_1',
      title: 'MRR',
      anchor: 'A24', // insights title row 13, the two rules about the cards on rows 14-15, the four ratio cards' changes and three by channel on 16-22, one blank row
      width: 360, // 480 px × 0.75
      height: 225, // 300 px × 0.75
      legendVisible: false,
      valueAxisFormat: '#,##0.00',
      series: [{ name: 'MRR', values: 'N5:N16', categories: 'L5:L16' }],
    });
    expect(charts[1]).toMatchObject({ anchor: 'F24', series: [{ values: 'O5:O16' }] });
  });

  it('freezes header rows and sets column widths in points', () => {
    expect(book.sheet('KPI Dashboard').frozenRows).toBe(4);
    expect(book.sheet('KPI Goals').frozenRows).toBe(1);
    expect(book.sheet('KPI Dashboard').columnWidths.A).toBe(165); // 220 px
    expect(book.sheet('KPI History').columnWidths.B).toBe(165); // 220 px: the readable KPI name
  });

  it('writes every cell of every block and nothing else', () => {
    const plan = buildPlan({ setup: saasSetup(), asOf: '2026-03-15' });
    for (const s of plan.sheets) {
      const written = book.inputs(s.name);
      const planned = s.blocks.flatMap((b) => b.cells.flat()).filter((c) => c !== null && c !== '');
      expect(written.size).toBe(planned.length);
    }
  });
});

describe('regenerating', () => {
  it('twice leaves one set of sheets, rewritten in place, keeping History rows and the marker', async () => {
    const book = companyWorkbook();
    await generate(book);
    book.sheet('KPI History').cells.set(1 * 16384 + 0, { input: 46000 }); // a snapshot row the user already has
    book.sheet('KPI History').cells.set(1 * 16384 + 1, { input: 'mrr' });
    const junk = book.sheet('KPI Dashboard');
    junk.cells.set(99 * 16384 + 25, { input: 'stale' }); // Z100
    junk.charts.push({ type: 'Column', name: 'My own chart', series: [{ values: 'A1:A3' }] });
    const second = await generate(book);
    const third = await generate(book);
    expect(book.sheets.map((s) => s.name)).toEqual([...DATA, ...OURS]);
    expect(second.syncs).toBe(6); // KPI Goals read back (one sync); History is kept as it is: no sync for it
    expect(third.syncs).toBe(6);
    expect(book.input('KPI Dashboard', 'Z100')).toBeUndefined();
    expect(book.input('KPI History', 'A2')).toBe(46000);
    const charts = book.sheet('KPI Dashboard').charts;
    expect(charts.filter((c) => c.name.startsWith('KPIPILOT_CHART_'))).toHaveLength(7);
    expect(charts.filter((c) => c.name === 'My own chart')).toHaveLength(1); // not ours: kept
    expect(book.sheet('KPI Dashboard').conditionalFormats).toHaveLength(8 + 2 * 7);
    expect(book.sheet('KPI Dashboard').names.size).toBe(1);
  });

  it('follows a sheet the user renamed (the marker goes with it)', async () => {
    const book = companyWorkbook();
    await generate(book);
    book.sheet('KPI Dashboard').name = 'Board';
    const again = await generate(book);
    expect(again.result.sheets[0]).toBe('Board');
    expect(book.sheets.map((s) => s.name)).toEqual([...DATA, 'Board', ...OURS.slice(1)]);
    expect(book.input('Board', 'A5')).toBe('MRR');
    expect(book.input('KPI Goals', 'I2')).toBe(`='Board'!B5`);
  });

  it("never touches a user's sheet named KPI Dashboard: ours takes another name and says so", async () => {
    const book = companyWorkbook();
    const user = book.addSheet('KPI Dashboard', [
      ['My own dashboard', 42],
      ['=SUM(B1)', null],
    ]);
    const before = JSON.stringify([...user.cells]);
    const { result } = await generate(book);
    expect(result.sheets[0]).toBe('KPI Dashboard (KPI Pilot)');
    expect(result.notices.find((n) => n.code === 'renamed')?.sheet).toBe('dashboard');
    expect(JSON.stringify([...user.cells])).toBe(before);
    expect(user.names.size).toBe(0);
    expect(user.charts).toHaveLength(0);
    expect(user.conditionalFormats).toHaveLength(0);
    await generate(book);
    expect(JSON.stringify([...user.cells])).toBe(before);
    expect(book.sheets.map((s) => s.name)).toEqual([...DATA, 'KPI Dashboard', 'KPI Dashboard (KPI Pilot)', ...OURS.slice(1)]);
    expect(book.input('KPI Dashboard (KPI Pilot)', 'A5')).toBe('MRR');
  });
});

describe('applyPlan on its own', () => {
  /** A one-sheet plan written by hand, to pin the formula rendering down exactly. */
  function handPlan(): DashboardPlan {
    const plan = buildPlan({ setup: saasSetup(), asOf: '2026-03-15' });
    const sheet = {
      ...plan.sheets[1],
      blocks: [
        {
          range: 'A1:C1',
          cells: [
            [
              { formula: `=IF(A2="NRR(x)",NRR('NRR'!A2:A,B2:B3),SUMIFS(C2:C3,D2:D3,"NRR"))` },
              { formula: '=nrr(A2:A3)+MRR_TOTAL+SUM(1)' },
              '2026-01',
            ],
          ],
          customFunctions: ['NRR'],
        },
      ],
      conditionalFormats: [],
    };
    return { ...plan, sheets: [sheet] };
  }

  it('prefixes exactly the listed calls, leaves text, sheet names and other names alone', async () => {
    const book = new FakeWorkbook();
    await book.Excel.run(async (context) => {
      const { sheets } = await discoverSheets(context);
      await applyPlan(context, handPlan(), sheets);
    });
    expect(book.input('KPI Goals', 'A1')).toBe(`=IF(A2="NRR(x)",KPIPILOT.NRR('NRR'!A2:A1048576,B2:B3),SUMIFS(C2:C3,D2:D3,"NRR"))`);
    expect(book.input('KPI Goals', 'B1')).toBe('=KPIPILOT.nrr(A2:A3)+MRR_TOTAL+SUM(1)');
    expect(book.input('KPI Goals', 'C1')).toBe('2026-01'); // kept as text: written with Excel's ' prefix
    expect(book.syncs).toBe(3);
  });

  it('refuses to write over an existing sheet that is not ours', async () => {
    const book = new FakeWorkbook();
    book.addSheet('KPI Goals', [['mine']]);
    await expect(
      book.Excel.run(async (context) => {
        const { sheets } = await discoverSheets(context);
        await applyPlan(context, handPlan(), sheets); // a plan made without looking at the workbook
      }),
    ).rejects.toThrow(/not a KPI Pilot goals sheet/);
    expect(book.input('KPI Goals', 'A1')).toBe('mine');
  });

  it('reports existing sheets with their markers for the planner', async () => {
    const book = companyWorkbook();
    await generate(book);
    const existing = await book.Excel.run(async (context) => existingSheets((await discoverSheets(context)).sheets));
    expect(existing).toEqual([
      ...DATA.map((name) => ({ name, marker: null })),
      { name: 'KPI Dashboard', marker: 'dashboard' },
      { name: 'KPI Goals', marker: 'goals' },
      { name: 'KPI Definitions', marker: 'definitions' },
      { name: 'KPI History', marker: 'history' },
    ]);
  });
});

describe('excelCell', () => {
  it('writes blanks as "" (Excel skips null), formulas as they are, and text Excel would convert with a quote', () => {
    expect(excelCell(null)).toBe('');
    expect(excelCell({ formula: '=A1' })).toBe('=A1');
    expect(excelCell(12.5)).toBe(12.5);
    expect(excelCell(true)).toBe(true);
    for (const t of ['2026-01-31', '12', '1,200', '$5', '50%', '3/4', '10:30', 'TRUE', 'false']) expect(excelCell(t)).toBe(`'${t}`);
    for (const t of ['MRR', 'Ana', '3M team', 'Q1 2026', "'=1+1"]) expect(excelCell(t)).toBe(t);
  });

  it('keeps the leading quote of text that starts with one (Definitions data sources): Excel drops the first', () => {
    expect(excelCell("'Subscriptions'!A:A (Customer)")).toBe("''Subscriptions'!A:A (Customer)");
    expect(excelCell("'+33 6 12")).toBe("'+33 6 12"); // the planner's protection: Excel shows +33 6 12
  });
});
