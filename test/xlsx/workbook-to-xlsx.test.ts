/**
 * workbookToXlsx and planToXlsxSheets, read back with ExcelJS (no LibreOffice here): what each
 * kind of cell becomes, formats and sheet settings, bad input, and how a plan is laid out.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip'; // ExcelJS's own zip library
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardPlan } from '../../core/dashboard/plan';
import { DashboardSetup } from '../../core/dashboard/setup';
import { dashboardWorkbookSheets, planToXlsxSheets } from '../../playground/export/plan-sheets';
import { isoSerial, workbookToXlsx, XlsxSheet } from '../../playground/export/xlsx';
import { readBytes, valueOf } from './read-back';

async function roundTrip(sheets: XlsxSheet[]): Promise<ExcelJS.Workbook> {
  return readBytes(await workbookToXlsx(sheets));
}

describe('workbookToXlsx', () => {
  it('returns the bytes of a zip as a plain Uint8Array', async () => {
    const bytes = await workbookToXlsx([{ name: 'A', rows: [[1]] }]);
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK');
  });

  it('writes each kind of plain cell the way a user typing it would mean it', async () => {
    const local = new Date(2026, 2, 31); // 31 March 2026 on the local wall clock
    const wb = await roundTrip([
      {
        name: 'Data',
        rows: [
          ['Month', 'Spend', 'Paid', 'Note'],
          ['2026-03-01', 1200.5, true, "'=not a formula"],
          ['2026-03-31 12:00', -3, false, '2026-02-30'],
          [local, null, undefined, ''],
          ['Total', '=SUM(B2:B3)', '=B4*2', 'plain text'],
        ],
      },
    ]);
    const ws = wb.getWorksheet('Data')!;
    // 2026-03-01 is day 46082 of the 1900 system; the 31st is 30 days later
    expect(valueOf(ws, 'A2')).toBe(46082);
    expect(ws.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect(valueOf(ws, 'A3')).toBe(46112.5);
    expect(ws.getCell('A3').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(valueOf(ws, 'A4')).toBe(46112);
    expect([valueOf(ws, 'B2'), valueOf(ws, 'B3'), valueOf(ws, 'C2'), valueOf(ws, 'C3')]).toEqual([1200.5, -3, true, false]);
    expect(valueOf(ws, 'D2')).toBe('=not a formula');
    expect(ws.getCell('D2').type).toBe(3); // ValueType.String: text, not a formula
    expect(valueOf(ws, 'D3')).toBe('2026-02-30'); // not a calendar date: stays text
    expect([ws.getCell('B4').value, ws.getCell('C4').value, ws.getCell('D4').value]).toEqual([null, null, null]);
    // formulas without a cached value: the application computes them (fullCalcOnLoad)
    expect(ws.getCell('B5').value).toEqual({ formula: 'SUM(B2:B3)' });
    expect(ws.getCell('C5').value).toEqual({ formula: 'B4*2' });
  });

  it('asks Excel to recalculate every formula on open', async () => {
    const zip = await JSZip.loadAsync(await workbookToXlsx([{ name: 'A', rows: [['=1+1']] }]));
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('writes cell objects with their number format and style', async () => {
    const wb = await roundTrip([
      {
        name: 'Fmt',
        rows: [
          [
            { value: 46082, numFmt: 'yyyy-mm' },
            { formula: '=A1+1', numFmt: 'yyyy-mm-dd' },
            {
              value: 0.125,
              numFmt: '0.0%',
              style: { bold: true, background: '#1F4E79', fontColor: '#FFFFFF', wrap: true, horizontalAlignment: 'center' },
            },
            { value: '=text in an object stays text' },
          ],
        ],
      },
    ]);
    const ws = wb.getWorksheet('Fmt')!;
    expect(valueOf(ws, 'A1')).toBe(46082);
    expect(ws.getCell('A1').numFmt).toBe('yyyy-mm');
    expect(ws.getCell('B1').value).toEqual({ formula: 'A1+1' });
    expect(ws.getCell('B1').numFmt).toBe('yyyy-mm-dd');
    const c = ws.getCell('C1');
    expect([c.value, c.numFmt, c.font.bold, c.font.color?.argb, c.alignment.wrapText, c.alignment.horizontal]).toEqual([
      0.125,
      '0.0%',
      true,
      'FFFFFFFF',
      true,
      'center',
    ]);
    expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF1F4E79');
    expect(valueOf(ws, 'D1')).toBe('=text in an object stays text');
  });

  it('writes column widths, column formats, frozen rows and conditional formats', async () => {
    const wb = await roundTrip([
      {
        name: 'S',
        rows: [['Status'], ['Achieved']],
        columnWidths: { A: 140 },
        columnFormats: { B: 'yyyy-mm-dd' },
        frozenRows: 1,
        conditionalFormats: [
          { ranges: ['A2:A9'], rule: { type: 'textEquals', text: 'Achieved' }, style: { background: '#D9EAD3', fontColor: '#274E13' } },
          { ranges: ['B2', 'B4'], rule: { type: 'lessThan', value: 0 }, style: { background: '#F4CCCC' } },
        ],
        formulaFormats: [{ ranges: ['A2:C9'], formula: '=$C2<>""', style: { background: '#FFF2CC' } }],
      },
    ]);
    const ws = wb.getWorksheet('S')!;
    expect(ws.getColumn('A').width).toBe(20); // 140 px / 7
    expect(ws.getColumn('B').numFmt).toBe('yyyy-mm-dd');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(cfs.map((x) => x.ref)).toEqual(['A2:A9', 'B2 B4', 'A2:C9']);
    expect(cfs[0].rules[0]).toMatchObject({ type: 'cellIs', operator: 'equal', formulae: ['"Achieved"'], priority: 1 });
    expect(cfs[1].rules[0]).toMatchObject({ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 2 });
    expect(cfs[2].rules[0]).toMatchObject({ type: 'expression', formulae: ['$C2<>""'], priority: 3 });
    expect((cfs[2].rules[0].style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb).toBe('FFFFF2CC');
  });

  it.each([
    [
      [
        { name: 'A', rows: [] },
        { name: 'a', rows: [] },
      ],
      /two sheets are named "a"/,
    ],
    [[{ name: 'x'.repeat(32), rows: [] }], /longer than 31/],
    [[{ name: 'Q1/Q2', rows: [] }], /does not allow/],
    [[{ name: ' ', rows: [] }], /needs a name/],
    [[{ name: 'N', rows: [[1, NaN]] }], /N!B1: NaN is not a number/],
    [[{ name: 'N', rows: [[], [Infinity]] }], /N!A2: Infinity/],
    [[{ name: 'D', rows: [[new Date(NaN)]] }], /D!A1: invalid date/],
    [[{ name: 'F', rows: [[() => 1]] }], /F!A1: cannot write a function/],
    [[{ name: 'O', rows: [[{ foo: 1 }]] }], /O!A1: a cell object needs a formula or a value/],
  ] as const)('refuses bad input with a message naming it (%#)', async (sheets, message) => {
    await expect(workbookToXlsx(sheets as unknown as XlsxSheet[])).rejects.toThrow(message);
  });
});

describe('isoSerial', () => {
  it.each([
    ['2026-03-01', 46082, false],
    ['2024-02-29', 45351, false], // leap day: 2024-03-01 is 45352
    ['1900-03-01', 61, false],
    ['2026-03-01T06:00', 46082.25, true],
    ['2026-03-01 18:00:00', 46082.75, true],
  ] as const)('%s -> %d', (text, serial, hasTime) => {
    expect(isoSerial(text)).toEqual({ serial, hasTime });
  });
  it.each(['2026-02-29', '2026-13-01', '1900-02-28', '2026-03-01 24:00', '26-03-01', '2026-03-01x'])('%s is not a date', (text) => {
    expect(isoSerial(text)).toBeUndefined();
  });
});

describe('planToXlsxSheets', () => {
  const mapping: DashboardSetup['mapping'] = {
    marketing: { sheet: 'Marketing', headerRow: 1, columns: { date: 'A', spend: 'C', leads: 'D', customers: 'F' } },
    ledger: { sheet: 'Subscriptions', headerRow: 1, columns: { customer: 'A', month: 'B', mrr: 'C' } },
  };
  const setup: DashboardSetup = {
    v: 1,
    locale: 'en',
    kpis: ['mrr', 'nrr', 'cpl', 'sessions'], // sessions is not mapped: a text card, no chart
    mapping,
    goals: [{ kpi: 'mrr', owner: '=Ana', baseline: 100, target: 200, start: '2026-01-01', end: '2026-12-31' }],
    options: { trendPeriods: 3 },
  };
  let plan: DashboardPlan;
  beforeAll(() => {
    plan = buildPlan({ setup, asOf: '2026-03-15' });
  });

  it('lays each block at its range, with number formats, and counts the charts it leaves out', async () => {
    const { sheets, chartsOmitted } = planToXlsxSheets(plan);
    expect(sheets.map((s) => s.name)).toEqual(['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']);
    expect(chartsOmitted).toEqual({}); // the charts are written (export/charts.ts)
    expect(sheets[0].charts?.map((c) => c.title)).toEqual(['MRR', 'Net revenue retention (12 months)', 'Cost per lead']); // not the unmapped card
    const wb = await roundTrip(sheets);
    const dash = wb.getWorksheet('KPI Dashboard')!;
    expect(valueOf(dash, 'A1')).toBe('KPI Dashboard');
    expect(valueOf(dash, 'B2')).toBe(46096); // 2026-03-15 = 46082 + 14
    expect(dash.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(dash.getCell('D2').value).toEqual({ formula: 'DATE(YEAR(B2),MONTH(B2),1)' });
    expect(dash.getCell('D2').numFmt).toBe('yyyy-mm');
    expect(dash.getCell('A4').font.bold).toBe(true);
    expect(dash.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(valueOf(dash, 'B8')).toBe('Map data: Visitors / sessions'); // the unmapped card says what is missing
    const goals = wb.getWorksheet('KPI Goals')!;
    expect(valueOf(goals, 'G2')).toBe('=Ana'); // the planner's apostrophe keeps it text
    expect(goals.getCell('G2').type).toBe(3);
    expect(valueOf(goals, 'E2')).toBe(46023); // 2026-01-01
    expect(wb.getWorksheet('KPI History')!.getColumn('A').numFmt).toBe('yyyy-mm-dd');
  });

  it('renders formulas for Excel: custom functions as KPIPILOT.NAME, open-ended ranges closed at row 1,048,576', () => {
    const dash = planToXlsxSheets(plan).sheets[0];
    const formulas = dash.rows
      .flat()
      .map((c) => (c as { formula?: string } | undefined)?.formula)
      .filter((f): f is string => !!f);
    const nrr = formulas.filter((f) => f.includes('NRR('));
    expect(nrr).toHaveLength(3);
    for (const f of nrr) {
      expect(f).toMatch(
        /^=KPIPILOT\.NRR\('Subscriptions'!A2:A1048576,'Subscriptions'!B2:B1048576,'Subscriptions'!C2:C1048576,EDATE\(\$L\d+,-12\),\$L\d+\)$/,
      );
    }
    expect(formulas.some((f) => /KPIPILOT\.(SUMIFS|IFERROR|EDATE)/.test(f))).toBe(false);
    expect(formulas).toContain("=SUMIFS('Subscriptions'!C:C,'Subscriptions'!B:B,\">=\"&$L7,'Subscriptions'!B:B,\"<\"&$M7)");
  });

  it('puts the plan sheets after the data, replacing an earlier generation of the same name in place', () => {
    const data = { Marketing: [['Month']], 'KPI Goals': [['old']], Subscriptions: [['Customer']] };
    expect(dashboardWorkbookSheets(data, plan).map((s) => s.name)).toEqual([
      'Marketing',
      'KPI Goals',
      'Subscriptions',
      'KPI Dashboard',
      'KPI Definitions',
      'KPI History',
    ]);
    expect(dashboardWorkbookSheets(data, plan)[1].rows[0]).not.toEqual(['old']);
  });

  it('carries the optional formula conditional formats, rendered for Excel', () => {
    const withAlerts = {
      ...plan,
      sheets: [{ ...plan.sheets[0], formulaFormats: [{ ranges: ['A5:J8'], formula: '=$K5<>""', style: { background: '#F4CCCC' } }] }],
    } as DashboardPlan;
    expect(planToXlsxSheets(withAlerts).sheets[0].formulaFormats).toEqual([
      { ranges: ['A5:J8'], formula: '=$K5<>""', style: { background: '#F4CCCC' } },
    ]);
    expect(planToXlsxSheets(plan).sheets[0].formulaFormats).toBeUndefined();
  });

  it('refuses a block whose cells do not fill its range', () => {
    const broken: DashboardPlan = {
      ...plan,
      sheets: [{ ...plan.sheets[3], blocks: [{ range: 'A1:C1', cells: [['Date', 'KPI']] }] }],
    };
    expect(() => planToXlsxSheets(broken)).toThrow('block A1:C1 of KPI History does not hold 1 rows of 3 cells');
  });
});
