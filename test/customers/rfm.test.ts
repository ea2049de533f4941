import { serialFromYmd } from '../../core/args/cells';
import { rfmSummary } from '../../core/customers/rfm';
import { cdnowSummary, cdnowTransactions, cdnowWithSpend } from './cdnow';

const day = (iso: string) => serialFromYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

describe('RFM on the CDNOW sample as of 1997-09-30, in weeks', () => {
  const tx = cdnowTransactions();
  const rows = rfmSummary(tx.customer, tx.date.map(day), tx.amount, { asOf: day('1997-09-30'), period: 'week' });
  const within = (a: number, b: number) => Math.abs(a - b) <= 0.005 + 1e-9; // the files round to 2 decimals

  it('reproduces cdnow_customers_summary.csv row by row', () => {
    const s = cdnowSummary();
    expect(rows).toHaveLength(s.id.length);
    rows.forEach((r, i) => {
      expect(r.customer).toBe(String(s.id[i]));
      expect(r.frequency).toBe(s.x[i]);
      if (!within(r.recency, s.tx[i]) || !within(r.T, s.T[i]))
        throw new Error(`customer ${r.customer}: ${r.recency}, ${r.T} vs ${s.tx[i]}, ${s.T[i]}`);
    });
  });
  it('reproduces the zbar column of cdnow_customers_summary_with_transactions.csv', () => {
    const s = cdnowWithSpend();
    rows.forEach((r, i) => {
      expect(r.frequency).toBe(s.x[i]);
      if (!within(r.monetary, s.zbar[i])) throw new Error(`customer ${r.customer}: monetary ${r.monetary} vs ${s.zbar[i]}`);
    });
  });
  it('customer 1 worked by hand: 1997-01-01, 01-18, 08-02 (12-12 is after as_of)', () => {
    // frequency 2; recency 213 days = 30.43 weeks; T 272 days = 38.86 weeks; monetary (29.73 + 14.96)/2
    expect(rows[0]).toEqual({ customer: '1', frequency: 2, recency: 213 / 7, T: 272 / 7, monetary: (29.73 + 14.96) / 2 });
  });
});

describe('RFM conventions', () => {
  const d0 = day('2026-01-01');
  it('merges same-day purchases, orders customers by first appearance and defaults as_of to the last date', () => {
    const rows = rfmSummary(['B', 'A', 'A', 'A', 'B'], [d0 + 7, d0, d0 + 14, d0 + 14.6, d0 + 21], [5, 10, 30, 20, 8], { period: 'day' });
    expect(rows).toEqual([
      { customer: 'B', frequency: 1, recency: 14, T: 14, monetary: 8 },
      { customer: 'A', frequency: 1, recency: 14, T: 21, monetary: 50 },
    ]);
  });
  it('uses 30.4375-day months', () => {
    const rows = rfmSummary(['A', 'A'], [d0, d0 + 60], [1, 2], { asOf: d0 + 365.25 - 0.25, period: 'month' });
    expect(rows[0].recency).toBeCloseTo(60 / 30.4375, 12);
    expect(rows[0].T).toBeCloseTo(365 / 30.4375, 12);
  });
  it('ignores transactions after as_of, including customers who only buy later', () => {
    const rows = rfmSummary(['A', 'B', 'A'], [d0, d0 + 40, d0 + 50], [1, 2, 3], { asOf: d0 + 35 });
    expect(rows).toEqual([{ customer: 'A', frequency: 0, recency: 0, T: 5, monetary: 0 }]);
  });
  it('rejects negative amounts, mismatched sizes and an as_of before all data', () => {
    expect(() => rfmSummary(['A'], [d0], [-3])).toThrow(/amount -3 is negative/);
    expect(() => rfmSummary(['A', 'B'], [d0], [1, 2])).toThrow(/one value per transaction/);
    expect(() => rfmSummary(['A'], [d0], [1], { asOf: d0 - 1 })).toThrow(/no transaction falls on or before as_of \(2025-12-31\)/);
  });
});
