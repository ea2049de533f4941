import { numError, valueError } from '../errors';

/**
 * Customer summaries in the shape the BG/NBD and Gamma-Gamma models read (Fader, Hardie & Lee 2005):
 * x = repeat purchases (frequency), t_x = time of the last purchase measured from the first
 * (recency), T = time from the first purchase to the end of the observation (age), all in one unit.
 */
export interface CustomerSummaries {
  readonly frequency: ArrayLike<number>;
  readonly recency: ArrayLike<number>;
  readonly T: ArrayLike<number>;
}

/**
 * Why one customer's (x, t_x, T) cannot come from real purchase histories, or undefined if it can.
 * The checks the models rely on: x a whole number ≥ 0; 0 ≤ t_x ≤ T; t_x = 0 exactly when x = 0
 * (a repeat purchase happens after the first, and without one there is no last-purchase time).
 */
export function customerProblem(x: number, tx: number, T: number): string | undefined {
  if (!Number.isFinite(x) || !Number.isFinite(tx) || !Number.isFinite(T)) return 'frequency, recency and T must be finite numbers';
  if (x < 0) return `frequency ${x} is negative; it counts repeat purchases`;
  if (x !== Math.floor(x)) return `frequency ${x} is not a whole number of repeat purchases`;
  if (tx < 0) return `recency ${tx} is negative`;
  if (T < 0) return `T ${T} is negative`;
  if (tx > T) return `recency ${tx} is greater than T ${T}: the last purchase cannot come after the end of the observation`;
  if (x > 0 && tx === 0) return `frequency ${x} with recency 0: a customer with repeat purchases has a last purchase after the first`;
  if (x === 0 && tx > 0) return `frequency 0 with recency ${tx}: without repeat purchases recency is 0`;
  return undefined;
}

/**
 * Checks every customer, naming the first bad one.
 * @param where names customer i for the message (the registry passes cell positions); default "customer i+1".
 * @throws KpiError #NUM! for the first impossible customer; #VALUE! when the arrays differ in length.
 */
export function checkCustomers(data: CustomerSummaries, where: (i: number) => string = (i) => `customer ${i + 1}`): void {
  const n = data.frequency.length;
  if (data.recency.length !== n || data.T.length !== n) {
    throw valueError(`frequency, recency and T must have one value per customer (got ${n}, ${data.recency.length}, ${data.T.length})`);
  }
  const { frequency, recency, T } = data;
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    const tx = recency[i];
    const t = T[i];
    // Fast path for valid rows (NaN fails every comparison and falls through to the message).
    if (x >= 0 && x < Infinity && x === Math.floor(x) && tx >= 0 && t >= tx && t < Infinity && (x > 0 ? tx > 0 : tx === 0)) continue;
    const problem = customerProblem(x, tx, t);
    if (problem) throw numError(`${where(i)}: ${problem}`);
  }
}
