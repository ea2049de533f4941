import { call, col, errorOf } from '../support/call';

describe('ARPA', () => {
  it("matches ChartMogul's example: $15 MRR over 5 customers is $3", () => {
    expect(call('ARPA', 15, 5)).toBe(3);
  });
  it('sums ranges first', () => {
    expect(call('ARPA', col(10, 20), col(2, 4))).toBe(5); // 30 / 6
  });
});

describe('LTV', () => {
  it("matches ChartMogul's example: $100 ARPA at 5% churn is $2,000", () => {
    expect(call('LTV', 100, 0.05)).toBeCloseTo(2000, 9);
  });
  it('applies gross margin and discounting', () => {
    // 100 × 0.8 / 0.05 = 1600
    expect(call('LTV', 100, 0.05, 0.8)).toBeCloseTo(1600, 9);
    // 100 × 0.8 × 1.01 / (0.01 + 0.05) = 80.8 / 0.06 = 1346.666...
    expect(call('LTV', 100, 0.05, 0.8, 0.01)).toBeCloseTo(1346.6666666666667, 9);
  });
  it('treats Excel null and Sheets undefined for omitted optionals alike', () => {
    expect(call('LTV', 100, 0.05, null, null)).toBeCloseTo(2000, 9);
    expect(call('LTV', 100, 0.05, undefined)).toBeCloseTo(2000, 9);
  });
  it('says why churn 0 has no lifetime value, and checks fractions', () => {
    expect(errorOf('LTV', 100, 0)).toEqual({ code: '#DIV/0!', message: 'churn rate 0: lifetime is unbounded' });
    expect(call('LTV', 100, 0, 1, 0.1)).toBeCloseTo(1100, 9); // discounting alone bounds it: 100 × 1.1 / 0.1
    expect(errorOf('LTV', 100, 5)).toEqual({ code: '#NUM!', message: 'churn_rate must be a fraction between 0 and 1 (5% is 0.05), got 5' });
    expect(errorOf('LTV', 100, 0.05, 80).code).toBe('#NUM!');
  });
});

describe('LTV_CAC and CAC_PAYBACK', () => {
  it('divide as defined', () => {
    expect(call('LTV_CAC', 1500, 500)).toBe(3);
    expect(call('CAC_PAYBACK', 600, 50)).toBe(12); // 600 / 50 per month
    expect(call('CAC_PAYBACK', 600, 50, 0.5)).toBe(24); // 600 / 25
  });
  it('are #DIV/0! on a zero cost or revenue', () => {
    expect(errorOf('LTV_CAC', 1500, 0).code).toBe('#DIV/0!');
    expect(errorOf('CAC_PAYBACK', 600, 0).message).toBe('arpa × gross_margin sums to 0');
  });
  it('refuses a range where one value is expected', () => {
    expect(errorOf('LTV_CAC', col(1, 2), 3).message).toBe('ltv takes one value, got a range of 2 cells');
  });
});
