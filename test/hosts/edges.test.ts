import vm from 'vm';
import { FakeCustomFunctionsError, loadAppsScript, loadExcelFunctions } from '../support/hosts';

/**
 * Functions at their edges, through the BUILT bundles (npm run build first): the Apps Script
 * project as Sheets loads it and Excel's functions.js, sent what a review found wrong: dates past
 * 9999, a typo year that widens a cohort table past the sheet, more customers lost than there were,
 * a negative margin, a customer with a million repeat purchases.
 */
const sheets = loadAppsScript();
const excel = loadExcelFunctions();

function inSheets(call: string, args: Record<string, unknown> = {}): { value?: unknown; message?: string } {
  Object.assign(sheets, args);
  try {
    return { value: vm.runInContext(call, sheets) };
  } catch (e) {
    return { message: (e as Error).message };
  }
}

function inExcel(name: string, ...args: unknown[]): { value?: unknown; error?: FakeCustomFunctionsError } {
  try {
    return { value: excel.functions.get(name)!(...args) };
  } catch (e) {
    return { error: e as FakeCustomFunctionsError };
  }
}

const OUTSIDE = '1899-12-30 to 9999-12-31, serials 0 to 2958465';
const jan = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('dates a spreadsheet cannot hold', () => {
  it('MRR with an as-of serial of 1e9 is an error naming month, not 0', () => {
    expect(inSheets('MRR(d, v, 1e9)', { d: [[jan(5)]], v: [[100]] }).message).toBe(
      `month: 1000000000 is outside the dates a spreadsheet holds (${OUTSIDE})`,
    );
    const e = inExcel('MRR', [[46027]], [[100]], 1e9).error!;
    expect(e.code).toBe('#NUM!');
  });

  it('a timeline value of 1e308 names the row instead of failing unexpectedly', () => {
    const r = inSheets('FORECAST_ETS(46100, v, t)', { v: [[1], [2], [3], [4], [5]], t: [[46023], [46024], [46025], [46026], [1e308]] });
    expect(r.message).toBe(`timeline, row 5: 1e+308 is outside the dates a spreadsheet holds (${OUTSIDE})`);
  });

  it('NRR and GOAL_STATUS messages never print NaN', () => {
    const nrr = inSheets('NRR(c, d, m, "2026-01-01", 1e9)', {
      c: [['A'], ['A']],
      d: [[jan(1)], [new Date(Date.UTC(2026, 1, 1))]],
      m: [[100], [120]],
    });
    expect(nrr.message).toBe(`end_month: 1000000000 is outside the dates a spreadsheet holds (${OUTSIDE})`);
    const goal = inSheets('GOAL_STATUS(10, 100, 46023, 1e9, 46100)');
    expect(goal.message).toBe(`end_date: 1000000000 is outside the dates a spreadsheet holds (${OUTSIDE})`);
    const far = inSheets('GOAL_STATUS(10, 100, 46023, d, 46100)', { d: new Date(Date.UTC(10000, 0, 1)) });
    expect(far.message).toMatch(/^end_date: .* is outside the dates a spreadsheet holds/);
    expect(far.message).not.toMatch(/NaN/);
  });

  it('Sheets dates before the epoch are refused too', () => {
    expect(inSheets('MRR(d, v, w)', { d: [[jan(5)]], v: [[100]], w: new Date(Date.UTC(1850, 0, 1)) }).message).toMatch(
      /^month: 1850-01-01 is outside the dates/,
    );
  });
});

describe('result sizes', () => {
  const customers = [['A'], ['B'], ['A'], ['C'], ['A'], ['B'], ['C']];
  const dates = ['2026-01-05', '2026-01-20', '2026-02-03', '2026-02-10', '2026-03-01', '2026-04-01', '9999-01-05'].map((d) => [d]);

  it('COHORT_RETENTION with one date typed in 9999 names that date instead of spilling 95,000 columns', () => {
    const message =
      'dates, row 7: 9999-01-05 makes the cohort table 95,677 months wide (2026-01 to 9999-01), more columns than Google Sheets holds (18,278); check that date';
    expect(inSheets('COHORT_RETENTION(c, d)', { c: customers, d: dates }).message).toBe(message);
    const e = inExcel('COHORT_RETENTION', customers, dates, null, null).error!;
    expect(e.code).toBe('#NUM!');
  });

  it('a cohort table that fits Sheets (17,000 columns) but not Excel (16,384) is refused in Excel only', () => {
    // 2026-01 to 3442-08 is 17,000 months
    const wide = [['2026-01-05'], ['3442-08-05']];
    const who = [['A'], ['A']];
    const inSheetsResult = inSheets('COHORT_RETENTION(c, d)', { c: who, d: wide });
    expect(inSheetsResult.message).toBeUndefined();
    expect((inSheetsResult.value as unknown[][])[0]).toHaveLength(17002);
    const e = inExcel('COHORT_RETENTION', who, wide, null, null).error!;
    expect(e.code).toBe('#NUM!');
  });
});

describe('domains', () => {
  it('CHURN_RATE(10, 20) is an error, not 200%', () => {
    expect(inSheets('CHURN_RATE(10, 20)').message).toBe(
      'customers_lost (20) is more than customers_at_start (10): a period cannot lose more customers than it started with',
    );
    expect(inExcel('CHURN_RATE', 10, 20).error!.code).toBe('#NUM!');
    expect(inSheets('CHURN_RATE(200, 10)').value).toBe(0.05);
  });

  it('CLV_PREDICT refuses margin −1 with the same message as LTV', () => {
    const args = {
      f: [[2], [1], [0]],
      r: [[30], [10], [0]],
      t: [[39], [38], [39]],
      m: [[10], [10], [0]],
      bg: [[0.243, 4.414, 0.793, 2.426]],
      gg: [[6.25, 3.74, 15.44]],
    };
    const clv = inSheets('CLV_PREDICT(f, r, t, m, 52, 0, -1, bg, gg)', args).message;
    expect(clv).toBe('margin must be a fraction between 0 and 1 (5% is 0.05), got -1');
    expect(inSheets('LTV(100, 0.05, -1)').message).toBe('gross_margin must be a fraction between 0 and 1 (5% is 0.05), got -1');
    expect(inExcel('CLV_PREDICT', args.f, args.r, args.t, args.m, 52, 0, -1, args.bg, args.gg).error!.code).toBe('#NUM!');
    // a margin inside 0..1 scales the value
    const full = inSheets('CLV_PREDICT(f, r, t, m, 52, 0, 1, bg, gg)', args).value as number[][];
    const half = inSheets('CLV_PREDICT(f, r, t, m, 52, 0, 0.5, bg, gg)', args).value as number[][];
    expect(half[0][0]).toBeCloseTo(full[0][0] / 2, 12);
  });
});

describe('BG/NBD with one customer who bought a million times', () => {
  it('answers (a fit or a plain #NUM!) instead of running past the custom-function time limit', () => {
    const f = [[2], [1], [0], [3], [0], [1], [1000000]];
    const r = [[30], [10], [0], [35], [0], [5], [38]];
    const t = [[39], [38], [39], [38], [37], [39], [39]];
    const fit = inSheets('BGNBD_FIT(f, r, t)', { f, r, t });
    // six ordinary customers cannot pin the model down; what matters is a clear answer
    expect(fit.message).toMatch(/^BG\/NBD fit did not converge: .* runs off to/);
  });
});
