import fc from 'fast-check';
import { ratioChange } from '../../core/kpi/change';
import { call, col, errorOf } from '../support/call';

const HEADER = ['Part', 'Before', 'After', 'Change', 'Effect on KPI', 'Log effect', 'Share of change'];

describe('KPI_CHANGE', () => {
  it('explains a CAC rise by spend and new customers (worked by hand)', () => {
    // Spend 10,000 → 11,200 (+12%), new customers 20 → 18.8 (−6%).
    // CAC 10,000 / 20 = 500 → 11,200 / 18.8 = 595.744680851063829…, i.e. +19.148936170212765…%
    // Spend alone: CAC +12%. Customers alone: 20 / 18.8 − 1 = +6.382978723404255…%; 1.12 × 1.0638297… = 1.1914893…
    // ln 1.12 = 0.113328685307003174…, −ln 0.94 = 0.061875403718087471…, sum 0.175204089025090646 = ln(595.7446… / 500)
    // Shares: 0.1133286853 / 0.1752040890 = 0.646838129963813…, 0.0618754037 / 0.1752040890 = 0.353161870036186…
    const t = call('KPI_CHANGE', col(6000, 4000), 20, 11200, 18.8) as (number | string | null)[][];
    expect(t[0]).toEqual(HEADER);
    const expected = [
      ['KPI', 500, 595.744680851063829, 0.191489361702127659, 0.191489361702127659, 0.175204089025090646, 1],
      ['Numerator', 10000, 11200, 0.12, 0.12, 0.113328685307003174, 0.646838129963813731],
      ['Denominator', 20, 18.8, -0.06, 0.063829787234042553, 0.061875403718087471, 0.353161870036186268],
    ];
    expected.forEach((row, i) => {
      expect(t[i + 1][0]).toBe(row[0]);
      row.slice(1).forEach((v, j) => expect(t[i + 1][j + 1]).toBeCloseTo(v as number, 12));
    });
  });

  it('shows a part working against the change with a negative share', () => {
    // ROAS = revenue / ad spend: revenue 1000 → 1500, spend 100 → 120; ROAS 10 → 12.5, +25%.
    // ln 1.5 = 0.405465108108164, −ln 1.2 = −0.182321556793955, sum 0.223143551314210 = ln 1.25.
    // Shares 0.405465 / 0.223144 = 1.8170595…, −0.182322 / 0.223144 = −0.8170595… (sum 1).
    const t = call('KPI_CHANGE', 1000, 100, 1500, 120) as number[][];
    expect(t[1][3]).toBeCloseTo(0.25, 12);
    expect(t[2][6]).toBeCloseTo(1.817059492511287, 12);
    expect(t[3][6]).toBeCloseTo(-0.817059492511287, 12);
    expect(t[3][4]).toBeCloseTo(100 / 120 - 1, 12); // spend alone: ROAS −16.67%
  });

  it('leaves the shares blank when the KPI did not change', () => {
    // 100 / 10 → 200 / 20: both parts doubled, KPI 10 → 10; ln 2 − ln 2 = 0, nothing to share.
    const t = call('KPI_CHANGE', 100, 10, 200, 20) as (number | null)[][];
    expect(t[1].slice(1)).toEqual([10, 10, 0, 0, 0, null]);
    expect(t[2][6]).toBeNull();
    expect(t[3][6]).toBeNull();
    expect(t[2][5]).toBeCloseTo(Math.LN2, 14);
  });

  it('names the argument whose log is undefined, never NaN', () => {
    expect(errorOf('KPI_CHANGE', 100, 0, 120, 5).code).toBe('#DIV/0!');
    expect(errorOf('KPI_CHANGE', 100, 0, 120, 5).message).toBe('denominator_before sums to 0');
    expect(errorOf('KPI_CHANGE', 100, 5, 120, col('', 0)).message).toBe('denominator_after sums to 0');
    const zero = errorOf('KPI_CHANGE', 100, 5, 0, 5);
    expect(zero.code).toBe('#NUM!');
    expect(zero.message).toMatch(/^numerator_after sums to 0/);
    expect(errorOf('KPI_CHANGE', 0, 5, 100, 5).message).toMatch(/^numerator_before sums to 0/);
    const negative = errorOf('KPI_CHANGE', col(100, -20), 5, 100, 5);
    expect(negative.code).toBe('#NUM!');
    expect(negative.message).toMatch(/numerator_before, row 2/);
    expect(errorOf('KPI_CHANGE', 100, 5, 100, col(1, 'x')).message).toMatch(/denominator_after, row 2/);
  });

  it('adds up exactly: log effects sum to ln(R1/R0), shares to 1, effects compound to the KPI change', () => {
    // Sums from 0.001 to a billion; each part moves by a factor 1/100..100 between the periods
    // (a part shrinking a millionfold would lose digits in after / before − 1, as any % change does).
    const positive = fc.double({ min: 1e-3, max: 1e9, noNaN: true, noDefaultInfinity: true });
    const factor = fc.double({ min: 0.01, max: 100, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(positive, positive, factor, factor, (n0, d0, fn, fd) => {
        const [n1, d1] = [n0 * fn, d0 * fd];
        const c = ratioChange(n0, d0, n1, d1);
        const lnR = Math.log(n1 / d1 / (n0 / d0));
        expect(Math.abs(c.numerator.logEffect + c.denominator.logEffect - lnR)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(lnR)));
        expect(c.kpi.logEffect).toBe(c.numerator.logEffect + c.denominator.logEffect);
        const kpiRatio = n1 / d1 / (n0 / d0);
        const compound = (1 + c.numerator.effect) * (1 + c.denominator.effect);
        expect(Math.abs(compound - kpiRatio)).toBeLessThanOrEqual(1e-12 * Math.max(1, kpiRatio));
        expect(Math.abs(1 + c.kpi.change - kpiRatio)).toBeLessThanOrEqual(1e-12 * Math.max(1, kpiRatio));
        if (c.kpi.share !== null) {
          const [a, b] = [c.numerator.share as number, c.denominator.share as number];
          expect(Math.abs(a + b - 1)).toBeLessThanOrEqual(1e-12 * (Math.abs(a) + Math.abs(b)));
        } else expect(Math.abs(lnR)).toBeLessThan(1e-11);
      }),
    );
  });
});
