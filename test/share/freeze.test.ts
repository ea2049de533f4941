/**
 * The share-ready freeze decided in core (core/dashboard/share): which cells call KPI Pilot, the
 * rectangles written, the banner, the record kept for "Make live again", the sidebar's notice.
 * Every expectation is written out by hand from the small grids below.
 */
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import {
  addinNeeds,
  bannerText,
  callsKpiPilot,
  kpiCalls,
  maySpill,
  parseRecord,
  planFreeze,
  recordOf,
  recordRows,
  restoreWrites,
  SheetCells,
} from '../../core/dashboard/share';

describe('which formulas call KPI Pilot', () => {
  it('finds bare, KPIPILOT.-prefixed (Excel) and _xludf. names from the registry, each once', () => {
    expect(kpiCalls('=MRR(A2:A9,B2:B9,C1)')).toEqual(['MRR']);
    expect(kpiCalls('=IFERROR(KPIPILOT.revenue_churn(A:A,B:B,C1)/KPIPILOT.MRR(A:A,B:B,C1),"")')).toEqual(['REVENUE_CHURN', 'MRR']);
    expect(kpiCalls('=_xludf.NRR(A1:A3)+NRR(B1:B3)')).toEqual(['NRR']);
  });
  it('ignores native functions, string literals, quoted sheet names and values', () => {
    expect(callsKpiPilot('=SUM(A1:A3)')).toBe(false);
    expect(callsKpiPilot('=IF(A1="MRR(","x","")')).toBe(false);
    expect(callsKpiPilot("='CAC(x)'!A1*2")).toBe(false);
    expect(callsKpiPilot('MRR(A1:A3)')).toBe(false); // text, not a formula
    expect(callsKpiPilot(42)).toBe(false);
    expect(callsKpiPilot('=MY.MRR(A1)')).toBe(false); // another namespace's function
  });
  it('knows which functions return tables', () => {
    expect(maySpill('=MRR(A:A,B:B,C1)')).toBe(false);
    expect(maySpill('=ATTRIBUTION_TOUCHES(A2:A,B2:B,C2:C,D2:D,"","markov",7)')).toBe(true);
    expect(maySpill('=INDEX(KPI_BY(A2:A,B2:B,"sum"),2,2)')).toBe(true); // may: the rule stays on the safe side only through the grid (see below)
  });
});

/**
 * A sheet from A1 to G7:
 *   A1 "Report"                       (B1 empty: the banner goes there)
 *   A3 "MRR"   B3 =MRR(...) → 1200    C3 =B3*12 → 14400 (native, stays)
 *   A5 =KPI_BY(...) spilling A5:C7:  Channel | Sum | Share  /  Ads | 10 | "" /  SEO | 30 | 0.75
 *   E5 "note" typed by the user, two columns right of the table (not part of it)
 *   G1 =IF(B3>0,"ok","") native
 */
const F = (r: number, c: number, rows: unknown[][]) => rows[r - 1]?.[c - 1] ?? '';
function sheet(): SheetCells {
  const formulas: unknown[][] = [
    ['Report', '', '', '', '', '', '=IF(B3>0,"ok","")'],
    ['', '', '', '', '', '', ''],
    ['MRR', '=MRR(Data!A2:A,Data!B2:B,DATE(2026,3,1))', '=B3*12', '', '', '', ''],
    ['', '', '', '', '', '', ''],
    ['=KPI_BY(Data!A2:A,Data!C2:C,"sum")', '', '', '', 'note', '', ''],
    ['', '', '', '', '', '', ''],
    ['', '', '', '', '', '', ''],
  ];
  const values: unknown[][] = [
    ['Report', '', '', '', '', '', 'ok'],
    ['', '', '', '', '', '', ''],
    ['MRR', 1200, 14400, '', '', '', ''],
    ['', '', '', '', '', '', ''],
    ['Channel', 'Sum', 'Share', '', 'note', '', ''],
    ['Ads', 10, '', '', '', '', ''],
    ['SEO', 30, 0.75, '', '', '', ''],
  ];
  return { sheet: 'Report', top: 1, left: 1, formulas, values };
}

describe('planFreeze', () => {
  const plan = planFreeze([sheet(), { sheet: 'Plain', top: 1, left: 1, formulas: [['=SUM(1,2)']], values: [[3]] }], {
    date: '2026-03-31',
    locale: 'en',
  });

  it('freezes the KPI Pilot cells only: one value for a scalar, the whole table with its header for a spill', () => {
    expect(plan.sheets).toEqual(['Report']);
    expect(plan.formulas).toEqual([
      { sheet: 'Report', cell: 'B3', formula: '=MRR(Data!A2:A,Data!B2:B,DATE(2026,3,1))', range: 'B3' },
      { sheet: 'Report', cell: 'A5', formula: '=KPI_BY(Data!A2:A,Data!C2:C,"sum")', range: 'A5:C7' },
    ]);
    expect(plan.writes.map((w) => [w.range, w.row, w.col, w.cells])).toEqual([
      ['B3', 3, 2, [[1200]]],
      [
        'A5:C7',
        5,
        1,
        [
          ['Channel', 'Sum', 'Share'],
          ['Ads', 10, ''],
          ['SEO', 30, 0.75],
        ],
      ],
    ]);
  });

  it('puts the banner in the first empty cell of row 1 from column B', () => {
    expect(plan.banners).toEqual([
      {
        sheet: 'Report',
        cell: 'B1',
        row: 1,
        col: 2,
        text: 'Values as of 2026-03-31, computed by KPI Pilot. "Make live again" in the add-in restores the formulas.',
      },
    ]);
    expect(bannerText('2026-03-31', 'fr')).toBe(
      'Valeurs au 2026-03-31, calculées par KPI Pilot. « Rendre dynamique » dans le module rétablit les formules.',
    );
  });

  it('takes the spill a host knows over the rule (Excel, HyperFormula)', () => {
    const exact = planFreeze([sheet()], {
      date: '2026-03-31',
      locale: 'en',
      spillOf: (_s, r, c) => (r === 5 && c === 1 ? { rows: 2, cols: 2 } : undefined),
    });
    expect(exact.writes.map((w) => w.range)).toEqual(['B3', 'A5:B6']);
  });

  it('restores exactly: the formula in its cell, blanks where the result spills, the banner cleared', () => {
    const writes = restoreWrites(recordOf(plan));
    expect(writes.map((w) => [w.sheet, w.range, w.cells])).toEqual([
      ['Report', 'B3', [['=MRR(Data!A2:A,Data!B2:B,DATE(2026,3,1))']]],
      [
        'Report',
        'A5:C7',
        [
          ['=KPI_BY(Data!A2:A,Data!C2:C,"sum")', '', ''],
          ['', '', ''],
          ['', '', ''],
        ],
      ],
      ['Report', 'B1', [['']]],
    ]);
  });

  it('freeze → restore → freeze gives the same cells (the host recomputes the same values)', () => {
    const s = sheet();
    const formulas = s.formulas.map((r) => [...r]);
    const values = s.values.map((r) => [...r]);
    const write = (w: { row: number; col: number; cells: readonly (readonly unknown[])[] }, into: 'values' | 'formulas') =>
      w.cells.forEach((row, i) =>
        row.forEach((x, j) => {
          if (into === 'values') {
            values[w.row - 1 + i][w.col - 1 + j] = x;
            formulas[w.row - 1 + i][w.col - 1 + j] = x;
          } else formulas[w.row - 1 + i][w.col - 1 + j] = x;
        }),
      );
    plan.writes.forEach((w) => write(w, 'values'));
    plan.banners.forEach((b) => {
      values[0][1] = b.text;
      formulas[0][1] = b.text;
    });
    const frozen = { formulas: formulas.map((r) => [...r]), values: values.map((r) => [...r]) };
    expect(F(3, 2, frozen.formulas)).toBe(1200);
    expect(F(3, 3, frozen.formulas)).toBe('=B3*12');
    restoreWrites(recordOf(plan)).forEach((w) => write(w, 'formulas'));
    expect(formulas).toEqual(sheet().formulas);
    const again = planFreeze([{ ...sheet() }], { date: '2026-03-31', locale: 'en' });
    expect(again).toEqual(planFreeze([sheet()], { date: '2026-03-31', locale: 'en' }));
    expect(again.writes).toEqual(plan.writes);
  });

  it('refuses a date that is not ISO and grids of different shapes, saying what is wrong', () => {
    expect(() => planFreeze([], { date: '31/03/2026', locale: 'en' })).toThrow('the freeze date 31/03/2026 is not YYYY-MM-DD');
    expect(() => planFreeze([{ sheet: 'X', top: 1, left: 1, formulas: [['']], values: [] }], { date: '2026-03-31', locale: 'en' })).toThrow(
      'the formulas and values read from X do not have the same shape',
    );
  });
});

describe('the record on the KPI Pilot formulas sheet', () => {
  const plan = planFreeze([sheet()], { date: '2026-03-31', locale: 'en' });
  const rows = recordRows(recordOf(plan));

  it('reads back what it wrote', () => {
    expect(rows[1]).toEqual(['Frozen at', '2026-03-31', '', '', '']);
    expect(rows[3]).toEqual(['Kind', 'Sheet', 'Cell', 'Range', 'Formula']);
    expect(rows.slice(4)).toEqual([
      ['formula', 'Report', 'B3', 'B3', '=MRR(Data!A2:A,Data!B2:B,DATE(2026,3,1))'],
      ['formula', 'Report', 'A5', 'A5:C7', '=KPI_BY(Data!A2:A,Data!C2:C,"sum")'],
      ['banner', 'Report', 'B1', 'B1', ''],
    ]);
    expect(parseRecord(rows)).toEqual(recordOf(plan));
  });

  it('names the row when the sheet was edited so a formula cannot come back exactly', () => {
    const edited = rows.map((r) => [...r]);
    edited[5][4] = 'KPI_BY(Data!A2:A)';
    expect(() => parseRecord(edited)).toThrow('row 6 of KPI Pilot formulas: "KPI_BY(Data!A2:A)" is not a formula (it should start with =)');
    const noHeader = rows.map((r) => [...r]);
    noHeader[3][0] = '';
    expect(() => parseRecord(noHeader)).toThrow(/lost its headers on row 4/);
  });
});

describe('what needs the add-in, for the sidebar notice', () => {
  it('lists the extra sheets and the cards that read KPI Pilot, directly or through another column', () => {
    const mapping = {
      ledger: { sheet: 'Subscriptions', headerRow: 1, columns: { customer: 'A', month: 'B', mrr: 'C' } },
      touches: { sheet: 'Touchpoints', headerRow: 1, columns: { journey: 'A', timestamp: 'B', channel: 'C', converted: 'D' } },
    };
    const setup: DashboardSetup = { v: 1, locale: 'en', kpis: ['mrr', 'ltv'], mapping, goals: [], extras: { attribution: true } };
    const plan = buildPlan({ setup, asOf: '2026-03-31' });
    // MRR is a native SUMIFS; LTV = ARPA / MRR churn, and MRR churn (not a card, written out inside LTV) calls REVENUE_CHURN
    expect(addinNeeds(plan)).toEqual({ sheets: ['KPI Dashboard', 'Attribution'], cards: ['ltv'] });
    expect(Object.keys(plan.trend.series)).toEqual(['mrr', 'ltv']);
  });
});
