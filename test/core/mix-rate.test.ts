/**
 * KPI_CHANGE_BY and KPI_CHANGE_DRIVERS: a blended ratio's change split by channel into mix and rate
 * (Kitagawa's symmetric split). Worked by hand below; properties with fast-check.
 */
import fc from 'fast-check';
import { mixRateSplit } from '../../core/kpi/mix-rate';
import { call, col, errorOf } from '../support/call';

const HEADER = ['Group', 'Before', 'After', 'Share before', 'Share after', 'Mix effect', 'Rate effect', 'Total effect'];
const JAN = '2026-01-01';
const FEB = '2026-02-01';
const MAR = '2026-03-01';

describe('KPI_CHANGE_BY: two channels worked by hand', () => {
  // Conversion rate = new customers / leads, by channel.
  //   January:  Search 30 customers of 600 leads (5%), Social 12 of 400 (3%): 42 / 1000 = 4.2%
  //   February: Search 28 of 400 (7%),                 Social 24 of 600 (4%): 52 / 1000 = 5.2%
  // Shares of leads: Search 0.6 → 0.4, Social 0.4 → 0.6.
  //   Search mix  = (0.4 − 0.6) × (0.05 + 0.07) / 2  = −0.2 × 0.06  = −0.012
  //   Search rate = (0.07 − 0.05) × (0.6 + 0.4) / 2  =  0.02 × 0.5  =  0.010
  //   Social mix  = (0.6 − 0.4) × (0.03 + 0.04) / 2  =  0.2 × 0.035 =  0.007
  //   Social rate = (0.04 − 0.03) × (0.4 + 0.6) / 2  =  0.01 × 0.5  =  0.005
  //   mix −0.012 + 0.007 = −0.005; rate 0.010 + 0.005 = 0.015; together 0.010 = 5.2% − 4.2%.
  // Search's total −0.002 and Social's +0.012: Social first (larger in size).
  const groups = col('Search', 'Social', 'Search', 'Social', 'Search');
  const customers = col(30, 12, 28, 24, 999);
  const leads = col(600, 400, 400, 600, 999);
  const dates = col('2026-01-10', '2026-01-31', '2026-02-01', '2026-02-28', '2026-03-01'); // the last row is in March: left out
  const table = call('KPI_CHANGE_BY', groups, customers, leads, dates, JAN, FEB, MAR) as (string | number | null)[][];

  it('gives each channel its ratios, shares, mix and rate, largest effect first, then the total', () => {
    const expected = [
      ['Social', 0.03, 0.04, 0.4, 0.6, 0.007, 0.005, 0.012],
      ['Search', 0.05, 0.07, 0.6, 0.4, -0.012, 0.01, -0.002],
      ['Total', 0.042, 0.052, 1, 1, -0.005, 0.015, 0.01],
    ];
    expect(table[0]).toEqual(HEADER);
    expect(table).toHaveLength(4);
    expected.forEach((row, i) => {
      expect(table[i + 1][0]).toBe(row[0]);
      row.slice(1).forEach((v, j) => expect(table[i + 1][j + 1]).toBeCloseTo(v as number, 12));
    });
  });

  it('says it in a sentence, each effect over the earlier rate (4.2%)', () => {
    // change 0.010 / 0.042 = +23.81%; mix −0.005 / 0.042 = −11.90%; rate 0.015 / 0.042 = +35.71%
    // Social 0.012 / 0.042 = +28.57% (mix 0.007 / 0.042 = +16.67%, rate 0.005 / 0.042 = +11.90%)
    // Search −0.002 / 0.042 = −4.76% (mix −0.012 / 0.042 = −28.57%, rate 0.010 / 0.042 = +23.81%)
    expect(call('KPI_CHANGE_DRIVERS', groups, customers, leads, dates, JAN, FEB, MAR)).toBe(
      'Change +23.8%: mix -11.9%, rate +35.7%. Largest: Social +28.6% (mix +16.7%, rate +11.9%), Search -4.8% (mix -28.6%, rate +23.8%)',
    );
    expect(call('KPI_CHANGE_DRIVERS', groups, customers, leads, dates, JAN, FEB, MAR, 1, 'fr')).toBe(
      'Variation +23,8 % : mix -11,9 %, taux +35,7 %. Principaux : Social +28,6 % (mix +16,7 %, taux +11,9 %)',
    );
  });
});

describe('groups present in one period only', () => {
  it('a new channel: its whole term is mix, and the parts still add up', () => {
    // CPL = spend / leads. January: Ads 1000 / 50 = 20. February: Ads 1000 / 50, Events 600 / 10 = 60.
    // CPL 20 → 1600 / 60 = 26.667. Ads share 1 → 50/60: mix (5/6 − 1) × 20 = −3.333, rate 0.
    // Events share 0 → 1/6, its ratio 60 on both sides: mix 1/6 × 60 = 10, rate 0. Mix 6.667 = 26.667 − 20.
    const t = call(
      'KPI_CHANGE_BY',
      col('Ads', 'Ads', 'Events'),
      col(1000, 1000, 600),
      col(50, 50, 10),
      col('2026-01-15', '2026-02-15', '2026-02-20'),
      JAN,
      FEB,
      MAR,
    ) as (string | number | null)[][];
    expect(t[1].map((v) => (typeof v === 'number' ? Number(v.toFixed(6)) : v))).toEqual(['Events', null, 60, 0, 0.166667, 10, 0, 10]);
    expect(t[2].map((v) => (typeof v === 'number' ? Number(v.toFixed(6)) : v))).toEqual([
      'Ads',
      20,
      20,
      1,
      0.833333,
      -3.333333,
      0,
      -3.333333,
    ]);
    expect(t[3][7]).toBeCloseTo(1600 / 60 - 20, 12);
  });
});

describe('errors that say what to fix', () => {
  const g = col('Ads', 'SEO', 'Ads', 'SEO');
  const d = col('2026-01-05', '2026-01-05', '2026-02-05', '2026-02-05');
  it('a channel with spend and no customer has no CAC of its own', () => {
    const e = errorOf('KPI_CHANGE_BY', g, col(100, 50, 100, 50), col(2, 0, 2, 1), d, JAN, FEB, MAR);
    expect(e.code).toBe('#DIV/0!');
    expect(e.message).toBe(
      'group "SEO" has a numerator but a zero denominator in the earlier period: its own ratio is undefined, so mix and rate cannot place it (merge it with another group)',
    );
    // the sentence says it instead of an error, so a dashboard cell stays readable
    expect(call('KPI_CHANGE_DRIVERS', g, col(100, 50, 100, 50), col(2, 0, 2, 1), d, JAN, FEB, MAR)).toMatch(
      /^No split: group "SEO" has a numerator but a zero denominator in the earlier period/,
    );
  });
  it('an empty period, periods out of order, misaligned ranges, text and negatives', () => {
    expect(errorOf('KPI_CHANGE_BY', g, col(1, 1, 1, 1), col(1, 1, 1, 1), d, FEB, MAR, '2026-04-01').message).toBe(
      'the denominator sums to 0 in the later period',
    );
    expect(errorOf('KPI_CHANGE_BY', g, col(1, 1, 1, 1), col(1, 1, 1, 1), d, FEB, JAN, MAR)).toEqual({
      code: '#NUM!',
      message: 'the periods must follow each other: before_start < after_start < after_end',
    });
    expect(errorOf('KPI_CHANGE_BY', g, col(1, 1, 1), col(1, 1, 1, 1), d, JAN, FEB, MAR).code).toBe('#VALUE!');
    expect(errorOf('KPI_CHANGE_BY', g, col(1, 'x', 1, 1), col(1, 1, 1, 1), d, JAN, FEB, MAR).message).toMatch(/numerator, row 2/);
    expect(errorOf('KPI_CHANGE_BY', g, col(1, 1, 1, 1), col(1, -1, 1, 1), d, JAN, FEB, MAR)).toEqual({
      code: '#NUM!',
      message: 'denominator, row 2: -1 is negative; denominator cannot be',
    });
    expect(errorOf('KPI_CHANGE_BY', g, col(1, 1, 1, 1), col(1, 1, 1, 1), col('x', 1, 1, 1), JAN, FEB, MAR).code).toBe('#VALUE!');
  });
});

describe('properties', () => {
  // Groups with a positive denominator in both periods, or absent (0, 0) in one of them.
  const side = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 1000 })) },
    { weight: 1, arbitrary: fc.constant([0, 0] as [number, number]) },
  );
  const group = fc.tuple(side, side).map(([[n0, d0], [n1, d1]]) => ({ n0, d0, n1, d1 }));
  const groups = fc.array(group, { minLength: 1, maxLength: 8 }).filter((gs) => gs.some((g) => g.d0 > 0) && gs.some((g) => g.d1 > 0));

  it('mix + rate of every group is its term’s change, and they add up to the KPI change', () => {
    fc.assert(
      fc.property(groups, (gs) => {
        const s = mixRateSplit(gs.map((g, i) => ({ group: `g${i}`, ...g })));
        const N0 = gs.reduce((t, g) => t + g.n0, 0);
        const D0 = gs.reduce((t, g) => t + g.d0, 0);
        const N1 = gs.reduce((t, g) => t + g.n1, 0);
        const D1 = gs.reduce((t, g) => t + g.d1, 0);
        const change = N1 / D1 - N0 / D0;
        const scale = Math.max(1, Math.abs(N0 / D0), Math.abs(N1 / D1));
        expect(Math.abs(s.mix + s.rate - change)).toBeLessThan(1e-9 * scale);
        for (const g of s.groups) {
          // a group's term s × r is its numerator over the total denominator
          const term = (n: number, D: number) => n / D;
          expect(Math.abs(g.mix + g.rate - (term(g.n1, D1) - term(g.n0, D0)))).toBeLessThan(1e-9 * scale);
        }
        // largest effect first
        for (let i = 1; i < s.groups.length; i++)
          expect(Math.abs(s.groups[i - 1].total)).toBeGreaterThanOrEqual(Math.abs(s.groups[i].total));
      }),
    );
  });

  it('the same shares on both sides: no mix; the same ratios on both sides: no rate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 5 }),
        (rows, k) => {
          // denominators scaled by k keep every share; numerators at will
          const sameShares = mixRateSplit(rows.map(([d, n0, n1], i) => ({ group: `g${i}`, n0, d0: d, n1, d1: k * d })));
          expect(Math.abs(sameShares.mix)).toBeLessThan(1e-9 * Math.max(1, Math.abs(sameShares.r0), Math.abs(sameShares.r1)));
          // numerators scaled with their denominators keep every ratio
          const sameRatios = mixRateSplit(rows.map(([d, n0], i) => ({ group: `g${i}`, n0, d0: d, n1: k * n0, d1: k * d })));
          expect(Math.abs(sameRatios.rate)).toBeLessThan(1e-9 * Math.max(1, sameRatios.r0));
        },
      ),
    );
  });
});
