import { CUSTOMER_FUNCTIONS } from '../../core/functions/customers';
import { callFunction } from '../../core/hosts';
import { KpiError } from '../../core/errors';
import { parseExample } from '../support/example-formula';
import { expectClose } from '../support/close';
import { cdnowSummary, cdnowTransactions } from './cdnow';

function call(name: string, ...args: unknown[]): unknown {
  const outcome = callFunction(name, args);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
const col = (v: readonly unknown[]) => v.map((x) => [x]);
const TOY = [col([0, 1]), col([0, 5]), col([10, 10])];
const TOY_PARAMS = [[2, 10, 2, 1]];

describe('customer functions: registry examples give their hand-worked results in the core', () => {
  it.each(CUSTOMER_FUNCTIONS.map((f) => [f.name, f] as const))('%s', (name, fn) => {
    const { name: called, args } = parseExample(fn.example.formula);
    expect(called).toBe(name);
    expectClose(call(name, ...args), fn.example.result);
  });
});

describe('RFM → BGNBD_FIT through the registry on CDNOW', () => {
  const tx = cdnowTransactions();
  const table = call('RFM', col(tx.customer), col(tx.date), col(tx.amount), '1997-09-30', 'week') as unknown[][];
  it('prints the header and one row per customer', () => {
    expect(table[0]).toEqual(['Customer', 'Frequency', 'Recency', 'T', 'Monetary']);
    expect(table).toHaveLength(2358);
  });
  it('feeds BGNBD_FIT, which gives the paper parameters', () => {
    const rows = table.slice(1);
    const fit = call(
      'BGNBD_FIT',
      rows.map((r) => [r[1]]),
      rows.map((r) => [r[2]]),
      rows.map((r) => [r[3]]),
    ) as number[][];
    // Unrounded recency and T: the estimates move a little from the rounded file's; still the paper's to 3 decimals.
    expect(Math.abs(fit[1][0] - 0.243)).toBeLessThan(1e-3);
    expect(Math.abs(fit[1][1] - 4.414)).toBeLessThan(2e-2);
    expect(Math.abs(fit[1][2] - 0.793)).toBeLessThan(2e-3);
    expect(Math.abs(fit[1][3] - 2.426)).toBeLessThan(1e-2);
  });
});

describe('per-customer results: one row per input row, no header', () => {
  it('keeps fully blank rows blank so results line up beside the customers', () => {
    const out = call('P_ALIVE', col([0, '', 1]), col([0, '', 5]), col([10, null, 10]), TOY_PARAMS);
    expectClose(out, [[1], [null], [27 / 155]], 1e-14);
  });
  it('fits on the given customers when params is omitted (CDNOW: same as with the fitted params)', () => {
    const s = cdnowSummary();
    const args = [col(s.x), col(s.tx), col(s.T)];
    const fit = (call('BGNBD_FIT', ...args) as number[][])[1].slice(0, 4);
    const fitted = call('EXPECTED_PURCHASES', ...args, 39) as number[][];
    const given = call('EXPECTED_PURCHASES', ...args, 39, [fit]) as number[][];
    expect(fitted).toHaveLength(2357);
    expect(fitted).toEqual(given);
    // customer 1 (x 2, t_x 30.43, T 38.86): 1.226 as in the paper
    expect(fitted[0][0]).toBeCloseTo(1.226, 3);
  });
  it('accepts params as a column too', () => {
    expect(call('CHURN_RISK', ...TOY, col([2, 10, 2, 1]))).toEqual(call('CHURN_RISK', ...TOY, TOY_PARAMS));
  });
  it('CLV_PREDICT discounts period by period (hand-worked, d = 10%, 2 periods)', () => {
    // x 0, alpha 10, T 10 under the toy parameters: E(t) = 2t/(20+t), so E(1) = 2/21, E(2) = 2/11.
    // Spend p 2, q 3, v 10: pv/(q−1) = 10. CLV = 10 × [ (2/21)/1.1 + (2/11 − 2/21)/1.1² ].
    const expected = 10 * (2 / 21 / 1.1 + (2 / 11 - 2 / 21) / 1.21);
    const out = call('CLV_PREDICT', col([0]), col([0]), col([10]), col([0]), 2, 0.1, 1, TOY_PARAMS, [[2, 3, 10]]) as number[][];
    expect(out[0][0]).toBeCloseTo(expected, 12);
    // A fractional horizon ends with a part period discounted at its end: 1.5 periods.
    const part = 10 * (2 / 21 / 1.1 + (3 / 21.5 - 2 / 21) / Math.pow(1.1, 1.5));
    expect(
      (call('CLV_PREDICT', col([0]), col([0]), col([10]), col([0]), 1.5, 0.1, 1, TOY_PARAMS, [[2, 3, 10]]) as number[][])[0][0],
    ).toBeCloseTo(part, 12);
  });
});

describe('customer functions: bad input gets a clear error', () => {
  const error = (name: string, ...args: unknown[]): KpiError => {
    const outcome = callFunction(name, args);
    if (outcome.ok) throw new Error(`${name} returned ${JSON.stringify(outcome.value)}`);
    return outcome.error;
  };
  it('names the cell of an impossible customer', () => {
    expect(error('P_ALIVE', col([1, -2]), col([1, 1]), col([5, 5]), TOY_PARAMS).message).toMatch(
      /frequency, row 2: frequency -2 is negative/,
    );
    expect(error('P_ALIVE', col([1, 1]), col([1, 6]), col([5, 5]), TOY_PARAMS).message).toMatch(/row 2: recency 6 is greater than T 5/);
    expect(error('EXPECTED_PURCHASES', col([3]), col([0]), col([5]), 10, TOY_PARAMS).message).toMatch(/frequency 3 with recency 0/);
  });
  it('partly blank rows, mismatched sizes, text', () => {
    expect(error('P_ALIVE', col([1, 2]), col([1, '']), col([5, 5]), TOY_PARAMS).message).toMatch(/recency, row 2 is blank/);
    expect(error('P_ALIVE', col([1, 2]), col([1]), col([5, 5]), TOY_PARAMS).message).toMatch(/same size/);
    expect(error('P_ALIVE', col([1, 'two']), col([1, 1]), col([5, 5]), TOY_PARAMS).message).toMatch(/"two" is text/);
  });
  it('params must be 4 positive numbers', () => {
    expect(error('P_ALIVE', ...TOY, [[2, 10, 2, 1, -28.9]]).message).toMatch(/4 numbers r, alpha, a, b/);
    expect(error('P_ALIVE', ...TOY, [[2, 0, 2, 1]]).code).toBe('#NUM!');
    expect(error('CLV_PREDICT', ...TOY, col([0, 20]), 10, 0, 1, TOY_PARAMS, [[2, 3]]).message).toMatch(/3 numbers p, q, v/);
  });
  it('no repeat customers for the fits', () => {
    expect(error('BGNBD_FIT', col([0, 0]), col([0, 0]), col([5, 6])).message).toMatch(/no customer has a repeat purchase/);
    expect(error('GG_FIT', col([0, 0]), col([0, 0])).message).toMatch(/no customer has a repeat purchase/);
    expect(error('GG_FIT', col([1, 2]), col([10, 0])).message).toMatch(/monetary 0 for a customer with repeat purchases/);
  });
  it('negative horizon and bad discount rate', () => {
    expect(error('EXPECTED_PURCHASES', ...TOY, -1, TOY_PARAMS).code).toBe('#NUM!');
    expect(error('CLV_PREDICT', ...TOY, col([0, 20]), 10, -1, 1, TOY_PARAMS, [[2, 3, 10]]).message).toMatch(/discount_rate must be above/);
  });
  it('COMMISSION: tiers not ascending from 0, rates and tiers of different sizes, unknown method', () => {
    expect(error('COMMISSION', 1000, 2000, col([0.5, 1]), col([0.02, 0.05])).message).toMatch(/first tier must start at 0/);
    expect(error('COMMISSION', 1000, 2000, col([0, 1, 0.5]), col([0.02, 0.05, 0.08])).message).toMatch(/must ascend/);
    expect(error('COMMISSION', 1000, 2000, col([0, 0.5, 1]), col([0.02, 0.05])).message).toMatch(
      /tier_starts has 3 cells but tier_rates has 2/,
    );
    expect(error('COMMISSION', 1000, 2000, col([0, 0.5]), col([0.02, ''])).message).toMatch(/tier_rates, row 2 is blank/);
    expect(error('COMMISSION', 1000, 2000, col([0]), col([0.02]), 'progressive').message).toMatch(/"marginal", "retroactive"/);
  });
  it('COMMISSION sums a column of deals and applies the cap', () => {
    expect(call('COMMISSION', col([120000, 100000]), 200000, col([0, 0.5, 1]), col([0.02, 0.05, 0.08]), 'retroactive', 15000)).toBe(15000);
  });
  it('RFM: partly blank transaction rows', () => {
    expect(error('RFM', col(['A', 'B']), col(['2026-01-01', '']), col([1, 2])).message).toMatch(/dates, row 2 blank/);
  });
});
