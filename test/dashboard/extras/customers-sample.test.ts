/**
 * Customers at risk on the sample company (playground/sample/company.ts), as of its last day: the
 * store's shoppers give a realistic mix, many still likely active and some already lost. The
 * customer summaries are counted here from the Transactions rows (purchase days, as in the CDNOW
 * summary) and compared with RFM; P(alive) is worked with the BG/NBD formula written out below
 * (Fader, Hardie & Lee 2005, "Counting your customers the easy way") on the parameters BGNBD_FIT
 * found, and compared with P_ALIVE. The sheet itself is checked in the browser
 * (test/e2e/extras.test.ts) and on CDNOW in HyperFormula (extras.test.ts).
 */
import { callFunction } from '../../../core/hosts';
import { generateSample } from '../../../playground/sample/company';

const AS_OF = '2026-10-31';
const FLOOR = 0.1; // the sheet's default floor (B4): below it a customer counts as already lost
const sample = generateSample();
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86400000;

function run(name: string, args: unknown[]): unknown[][] {
  const out = callFunction(name, args);
  if (!out.ok) throw out.error;
  return out.value as unknown[][];
}

// ---- summaries by counting: repeat purchase days, weeks first to last, weeks since first ----------
const rows = sample.sheets.Transactions.slice(1).filter((r) => (r[1] as string) <= AS_OF);
const days = new Map<string, Set<number>>();
for (const [customer, date] of rows) {
  if (!days.has(customer as string)) days.set(customer as string, new Set());
  days.get(customer as string)!.add(dayOf(date as string));
}
const counted = [...days].map(([customer, set]) => {
  const sorted = [...set].sort((a, b) => a - b);
  return { customer, x: sorted.length - 1, tx: (sorted[sorted.length - 1] - sorted[0]) / 7, T: (dayOf(AS_OF) - sorted[0]) / 7 };
});

const col = (i: number) => rows.map((r) => [r[i]]);
const rfm = run('RFM', [col(0), col(1), col(2), AS_OF, 'week']).slice(1);
const summary = (i: number) => rfm.map((r) => [r[i]]);
const [r, alpha, a, b] = run('BGNBD_FIT', [summary(1), summary(2), summary(3)])[1] as number[];

/** P(alive | x, t_x, T) = 1 / (1 + [x > 0] · a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x)). */
const pAliveByHand = (x: number, tx: number, T: number) =>
  x === 0 ? 1 : 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
const byHand = counted.map((c) => pAliveByHand(c.x, c.tx, c.T));
const lost = byHand.filter((p) => p < FLOOR).length;

describe('Customers at risk on the sample company, as of its last day', () => {
  it('summarises each customer as counted from the purchase days', () => {
    expect(rfm.map((row) => row[0])).toEqual(counted.map((c) => c.customer)); // in order of first purchase
    rfm.forEach((row, i) => {
      expect(row[1]).toBe(counted[i].x);
      expect(row[2] as number).toBeCloseTo(counted[i].tx, 9);
      expect(row[3] as number).toBeCloseTo(counted[i].T, 9);
    });
  });

  it('gives P_ALIVE equal to the BG/NBD formula on the fitted parameters', () => {
    const core = run('P_ALIVE', [summary(1), summary(2), summary(3), [[r, alpha, a, b]]]).map((row) => row[0] as number);
    core.forEach((p, i) => expect(Math.abs(p - byHand[i])).toBeLessThan(1e-9));
    expect(core.filter((p) => p < FLOOR).length).toBe(lost);
  });

  it('lists a realistic mix: most still likely active, a good number of them at risk, some already lost', () => {
    const customers = counted.length;
    expect(customers).toBeGreaterThan(1000); // a store, not a handful of shoppers
    // no repeat purchase yet: the model cannot tell them gone (P(alive) = 1), so they are never counted lost
    const firstTimers = counted.filter((c) => c.x === 0).length;
    expect(firstTimers).toBeGreaterThan(0);
    expect(customers - lost).toBeGreaterThanOrEqual(firstTimers);
    // already lost: some, not everyone (between 5% and 30% of the customers)
    expect(lost / customers).toBeGreaterThan(0.05);
    expect(lost / customers).toBeLessThan(0.3);
    // really at risk, between the floor and 90%: at least a quarter of the customers
    const atRisk = byHand.filter((p) => p >= FLOOR && p < 0.9).length;
    expect(atRisk / customers).toBeGreaterThan(0.25);
  });
});
