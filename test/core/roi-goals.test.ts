import { call, col, errorOf } from '../support/call';

describe('ROI, ROMI, ROAS', () => {
  it("match Klipfolio's ROMI: ($15k − $10k) / $10k = 50%", () => {
    expect(call('ROMI', 15000, 10000)).toBe(0.5);
    expect(call('ROMI', 15000, 10000, 0.6)).toBeCloseTo(-0.1, 12); // (9000 − 10000) / 10000
    expect(call('ROI', col(1200, 800), col(500, 500))).toBe(1); // (2000 − 1000) / 1000
    expect(call('ROAS', 5000, 1250)).toBe(4);
  });
  it('are #DIV/0! on zero spend', () => {
    expect(errorOf('ROMI', 100, 0).message).toBe('marketing_spend sums to 0');
    expect(errorOf('ROAS', 100, col('', 0)).message).toBe('ad_spend sums to 0');
  });
});

describe('KPI_BY', () => {
  const groups = col('Search', 'Social', 'Search', 'Email', 'Social');
  it('breaks ROMI down by channel with a Total row', () => {
    const revenue = col(3000, 1000, 3000, 500, 1000);
    const spend = col(1000, 1000, 2000, 0, 1000);
    expect(call('KPI_BY', 'romi', groups, revenue, spend)).toEqual([
      ['Group', 'ROMI'],
      ['Search', 1], // (6000 − 3000) / 3000
      ['Social', 0], // (2000 − 2000) / 2000
      ['Email', null], // no spend: blank, not an error
      ['Total', 0.7], // (8500 − 5000) / 5000
    ]);
    // with margin 0.5: Search (3000 − 3000) / 3000 = 0; Total (4250 − 5000) / 5000
    expect(call('KPI_BY', 'ROMI', groups, revenue, spend, 0.5)).toEqual([
      ['Group', 'ROMI'],
      ['Search', 0],
      ['Social', -0.5],
      ['Email', null],
      ['Total', -0.15],
    ]);
  });
  it('handles CAC with sales spend and blank group rows', () => {
    const g = col('A', '', 'A', '');
    expect(call('KPI_BY', 'CAC', g, col(100, 50, 100, ''), col(2, 1, 2, ''), col(0, 10, 0, ''))).toEqual([
      ['Group', 'CAC'],
      ['A', 50],
      ['(blank)', 60],
      ['Total', 52], // 260 / 5
    ]);
  });
  it('says which argument is missing or mismatched, and lists the KPIs', () => {
    expect(errorOf('KPI_BY', 'CPL', groups, col(1, 2, 3, 4, 5)).message).toBe('KPI_BY "CPL" needs arg2 (leads)');
    expect(errorOf('KPI_BY', 'CPL', groups, col(1, 2, 3, 4, 5), col(1, 2)).message).toBe(
      'groups has 5 cells but arg2 has 2: give ranges of the same size',
    );
    expect(errorOf('KPI_BY', 'LTV', groups, col(1)).message).toMatch(/^kpi: "LTV" is not one of "cac", "cpl", /);
    expect(errorOf('KPI_BY', 'CPL', groups, col(1, 'x', 3, 4, 5), col(1, 2, 3, 4, 5)).message).toBe(
      'arg1, row 2: "x" is text, not a number',
    );
  });
});

describe('GOAL_PROGRESS', () => {
  it('works for rising and falling goals, unclipped', () => {
    expect(call('GOAL_PROGRESS', 75, 100)).toBe(0.75);
    expect(call('GOAL_PROGRESS', 120, 100, 50)).toBeCloseTo(1.4, 12); // (120 − 50) / 50
    // CAC from 500 down to 300; now 450: (450 − 500) / (300 − 500) = 25%
    expect(call('GOAL_PROGRESS', 450, 300, 500)).toBe(0.25);
    expect(call('GOAL_PROGRESS', 550, 300, 500)).toBe(-0.25);
    expect(errorOf('GOAL_PROGRESS', 1, 5, 5).code).toBe('#DIV/0!');
  });
});

describe('GOAL_STATUS', () => {
  // A 100-day goal: 2026-01-01 to 2026-04-11. On 2026-02-20 (50 days in) 50% is expected.
  const S = '2026-01-01';
  const E = '2026-04-11';
  const MID = '2026-02-20';
  it.each([
    [100, MID, 'Achieved'],
    [50, MID, 'On track'],
    [41, MID, 'At risk'], // 41% ≥ 50% − 10%
    [39, MID, 'Off track'],
    [10, '2025-12-31', 'Not started'],
    [90, '2026-04-12', 'Missed'],
    [90, E, 'At risk'], // on the last day 100% is expected; 90% is exactly at the tolerance edge
    [89, E, 'Off track'],
  ])('actual %p on %s is %s', (actual, asOf, status) => {
    expect(call('GOAL_STATUS', actual, 100, S, E, asOf)).toBe(status);
  });
  it('judges falling goals the same way', () => {
    // churn from 5% to 3%, 4.2% at mid-period: progress 40% vs 50% expected, exactly at the
    // tolerance edge (0.4 in decimals, 0.39999999999999997 in floating point) -> At risk
    expect(call('GOAL_STATUS', 0.042, 0.03, S, E, MID, 0.05)).toBe('At risk');
    expect(call('GOAL_STATUS', 0.029, 0.03, S, E, MID, 0.05)).toBe('Achieved');
  });
  it('refuses an end before the start', () => {
    expect(errorOf('GOAL_STATUS', 1, 2, E, S, MID).message).toBe('end_date (2026-01-01) is before start_date (2026-04-11)');
  });
});

describe('OKR_SCORE', () => {
  it('clips each score to 0..1 and weighs them', () => {
    expect(call('OKR_SCORE', col(0.4, 0.8, 1.5))).toBeCloseTo((0.4 + 0.8 + 1) / 3, 12);
    expect(call('OKR_SCORE', col(-0.2, 1), col(1, 3))).toBeCloseTo(0.75, 12); // (0 + 3) / 4
  });
  it('explains bad weights', () => {
    expect(errorOf('OKR_SCORE', col(0.5), col(-1)).code).toBe('#NUM!');
    expect(errorOf('OKR_SCORE', col(0.5, 0.2), col(0, 0)).code).toBe('#DIV/0!');
    expect(errorOf('OKR_SCORE', col(0.5, 0.2), col(1, '')).message).toBe(
      'weights, row 2 is blank but its score is 0.2: give every score a weight',
    );
  });
});
