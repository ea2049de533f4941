import { call, col, errorOf } from '../support/call';

describe('CAC', () => {
  it('is blended: total spend over total new customers', () => {
    // (1000 + 2000 + 3000) / (10 + 20 + 30) = 100, not the mean of the monthly CACs
    expect(call('CAC', col(1000, 2000, 3000), col(10, 20, 30))).toBe(100);
  });
  it('adds sales spend when given', () => {
    // (6000 + 1500) / 60 = 125
    expect(call('CAC', col(1000, 2000, 3000), col(10, 20, 30), col(500, 500, 500))).toBe(125);
  });
  it('takes single numbers and one row', () => {
    expect(call('CAC', 500, 4)).toBe(125);
    expect(call('CAC', [[500]], [[4]])).toBe(125);
  });
  it('skips blanks ("" from Sheets, null from Excel)', () => {
    // (1000 + 3000) / (10 + 30) = 100
    expect(call('CAC', col(1000, '', 3000, null), col(10, null, 30, ''))).toBe(100);
  });
  it('is #DIV/0! with a message when no customer was won', () => {
    expect(errorOf('CAC', col(1000), col(0, 0))).toEqual({ code: '#DIV/0!', message: 'new_customers sums to 0' });
  });
  it('names the argument and row of text in a numeric range', () => {
    expect(errorOf('CAC', col(1000, '1 234,56'), col(10, 10))).toEqual({
      code: '#VALUE!',
      message: 'marketing_spend, row 2: "1 234,56" is text, not a number',
    });
  });
  it('names row and column in a block', () => {
    expect(
      errorOf(
        'CAC',
        [
          [1, 2],
          [3, true],
        ],
        5,
      ).message,
    ).toBe('marketing_spend, row 2, column 2: TRUE is a boolean, not a number');
  });
  it('refuses an all-blank range and a negative count', () => {
    expect(errorOf('CAC', col('', ''), 5)).toEqual({ code: '#VALUE!', message: 'marketing_spend has no numbers' });
    expect(errorOf('CAC', 100, col(5, -1)).code).toBe('#NUM!');
  });
  it('requires its required arguments', () => {
    expect(errorOf('CAC', col(100)).message).toBe('new_customers is required');
  });
  it('propagates an error value from a cell', () => {
    expect(errorOf('CAC', col(100, { code: '#N/A', message: 'lookup failed' }), 5)).toEqual({ code: '#N/A', message: 'lookup failed' });
  });
});

describe('CPL, CONVERSION_RATE, LEAD_TO_OPP, ATV', () => {
  it('divide totals', () => {
    expect(call('CPL', col(300, 200), col(20, 30))).toBe(10); // 500 / 50
    expect(call('CONVERSION_RATE', 45, 1500)).toBeCloseTo(0.03, 15); // 45 / 1500
    expect(call('LEAD_TO_OPP', col(5, 10), col(50, 100))).toBe(0.1); // 15 / 150
    expect(call('ATV', 12500, 250)).toBe(50); // 12,500 of sales in 250 orders
  });
  it('are #DIV/0! on a zero denominator', () => {
    expect(errorOf('CPL', 100, 0).message).toBe('leads sums to 0');
    expect(errorOf('CONVERSION_RATE', 1, 0).message).toBe('base sums to 0');
    expect(errorOf('ATV', 100, 0).message).toBe('transactions sums to 0');
  });
});

describe('WIN_RATE', () => {
  it('is won over closed (won + lost), as HubSpot defines it', () => {
    // 8 won, 12 lost: 8 / 20 = 40%
    expect(call('WIN_RATE', 8, 20)).toBe(0.4);
  });
  it('refuses more wins than closed deals', () => {
    expect(errorOf('WIN_RATE', 21, 20)).toEqual({
      code: '#NUM!',
      message: 'won (21) is more than closed (20): closed counts won plus lost deals',
    });
  });
});

describe('PIPELINE_VELOCITY', () => {
  it('is opportunities × win rate × deal size / cycle length', () => {
    // 100 × 0.2 × 5000 / 50 = 2000 a day
    expect(call('PIPELINE_VELOCITY', 100, 0.2, 5000, 50)).toBe(2000);
  });
  it('checks its domain', () => {
    expect(errorOf('PIPELINE_VELOCITY', 100, 20, 5000, 50)).toEqual({
      code: '#NUM!',
      message: 'win_rate must be a fraction between 0 and 1 (5% is 0.05), got 20',
    });
    expect(errorOf('PIPELINE_VELOCITY', 100, 0.2, 5000, 0).code).toBe('#DIV/0!');
    expect(errorOf('PIPELINE_VELOCITY', 100, '20%', 5000, 10)).toEqual({ code: '#VALUE!', message: 'win_rate: "20%" is not a number' });
  });
});

describe('SALES_CYCLE', () => {
  const created = col('2026-01-01', '2026-01-01', '2026-01-01', '2026-03-01');
  const closed = col('2026-01-11', '2026-01-21', '2026-03-02', '');
  it('averages days over closed deals; median on request', () => {
    // 10, 20 and 60 days; the open deal is skipped. Mean 30, median 20.
    expect(call('SALES_CYCLE', created, closed)).toBe(30);
    expect(call('SALES_CYCLE', created, closed, 'Median')).toBe(20);
  });
  it('reads Excel serials and Dates the same as ISO text', () => {
    // 46023 is 2026-01-01 in the 1900 date system
    expect(call('SALES_CYCLE', col(46023), col(new Date(2026, 0, 11)))).toBe(10);
  });
  it('names the row of a deal that closes before it opens', () => {
    expect(errorOf('SALES_CYCLE', col('2026-01-05', '2026-02-01'), col('2026-01-06', '2026-01-30'))).toEqual({
      code: '#VALUE!',
      message: 'closed_dates, row 2: the deal closes before it was created',
    });
  });
  it('says what is wrong with a bad date or method', () => {
    expect(errorOf('SALES_CYCLE', col('2026-02-30'), col('2026-03-01')).message).toBe(
      'created_dates, row 1: "2026-02-30" is not a date (use a date, a date serial or YYYY-MM-DD text)',
    );
    expect(errorOf('SALES_CYCLE', created, closed, 'average').message).toBe('method: "average" is not one of "mean", "median"');
    expect(errorOf('SALES_CYCLE', col('2026-01-01'), col('')).code).toBe('#DIV/0!');
  });
});

describe('FUNNEL', () => {
  it('gives step and cumulative conversion, first stage 1', () => {
    // 500 -> 100 -> 0 -> ... : 100/500 = 0.2; 0/100 = 0
    expect(call('FUNNEL', col(500, 100, 0))).toEqual([
      ['Stage', 'Count', 'Step conversion', 'Cumulative conversion'],
      ['Stage 1', 500, 1, 1],
      ['Stage 2', 100, 0.2, 0.2],
      ['Stage 3', 0, 0, 0],
    ]);
  });
  it('leaves a conversion after an empty stage blank', () => {
    expect(call('FUNNEL', col(0, 5))).toEqual([
      ['Stage', 'Count', 'Step conversion', 'Cumulative conversion'],
      ['Stage 1', 0, 1, 1],
      ['Stage 2', 5, null, null],
    ]);
  });
  it('checks sizes', () => {
    expect(errorOf('FUNNEL', col(1, 2), col('a')).message).toBe(
      'stage_counts has 2 cells but stage_names has 1: give ranges of the same size',
    );
  });
});
