import { DetailedCellError } from 'hyperformula';
import { columnNumber } from '../../core/dashboard/a1';
import { baselineFromData, lastFullMonth, monthName } from '../../core/dashboard/baselines';
import { CATALOG, KpiId, kpi } from '../../core/dashboard/catalog';
import { checkGoal } from '../../core/dashboard/goals';
import { hasField } from '../../core/dashboard/mapping';
import { fieldsNeeded } from '../../core/dashboard/catalog';
import { buildPlan } from '../../core/dashboard/planner';
import { DataMapping } from '../../core/dashboard/setup';
import { countifsPattern, fieldsToRead, goalHistory, kpiMonths, MappedColumns } from '../../core/dashboard/monthly';
import { generateSample } from '../../playground/sample/company';
import { DEALS, LEDGER, MARKETING, ORDERS, SHEETS } from '../fixtures/dashboard/company';
import { applyToWorkbook } from './hf-apply';
import { sampleLedgerNrr } from '../support/sample-nrr';
import { mappingOf } from '../support/mapping';

/** The mapped columns of a mapping, read from whole sheets as a host reads them: the cells below the header row. */
function columnsOf(mapping: DataMapping, sheets: Record<string, readonly (readonly unknown[])[]>, kpis: readonly KpiId[]): MappedColumns {
  const out: MappedColumns = {};
  for (const f of fieldsToRead(kpis, mapping)) {
    const m = mapping[f.slice(0, f.indexOf('.')) as keyof DataMapping]!;
    const c = columnNumber(m.columns[f.slice(f.indexOf('.') + 1)])! - 1;
    out[f] = sheets[m.sheet].slice(m.headerRow).map((r) => r[c] ?? null);
  }
  return out;
}

describe('KPI values per month from the mapped data', () => {
  const mapping = mappingOf(SHEETS);
  const all = CATALOG.map((k) => k.id).filter((id) => fieldsNeeded(id).every((f) => hasField(mapping, f)));
  const months = kpiMonths(all, columnsOf(mapping, SHEETS, all));
  const at = (id: KpiId, ym: string) => months.values[id]![months.months.indexOf(ym)];

  it('covers the months of the data, oldest first', () => {
    // the ledger starts in November 2025; the Ads row of April 2026 is the last month
    expect(months.months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
  });

  it('gives hand-worked values of the small company (test/fixtures/dashboard/company.ts)', () => {
    // February 2026 marketing rows: Ads spend 1500, leads 50, new customers 4; Referral spend 100, leads 10, new customers 1
    expect(at('cpl', '2026-02')).toBeCloseTo((1500 + 100) / (50 + 10), 12); // 26.67
    expect(at('cac', '2026-02')).toBeCloseTo(1600 / 5, 12); // 320
    // referral share of leads in January: 15 / (60 + 15)
    expect(at('referral_share', '2026-01')).toBeCloseTo(0.2, 12);
    // March: the Referral row is timestamped 2026-03-31 12:00 and still counts: spend 2000 + 200, leads 40 + 10
    expect(at('cpl', '2026-03')).toBeCloseTo(44, 12);
    // retention in February: (active 48 − new 5) / active in January 45
    expect(at('retention_rate', '2026-02')).toBeCloseTo(43 / 45, 12);
    // ledger: February MRR A 100 + B 120 + C 90 + D 88 + E 50 = 448; five paying customers
    expect(at('mrr', '2026-02')).toBe(448);
    expect(at('arpa', '2026-02')).toBeCloseTo(448 / 5, 12);
    // MRR churn in March: D leaves (88 lost) of February's 448
    expect(at('mrr_churn', '2026-03')).toBeCloseTo(88 / 448, 12);
    // NRR needs the ledger 12 months back: none before November 2025
    expect(at('nrr', '2026-03')).toBeNull();
    // no marketing row in November 2025: a ratio has no value, a total is 0
    expect(at('cpl', '2025-11')).toBeNull();
    expect(at('leads', '2025-11')).toBe(0);
  });

  it('finds the won and lost deals by the setup patterns, like COUNTIFS', () => {
    expect(countifsPattern('*won*')('Closed Won')).toBe(true);
    expect(countifsPattern('*won*')('closedwon')).toBe(true);
    expect(countifsPattern('*won*')('Closed Lost')).toBe(false);
    expect(countifsPattern('w?n')('WIN')).toBe(true);
    expect(countifsPattern('a~*')('a*')).toBe(true);
    expect(countifsPattern('a~*')('ab')).toBe(false);
  });

  it('is linear: twice the rows, the same per-month answer doubled for totals', () => {
    const cols = columnsOf(mapping, SHEETS, ['leads']);
    const twice: MappedColumns = {
      'marketing.date': [...cols['marketing.date']!, ...cols['marketing.date']!],
      'marketing.leads': [...cols['marketing.leads']!, ...cols['marketing.leads']!],
    };
    expect(kpiMonths(['leads'], twice).values.leads).toEqual(kpiMonths(['leads'], cols).values.leads!.map((v) => 2 * (v as number)));
  });

  it('names a ledger it cannot read and leaves its KPIs out, the others stay', () => {
    const cols = columnsOf(mapping, SHEETS, ['mrr_churn', 'cpl']);
    const bad = { ...cols, 'ledger.customer': cols['ledger.customer']!.map((v, i) => (i === 0 ? '' : v)) };
    const r = kpiMonths(['mrr_churn', 'cpl'], bad);
    expect(r.values.mrr_churn).toBeUndefined();
    expect(r.values.cpl).toBeDefined();
    expect(r.problems[0]).toMatch(/customer/);
  });
  void DEALS;
  void LEDGER;
  void MARKETING;
  void ORDERS;
});

/** The sample company, generated once for the file (the suites below only read it). */
const sample = generateSample();

describe('on the sample company, every KPI agrees with the dashboard trend formulas month by month', () => {
  const mapping = mappingOf(sample.sheets);
  const all = CATALOG.map((k) => k.id).filter((id) => fieldsNeeded(id).every((f) => hasField(mapping, f)));
  const setup = { v: 1 as const, locale: 'en' as const, kpis: all, mapping, goals: [], options: { trendPeriods: 24 } };
  const plan = buildPlan({ setup, asOf: '2026-10-31', existingSheets: [] });
  const wb = applyToWorkbook(plan, sample.sheets as never);
  const data = kpiMonths(all, columnsOf(mapping, sample.sheets, all));

  it('has the KPIs of the sample', () => {
    expect(all).toEqual(expect.arrayContaining(['mrr', 'nrr', 'grr', 'mrr_churn', 'cac', 'cpl', 'win_rate', 'pipeline_velocity', 'ltv']));
    expect(data.months[0]).toBe('2024-11');
    expect(data.months).toContain('2026-10'); // open deals carry expected close dates after it
  });

  it.each(all)('%s', (id) => {
    const ref = plan.trend.series[id];
    expect(ref).toBeDefined();
    const [sheet, range] = [ref.slice(0, ref.lastIndexOf('!')).replace(/^'|'$/g, ''), ref.slice(ref.lastIndexOf('!') + 1)];
    const [top, bottom] = range.split(':');
    const c = columnNumber(top.replace(/\d+/g, ''))! - 1;
    const r0 = Number(top.replace(/\D+/g, '')) - 1;
    const r1 = Number(bottom.replace(/\D+/g, '')) - 1;
    let compared = 0;
    for (let r = r0, i = 0; r <= r1; r++, i++) {
      const cell = wb.hf.getCellValue({ sheet: wb.sheetId(sheet), row: r, col: c });
      const mine =
        data.values[id]![data.months.indexOf(`${2024 + Math.floor((10 + i) / 12)}-${String(((10 + i) % 12) + 1).padStart(2, '0')}`)];
      const ym = data.months[data.months.indexOf(`${2024 + Math.floor((10 + i) / 12)}-${String(((10 + i) % 12) + 1).padStart(2, '0')}`)];
      const blankInput = (kpi(id).uses ?? []).some((u) => data.values[u]![data.months.indexOf(ym)] === null);
      if (blankInput) {
        // a KPI it is built from has no value that month: the sheet's arithmetic on the blank cell
        // shows 0 (HyperFormula, Sheets) or #VALUE! (Excel); there is no value to start a goal from
        expect(mine).toBeNull();
      } else if (typeof cell === 'number') {
        if (mine === null) throw new Error(`${id} ${data.months[i]}: the sheet shows ${cell}, none computed`);
        expect(Math.abs((mine as number) - cell)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(cell)));
        compared++;
      } else {
        // blank ("" from IFERROR) or an error (NRR before a year of ledger): no value
        expect(cell === '' || cell === null || cell instanceof DetailedCellError).toBe(true);
        expect(mine).toBeNull();
      }
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('baselines and the achievable check from the data', () => {
  const mapping = mappingOf(sample.sheets);
  const kpis: KpiId[] = ['mrr', 'nrr', 'cac', 'cpl'];
  const history = goalHistory(kpis, columnsOf(mapping, sample.sheets, kpis), undefined, '2026-10-31');

  it('knows the last full month', () => {
    expect(lastFullMonth('2026-10-31')).toBe('2026-10'); // the last day: its data counts
    expect(lastFullMonth('2026-11-29')).toBe('2026-10');
    expect(lastFullMonth('2024-02-29')).toBe('2024-02');
    expect(lastFullMonth('2026-01-15')).toBe('2025-12');
    expect(monthName('2026-09', 'en')).toBe('September 2026');
    expect(monthName('2026-09', 'fr')).toBe('septembre 2026');
  });

  it('stops at the last full month (the open deals dated later do not count)', () => {
    expect(history.months[0]).toBe('2024-11');
    expect(history.months.at(-1)).toBe('2026-10');
    expect(history.values.mrr).toHaveLength(24);
  });

  it('takes NRR at a goal starting 1 October 2026 from September 2026, as the NRR function gives it on the ledger rows', () => {
    const expected = sampleLedgerNrr('2025-09-01', '2026-09-01');
    const b = baselineFromData(history, 'nrr', '2026-10-01');
    expect(b?.month).toBe('2026-09');
    expect(b!.value).toBeCloseTo(expected, 12);
    expect(expected).toBeGreaterThan(0.5); // a real retention figure, not a default
    // without a start date: the last full month, October 2026
    const october = sampleLedgerNrr('2025-10-01', '2026-10-01');
    expect(baselineFromData(history, 'nrr')).toEqual({ value: expect.closeTo(october, 12), month: '2026-10' });
  });

  it('takes CAC from the marketing rows of the month before the start, by hand', () => {
    const june = sample.sheets.Marketing.slice(1).filter((r) => r[0] === '2026-06-01');
    const spend = june.reduce((s, r) => s + (r[2] as number), 0);
    const won = june.reduce((s, r) => s + (r[5] as number), 0);
    expect(baselineFromData(history, 'cac', '2026-07-15')).toEqual({ value: expect.closeTo(spend / won, 9), month: '2026-06' });
  });

  it('has no baseline before the data starts', () => {
    expect(baselineFromData(history, 'mrr', '2024-11-20')).toBeUndefined();
    expect(baselineFromData(history, 'leads')).toBeUndefined();
  });

  it('judges an NRR goal on the sample: 24 months are enough history', () => {
    const b = baselineFromData(history, 'nrr', '2026-11-01')!;
    const check = checkGoal(
      { kpi: 'nrr', baseline: b.value, target: b.value + 0.05, start: '2026-11-01', end: '2027-04-30', owner: 'Ana' },
      history.values.nrr,
    );
    const codes = check.messages.map((m) => m.code);
    expect(codes).not.toContain('not_enough_history');
    expect(codes.some((c) => ['achievable', 'stretch', 'far_beyond', 'never_seen'].includes(c))).toBe(true);
    expect(check.bestPace).toBeGreaterThan(0);
  });

  it('merges KPI History by month: the data wins where it has the month, a snapshot fills a month it lacks', () => {
    const h = goalHistory(
      ['leads'],
      { 'marketing.date': ['2026-02-01', '2026-03-01'], 'marketing.leads': [50, 70] },
      [
        ['Date', 'KPI', 'KPI id', 'Value'],
        ['2025-12-20', 'Leads', 'leads', 30], // before the data: kept
        ['2026-01-10', 'Leads', 'leads', 35],
        ['2026-01-31', 'Leads', 'leads', 40], // the later snapshot of January wins
        ['2026-02-14', 'Leads', 'leads', 20], // February is in the data: 50 wins
        ['2026-03-10', 'Leads', 'leads', 999], // a mid-month snapshot of the current month: past the last full month
        ['2026-01-10', 'MRR', 'mrr', 1], // another KPI: not asked
      ],
      '2026-03-20',
    );
    expect(h.months).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(h.values).toEqual({ leads: [30, 40, 50] });
    expect(h.lastFull).toBe('2026-02');
  });
});
