import { call, col, errorOf } from '../support/call';

const JAN = '2026-01-01';
const FEB = '2026-02-01';
const MAR = '2026-03-01';
const APR = '2026-04-01';

/** Builds the three ledger columns from [customer, month, mrr] rows. */
function ledger(rows: [string, string, number | string][]) {
  return [col(...rows.map((r) => r[0])), col(...rows.map((r) => r[1])), col(...rows.map((r) => r[2]))] as const;
}

describe('MRR and ARR', () => {
  it('total the calendar month, whatever the day', () => {
    const months = col('2026-03-01', '2026-03-31', '2026-04-01', new Date(2026, 2, 15));
    const amounts = col(100, 50, 70, 25);
    expect(call('MRR', months, amounts, '2026-03-20')).toBe(175); // 100 + 50 + 25
    expect(call('ARR', months, amounts, new Date(2026, 3, 30))).toBe(840); // 12 × 70
    expect(call('MRR', months, amounts, '2025-12-01')).toBe(0); // no row that month
  });
});

describe('MRR_MOVEMENTS', () => {
  const header = ['New', 'Expansion', 'Contraction', 'Churn', 'Reactivation', 'Net new'];

  it("reproduces ChartMogul's churn example: 100 start, 10 churn, 10 contraction, 10 expansion", () => {
    // Four customers of 25 in January (100). February: A expands to 35 (+10), B contracts to 15 (−10),
    // C churns (−25 would be too much, so C is 10 and D 15 in January) ... built so each movement is 10:
    const [c, m, a] = ledger([
      ['A', JAN, 40],
      ['B', JAN, 30],
      ['C', JAN, 10],
      ['D', JAN, 20],
      ['A', FEB, 50],
      ['B', FEB, 20],
      ['D', FEB, 20],
    ]);
    expect(call('MRR_MOVEMENTS', c, m, a, FEB)).toEqual([header, [0, 10, 10, 10, 0, -10]]);
    // gross revenue churn (10 + 10) / 100 = 20%, net (20 − 10) / 100 = 10%
    expect(call('REVENUE_CHURN', c, m, a, FEB)).toBeCloseTo(0.2, 12);
    expect(call('REVENUE_CHURN', c, m, a, FEB, true)).toBeCloseTo(0.1, 12);
  });

  it('tells reactivation after churn from new business', () => {
    const [c, m, a] = ledger([
      ['A', JAN, 100],
      // A churns in February (absent), comes back in March; B starts in March
      ['A', MAR, 120],
      ['B', MAR, 60],
    ]);
    expect(call('MRR_MOVEMENTS', c, m, a, FEB)).toEqual([header, [0, 0, 0, 100, 0, -100]]);
    expect(call('MRR_MOVEMENTS', c, m, a, MAR)).toEqual([header, [60, 0, 0, 0, 120, 180]]);
  });

  it('adds several rows for one customer and month before comparing', () => {
    const [c, m, a] = ledger([
      ['A', JAN, 100],
      ['A', '2026-02-03', 60],
      ['A', '2026-02-20', 70], // 130 in February: expansion 30
      ['B', JAN, 50],
      ['B', FEB, 20],
      ['B', FEB, 20], // 40: contraction 10
    ]);
    expect(call('MRR_MOVEMENTS', c, m, a, FEB)).toEqual([header, [0, 30, 10, 0, 0, 20]]);
  });

  it('counts a zero row as absent', () => {
    const [c, m, a] = ledger([
      ['A', JAN, 100],
      ['A', FEB, 0],
    ]);
    expect(call('MRR_MOVEMENTS', c, m, a, FEB)).toEqual([header, [0, 0, 0, 100, 0, -100]]);
  });

  it('refuses rows without a customer or month, and negative MRR', () => {
    expect(errorOf('MRR_MOVEMENTS', col('A', ''), col(JAN, JAN), col(10, 20), FEB).message).toBe(
      'customers, row 2 is blank but its row has data: give every ledger row a customer',
    );
    expect(errorOf('MRR_MOVEMENTS', col('A'), col(JAN), col(-5), FEB).message).toBe('amounts: customer A has negative MRR (-5) in 2026-01');
    expect(errorOf('MRR_MOVEMENTS', col('A', 'B'), col(JAN), col(1, 2), FEB).message).toBe(
      'customers has 2 cells but months has 1: give ranges of the same size',
    );
  });
});

describe('NRR and GRR', () => {
  const [c, m, a] = ledger([
    ['A', JAN, 100],
    ['B', JAN, 200],
    ['C', JAN, 100],
    ['A', APR, 150],
    ['B', APR, 100],
    ['D', APR, 500], // C churned, D is new (excluded)
  ]);
  it('measure the start cohort only', () => {
    // start 400; end A 150 + B 100 + C 0 = 250 -> NRR 62.5%; GRR min(150,100) + min(100,200) + 0 = 200 -> 50%
    expect(call('NRR', c, m, a, JAN, APR)).toBeCloseTo(0.625, 12);
    expect(call('GRR', c, m, a, JAN, APR)).toBeCloseTo(0.5, 12);
  });
  it('let NRR exceed 100% but never GRR', () => {
    const [c2, m2, a2] = ledger([
      ['A', JAN, 100],
      ['A', FEB, 180],
    ]);
    expect(call('NRR', c2, m2, a2, JAN, FEB)).toBeCloseTo(1.8, 12);
    expect(call('GRR', c2, m2, a2, JAN, FEB)).toBe(1);
  });
  it('explain an empty cohort or months in the wrong order', () => {
    expect(errorOf('NRR', c, m, a, FEB, APR)).toEqual({ code: '#DIV/0!', message: 'no customer has MRR in start_month (2026-02)' });
    expect(errorOf('GRR', c, m, a, APR, JAN).message).toBe('end_month (2026-01) is before start_month (2026-04)');
  });
});

describe('REVENUE_CHURN', () => {
  it('is #DIV/0! when the month before had no MRR', () => {
    const [c, m, a] = ledger([['A', FEB, 10]]);
    expect(errorOf('REVENUE_CHURN', c, m, a, FEB)).toEqual({ code: '#DIV/0!', message: 'MRR of the month before (2026-01) is 0' });
  });
});

describe('CHURN_RATE, RETENTION_RATE, QUICK_RATIO', () => {
  it('follow their definitions', () => {
    expect(call('CHURN_RATE', col(100, 100), col(5, 3))).toBe(0.04); // 8 / 200
    // start 100, end 110 with 20 new: (110 − 20) / 100 = 90%
    expect(call('RETENTION_RATE', 100, 110, 20)).toBeCloseTo(0.9, 12);
    // (1000 + 500 + 100) / (200 + 600) = 2
    expect(call('QUICK_RATIO', 1000, 500, 100, 200, 600)).toBe(2);
  });
  it('guard their denominators', () => {
    expect(errorOf('CHURN_RATE', 0, 0).message).toBe('customers_at_start sums to 0');
    expect(errorOf('QUICK_RATIO', 1, 1, 1, 0, 0).message).toBe('contraction + churn sums to 0');
    expect(errorOf('RETENTION_RATE', 100, 10, 20).code).toBe('#NUM!');
  });
});

describe('COHORT_RETENTION', () => {
  const customers = col('A', 'B', 'C', 'A', 'B', 'A', 'C');
  const dates = col(JAN, JAN, FEB, FEB, MAR, MAR, APR);
  it('builds the triangle by customers', () => {
    // Jan cohort A, B: Feb A (1/2), Mar A and B (2/2), Apr none (0). Feb cohort C: Mar 0, Apr 1.
    expect(call('COHORT_RETENTION', customers, dates)).toEqual([
      ['Cohort', 'Size', 'M0', 'M1', 'M2', 'M3'],
      ['2026-01', 2, 1, 0.5, 1, 0],
      ['2026-02', 1, 1, 0, 1, null],
    ]);
  });
  it('builds it by revenue', () => {
    const amounts = col(100, 50, 40, 120, 25, 90, 80);
    // Jan cohort M0 150; Feb 120 / 150 = 0.8; Mar (90 + 25) / 150; Apr 0. Feb cohort M0 40; Mar 0; Apr 80 / 40 = 2.
    expect(call('COHORT_RETENTION', customers, dates, 'revenue', amounts)).toEqual([
      ['Cohort', 'Size', 'M0', 'M1', 'M2', 'M3'],
      ['2026-01', 150, 1, 0.8, 115 / 150, 0],
      ['2026-02', 40, 1, 0, 2, null],
    ]);
  });
  it('needs amounts for the revenue basis', () => {
    expect(errorOf('COHORT_RETENTION', customers, dates, 'revenue').message).toBe('basis "revenue" needs the amounts range');
  });
});
