/**
 * What a colleague without the add-in sees: the sample company's data and a SaaS-style dashboard
 * plan are written to an .xlsx (playground/export), opened in headless LibreOffice Calc with
 * recalculation forced (scripts/libreoffice), and the values Calc computed are read back with
 * ExcelJS. Every native cell checked here must equal (a) plain arithmetic over the generated rows
 * (sample-arithmetic.ts) and (b) the core functions on the same rows; the only cells allowed to
 * show #NAME? are those the plan marks as calling custom functions.
 *
 * Setup: cards MRR, ARPA, CAC, CPL, lead-to-customer conversion, lead-to-opportunity, win rate
 * (all written natively), as of 2026-10-15, so October 2026 is the current period and the trend
 * table holds November 2025 - October 2026. LTV, LTV:CAC, CAC payback, deal size, sales cycle and
 * pipeline velocity are further cards, so the formulas built from other cards' trend cells are
 * checked too; MRR churn (a custom function) is not a card and is written out inside LTV.
 *
 * Needs Debian's libreoffice-calc (soffice); .ci/run installs it. Without it the tests fail.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type ExcelJS from 'exceljs';
import { toSerial } from '../../core/args/cells';
import { cell, requireRect } from '../../core/dashboard/a1';
import { KpiId } from '../../core/dashboard/catalog';
import { statusLabel } from '../../core/dashboard/labels';
import { DashboardPlan } from '../../core/dashboard/plan';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup, Goal } from '../../core/dashboard/setup';
import { callFunction } from '../../core/hosts';
import { goalProgress, goalStatus } from '../../core/kpi/goals';
import { dashboardWorkbookSheets } from '../../playground/export/plan-sheets';
import { workbookToXlsx } from '../../playground/export/xlsx';
import { generateSample } from '../../playground/sample/company';
import { recalculate, RecalcResult } from '../../scripts/libreoffice/recalc';
import { kpisOf, monthFigures, MonthFigures, nextMonth } from './sample-arithmetic';
import { isError, readWorkbook, Value, valueOf } from './read-back';
import { columnCells, refOf } from '../support/refs';
import { mappingOf } from '../support/mapping';

const AS_OF = '2026-10-15';
const sample = generateSample();
const MAPPING = mappingOf(sample.sheets);
const CARDS: KpiId[] = ['mrr', 'arpa', 'cac', 'cpl', 'conversion_rate', 'lead_to_opp', 'win_rate'];
/** The trend table's months, oldest first: 2025-11 ... 2026-10. */
const MONTHS = Array.from({ length: 12 }, (_, i) => (i < 2 ? `2025-${11 + i}` : `2026-${String(i - 1).padStart(2, '0')}`));
const FIGURES: MonthFigures[] = MONTHS.map((m) => monthFigures(sample.sheets, m));
const ARITH = FIGURES.map(kpisOf);
const NOW = ARITH[11];
const num = (v: number | '') => {
  if (v === '') throw new Error('the sample month has no data for a goal');
  return v;
};

/**
 * Goals built around October's values (by arithmetic) so each lands on a chosen status. As of
 * 2026-10-15 a 2026-01-01..2026-12-31 goal is 287/364 = 0.7885 elapsed; tolerance 0.1.
 */
const c = (id: string) => num(NOW[id]);
const YEAR = { start: '2026-01-01', end: '2026-12-31' };
const GOALS: (Goal & { progress: number; status: string })[] = [
  // (c − 0.5c) / (0.9c − 0.5c) = 1.25 >= 1
  { kpi: 'mrr', baseline: 0.5 * c('mrr'), target: 0.9 * c('mrr'), ...YEAR, owner: 'Alice Martin', progress: 1.25, status: 'Achieved' },
  // starts after the as-of date; (c − 0.9c) / (1.2c − 0.9c) = 1/3
  {
    kpi: 'arpa',
    baseline: 0.9 * c('arpa'),
    target: 1.2 * c('arpa'),
    start: '2026-11-01',
    end: '2027-03-31',
    owner: 'Bilal Haddad',
    progress: 1 / 3,
    status: 'Not started',
  },
  // lower is better: (c − 1.2c) / (0.8c − 1.2c) = 0.5 < 0.7885 − 0.1
  { kpi: 'cac', baseline: 1.2 * c('cac'), target: 0.8 * c('cac'), ...YEAR, owner: '=Chloé', progress: 0.5, status: 'Off track' },
  // (c − 1.5c) / (5c/6 − 1.5c) = 0.75, between 0.6885 and 0.7885
  { kpi: 'cpl', baseline: 1.5 * c('cpl'), target: (5 / 6) * c('cpl'), ...YEAR, owner: 'Diego Santos', progress: 0.75, status: 'At risk' },
  // ended 2026-06-30; (c − 0) / (2c − 0) = 0.5
  {
    kpi: 'conversion_rate',
    baseline: 0,
    target: 2 * c('conversion_rate'),
    start: '2025-01-01',
    end: '2026-06-30',
    owner: 'Emma Chen',
    progress: 0.5,
    status: 'Missed',
  },
  // (c − 0.1c) / (1.1c − 0.1c) = 0.9 >= 0.7885
  {
    kpi: 'win_rate',
    baseline: 0.1 * c('win_rate'),
    target: 1.1 * c('win_rate'),
    ...YEAR,
    owner: 'Alice Martin',
    progress: 0.9,
    status: 'On track',
  },
];

const SETUP: DashboardSetup = {
  v: 1,
  locale: 'en',
  template: null,
  // the support KPIs as further cards, after CARDS, so their trend columns are checked too
  kpis: [...CARDS, 'ltv', 'ltv_cac', 'cac_payback', 'avg_deal_size', 'sales_cycle', 'pipeline_velocity'],
  mapping: MAPPING,
  goals: GOALS.map(({ progress: _p, status: _s, ...g }) => g),
};

// ---- the core side: registry functions on the rows of each month -----------------------------

const D = (iso: string) => toSerial(iso)!;
function call(name: string, args: unknown[]): number {
  const out = callFunction(name, args);
  if (!out.ok) throw out.error;
  return out.value as number;
}
const col = (rows: unknown[][], i: number) => rows.map((r) => [r[i]]);

/** The core's value of a card KPI for month ym; "" where the core reports a zero denominator (the sheet's IFERROR shows ""). */
function coreValue(id: KpiId, ym: string): number | '' {
  const m = sample.sheets.Marketing.slice(1).filter((r) => String(r[0]).slice(0, 7) === ym);
  const ledger = sample.sheets.Subscriptions.slice(1);
  const closed = sample.sheets.Deals.slice(1).filter(
    (r) => typeof r[3] === 'string' && r[3].slice(0, 7) === ym && (r[5] === 'Won' || r[5] === 'Lost'),
  );
  const period = D(`${ym}-01`);
  try {
    switch (id) {
      case 'mrr':
        return call('MRR', [col(ledger, 1), col(ledger, 2), period]);
      case 'arpa': {
        const paying = ledger.filter((r) => String(r[1]).slice(0, 7) === ym && (r[2] as number) > 0).length;
        return call('ARPA', [call('MRR', [col(ledger, 1), col(ledger, 2), period]), paying]);
      }
      case 'cac':
        return call('CAC', [col(m, 2), col(m, 5)]);
      case 'cpl':
        return call('CPL', [col(m, 2), col(m, 3)]);
      case 'conversion_rate':
        return call('CONVERSION_RATE', [col(m, 5), col(m, 3)]);
      case 'lead_to_opp':
        return call('LEAD_TO_OPP', [col(m, 4), col(m, 3)]);
      case 'win_rate':
        return call('WIN_RATE', [closed.filter((r) => r[5] === 'Won').length, closed.length]);
      case 'avg_deal_size': {
        const won = closed.filter((r) => r[5] === 'Won');
        return call('ATV', [col(won, 4), won.length]);
      }
      case 'sales_cycle':
        return call('SALES_CYCLE', [col(closed, 2), col(closed, 3)]);
      default:
        throw new Error(`no core check for ${id}`);
    }
  } catch (e) {
    if ((e as { code?: string }).code === '#DIV/0!') return '';
    throw e;
  }
}

function expectSame(actual: Value, expected: number | string, label: string): void {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') throw new Error(`${label}: expected ${expected}, LibreOffice shows ${JSON.stringify(actual)}`);
    if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected)))
      throw new Error(`${label}: expected ${expected}, LibreOffice shows ${actual}`);
  } else if (actual !== expected)
    throw new Error(`${label}: expected ${JSON.stringify(expected)}, LibreOffice shows ${JSON.stringify(actual)}`);
}

// ---- the LibreOffice run ---------------------------------------------------------------------

let plan: DashboardPlan;
let run: RecalcResult;
let wb: ExcelJS.Workbook;
let dir: string | undefined;
const at = (sheet: string, address: string): Value => {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`LibreOffice's file has no sheet ${sheet}`);
  return valueOf(ws, address);
};
const atRef = (full: string) => {
  const { sheet, address } = refOf(full);
  return at(sheet, address);
};

beforeAll(async () => {
  plan = buildPlan({ setup: SETUP, asOf: AS_OF });
  const bytes = await workbookToXlsx(dashboardWorkbookSheets(sample.sheets, plan));
  dir = mkdtempSync(join(tmpdir(), 'kpi-xlsx-'));
  const book = join(dir, 'kpi-pilot-sample.xlsx');
  writeFileSync(book, bytes);
  run = recalculate(book, join(dir, 'recalculated'), 90000);
  wb = await readWorkbook(run.path);
}, 120000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the sample workbook recalculated by LibreOffice', () => {
  it('keeps every sheet: the five data sheets, then the four dashboard sheets', () => {
    expect(run.version).toMatch(/^LibreOffice \d/);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Marketing',
      'Subscriptions',
      'Deals',
      'Touchpoints',
      'Transactions',
      'KPI Dashboard',
      'KPI Goals',
      'KPI Definitions',
      'KPI History',
    ]);
  });

  it('keeps the data: ISO dates as date serials, numbers, booleans and empty cells', () => {
    const [row1] = sample.sheets.Deals.slice(1);
    expect(at('Deals', 'C2')).toBe(D(row1[2] as string));
    expect(at('Deals', 'E2')).toBe(row1[4]);
    expect(at('Marketing', 'A2')).toBe(D('2024-11-01'));
    expect(at('Touchpoints', 'D2')).toBe(sample.sheets.Touchpoints[1][3]);
    const open = sample.sheets.Deals.findIndex((r) => r[5] === 'Open');
    expect(at('Deals', `D${open + 1}`)).toBeNull();
  });

  it('puts November 2025 - October 2026 in the trend table', () => {
    const periods = columnCells(plan.trend.periods).map((x) => at(x.sheet, x.address));
    expect(periods).toEqual(MONTHS.map((m) => D(`${m}-01`)));
    expect(at('KPI Dashboard', 'B2')).toBe(D(AS_OF));
    expect(at('KPI Dashboard', 'D2')).toBe(D('2026-10-01'));
  });

  it.each(CARDS)('%s: the card shows October by arithmetic and by the core', (id) => {
    const shown = atRef(plan.valueCells[id]);
    expectSame(shown, NOW[id], `${id} vs arithmetic`);
    expectSame(shown, coreValue(id, '2026-10'), `${id} vs core`);
  });

  it.each([...CARDS, 'avg_deal_size', 'sales_cycle'] as KpiId[])('%s: every month of the trend matches arithmetic and the core', (id) => {
    columnCells(plan.trend.series[id]).forEach((x, i) => {
      const shown = at(x.sheet, x.address);
      expectSame(shown, ARITH[i][id], `${id} ${MONTHS[i]} vs arithmetic`);
      expectSame(shown, coreValue(id, MONTHS[i]), `${id} ${MONTHS[i]} vs core`);
    });
  });

  it.each(['cac_payback', 'pipeline_velocity'] as KpiId[])(
    '%s (native, built from other trend cells): every month matches arithmetic',
    (id) => {
      columnCells(plan.trend.series[id]).forEach((x, i) => expectSame(at(x.sheet, x.address), ARITH[i][id], `${id} ${MONTHS[i]}`));
    },
  );

  it('shows the previous month and the change beside each card', () => {
    CARDS.forEach((id, i) => {
      const r = 5 + i;
      const [now, prev] = [NOW[id], ARITH[10][id]];
      expectSame(at('KPI Dashboard', `F${r}`), prev, `${id} previous`);
      expectSame(
        at('KPI Dashboard', `G${r}`),
        typeof now === 'number' && typeof prev === 'number' && prev !== 0 ? (now - prev) / Math.abs(prev) : '',
        `${id} change`,
      );
    });
  });

  it('judges each goal as chosen, as GOAL_STATUS does, on the goals sheet and the cards', () => {
    GOALS.forEach((g) => {
      const r = 2 + CARDS.indexOf(g.kpi); // goal rows follow the card order
      const cur = num(NOW[g.kpi]);
      const core = goalStatus(cur, g.target!, D(g.start!), D(g.end!), D(AS_OF), g.baseline!, 0.1);
      expect(statusLabel(core, 'en')).toBe(g.status);
      expect(at('KPI Goals', `K${r}`)).toBe(g.status);
      expectSame(at('KPI Goals', `J${r}`), (cur - g.baseline!) / (g.target! - g.baseline!), `${g.kpi} progress`);
      expect(goalProgress(cur, g.target!, g.baseline!)).toBeCloseTo(g.progress, 9);
      expect(at('KPI Goals', `J${r}`) as number).toBeCloseTo(g.progress, 9);
      const card = 5 + CARDS.indexOf(g.kpi);
      expect(at('KPI Dashboard', `E${card}`)).toBe(g.status);
      expectSame(at('KPI Dashboard', `C${card}`), g.target!, `${g.kpi} target`);
      expect(at('KPI Dashboard', `H${card}`)).toBe(g.owner); // "=Chloé" stays text
    });
    const noGoal = 5 + CARDS.indexOf('lead_to_opp');
    expect([at('KPI Dashboard', `C${noGoal}`), at('KPI Dashboard', `D${noGoal}`), at('KPI Dashboard', `E${noGoal}`)]).toEqual(['', '', '']);
  });

  it('shows only the insight rule about the cards, its text as the arithmetic says', () => {
    const dash = plan.sheets[0];
    const block = dash.blocks.find((b) => b.cells[0]?.[0] === 'Targeting or qualification')!;
    const top = Number(/\d+/.exec(block.range)![0]);
    // MRR churn is not a card: its rule is not shown
    expect(block.cells.map((row) => row[0]).slice(0, 5)).toEqual([
      'Targeting or qualification',
      'Unit economics',
      'Cash tied in acquisition',
      'Pipeline velocity',
      'ARPA: what moved',
    ]);
    const message = String(at(dash.name, `B${top}`));
    const mean = (id: string) => ARITH.slice(0, 11).reduce((t, k) => t + (k[id] as number), 0) / 11;
    const targeting = (NOW.cpl as number) > 1.2 * mean('cpl') && (NOW.conversion_rate as number) < 0.8 * mean('conversion_rate');
    expect(message).toMatch(
      targeting ? /lead-qualification problem/ : /^OK: cost per lead [\d.]+ and lead-to-customer conversion [\d.]+% are within range/,
    );
  });

  it('explains each ratio card’s change since September with its parts’ changes, as the arithmetic says', () => {
    const dash = plan.sheets[0];
    const block = dash.blocks.find((b) => b.cells[0]?.[0] === 'Targeting or qualification')!;
    const top = Number(/\d+/.exec(block.range)![0]);
    const rows = new Map(block.cells.map((row, i) => [row[0] as string, at(dash.name, `B${top + i}`)]));
    const [sep, oct] = [FIGURES[10], FIGURES[11]];
    /** "+12%" / "-6%": a relative change rounded to a whole percent, a plus for rises. */
    const pct = (after: number, before: number) => {
      const x = after / before - 1;
      return `${x >= 0.005 ? '+' : ''}${Math.round(100 * x) + 0}%`;
    };
    // [KPI name, numerator before, denominator before, numerator after, denominator after], from the rows
    const parts: [string, number, number, number, number][] = [
      ['ARPA', sep.mrr, sep.payingCustomers, oct.mrr, oct.payingCustomers],
      ['Customer acquisition cost', sep.spend, sep.newCustomers, oct.spend, oct.newCustomers],
      ['Cost per lead', sep.spend, sep.leads, oct.spend, oct.leads],
      ['Lead-to-customer conversion', sep.newCustomers, sep.leads, oct.newCustomers, oct.leads],
      ['Lead-to-opportunity rate', sep.opportunities, sep.leads, oct.opportunities, oct.leads],
      ['Win rate', sep.won, sep.won + sep.lost, oct.won, oct.won + oct.lost],
      ['Average deal size', sep.wonAmount, sep.won, oct.wonAmount, oct.won],
      ['Sales cycle', sep.cycleDays, sep.won + sep.lost, oct.cycleDays, oct.won + oct.lost],
    ];
    for (const [name, n0, d0, n1, d1] of parts) {
      const text = String(rows.get(`${name}: what moved`));
      const m = /\(([+-]?\d+%)\) since the previous period: .+ ([+-]?\d+%), .+ ([+-]?\d+%)$/.exec(text);
      if (!m) throw new Error(`${name}: LibreOffice shows ${JSON.stringify(text)}`);
      expect([name, m[1], m[2], m[3]]).toEqual([name, pct(n1 / d1, n0 / d0), pct(n1, n0), pct(d1, d0)]);
    }
    // LTV and what is built on it read MRR churn, a custom function LibreOffice lacks: the rows say so, no error
    for (const name of ['Customer lifetime value', 'LTV:CAC ratio', 'CAC payback']) {
      expect(String(rows.get(`${name}: what moved`))).toMatch(/^Needs .+ for the current and previous periods$|since the previous period/);
    }
  });

  it("shows no error anywhere: the only cells calling a custom function are LTV's, blank or saying what they need", () => {
    const expected = new Set<string>();
    const custom = new Set<string>();
    for (const s of plan.sheets) {
      for (const b of s.blocks) {
        const names = b.customFunctions ?? [];
        names.forEach((n) => custom.add(n));
        if (!names.length) continue;
        const box = requireRect(b.range);
        b.cells.forEach((cells, i) =>
          cells.forEach((value, j) => {
            if (value && typeof value === 'object' && names.some((n) => new RegExp(`\\b${n}\\(`).test(value.formula))) {
              expected.add(`${s.name}!${cell(box.col + 1 + j, box.row + 1 + i)}`);
            }
          }),
        );
      }
    }
    expect([...custom]).toEqual(['REVENUE_CHURN', 'KPI_CHANGE_DRIVERS']);
    // LTV = ARPA / MRR churn; MRR churn is no card, so no column: REVENUE_CHURN is written out in LTV's trend column (blank in
    // Calc, by its IFERROR) and in LTV's change explanation (which says what it needs, since LTV is blank)
    const dash = plan.sheets[0];
    const block = dash.blocks.find((b) => b.cells[0]?.[0] === 'Targeting or qualification')!;
    const top = Number(/\d+/.exec(block.range)![0]);
    const ltvRow = `${dash.name}!B${top + block.cells.findIndex((row) => row[0] === 'Customer lifetime value: what moved')}`;
    const ltvColumn = columnCells(plan.trend.series.ltv).map((x) => `${x.sheet}!${x.address}`);
    // and KPI_CHANGE_DRIVERS in the by-channel rows of CAC, CPL and the two lead conversions, which say in Calc what they need
    const channelRows = ['Customer acquisition cost', 'Cost per lead', 'Lead-to-customer conversion', 'Lead-to-opportunity rate'].map(
      (name) => `${dash.name}!B${top + block.cells.findIndex((row) => row[0] === `${name} by channel`)}`,
    );
    expect([...expected].sort()).toEqual([...ltvColumn, ltvRow, ...channelRows].sort());
    const shown = atRef;
    for (const ref of ltvColumn) expect([ref, shown(ref)]).toEqual([ref, '']);
    expect(shown(ltvRow)).toBe('Needs customer lifetime value for the current and previous periods');
    for (const ref of channelRows)
      expect([ref, shown(ref)]).toEqual([
        ref,
        'Needs the KPI Pilot add-in to split by channel (or a Marketing cell that is not a number or a date)',
      ]);
    const errors = new Map<string, string>();
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          const v = valueOf(ws, cell.address);
          if (isError(v)) errors.set(`${ws.name}!${cell.address}`, v.error);
        }),
      );
    }
    expect([...errors.entries()]).toEqual([]);
  });

  it('leaves LTV and LTV:CAC blank (not an error) where MRR churn cannot be computed', () => {
    for (const id of ['ltv', 'ltv_cac'] as KpiId[])
      columnCells(plan.trend.series[id]).forEach((x) => expect(at(x.sheet, x.address)).toBe(''));
  });
});

test('without LibreOffice the run fails and says how to install it', () => {
  const saved = process.env.KPI_SOFFICE;
  process.env.KPI_SOFFICE = '/nonexistent/soffice';
  try {
    expect(() => recalculate('/tmp/any.xlsx')).toThrow(
      /LibreOffice is needed .* KPI_SOFFICE=\/nonexistent\/soffice does not exist: install Debian's libreoffice-calc/,
    );
  } finally {
    if (saved === undefined) delete process.env.KPI_SOFFICE;
    else process.env.KPI_SOFFICE = saved;
  }
});

test('the month list and the arithmetic helper roll over the year', () => {
  expect(MONTHS[0]).toBe('2025-11');
  expect(MONTHS[11]).toBe('2026-10');
  expect(nextMonth('2025-12')).toBe('2026-01');
});
