import { isoFromSerial } from '../args/cells';
import { numError, valueError } from '../errors';

/**
 * Recency-frequency-monetary summaries from raw transactions, in the form the BG/NBD and
 * Gamma-Gamma models read (Fader, Hardie & Lee 2005; the CDNOW summary files).
 */
export type RfmPeriod = 'day' | 'week' | 'month';

/** Days per time unit; a month is the average Gregorian month, 365.25 / 12 days. */
export const PERIOD_DAYS: Readonly<Record<RfmPeriod, number>> = { day: 1, week: 7, month: 30.4375 };

export interface RfmRow {
  readonly customer: string;
  /** Repeat purchase days: distinct purchase days − 1. */
  readonly frequency: number;
  /** Last purchase day − first purchase day, in periods. */
  readonly recency: number;
  /** as_of − first purchase day, in periods. */
  readonly T: number;
  /** Mean value of the repeat purchase days (the first day excluded); 0 without repeats. */
  readonly monetary: number;
}

export interface RfmOptions {
  /** Day serial of the end of observation; default the last transaction date. */
  readonly asOf?: number;
  readonly period?: RfmPeriod;
  /** Names transaction i in messages (the registry passes cell positions). */
  readonly where?: (i: number) => string;
}

/**
 * One summary per customer, in order of first appearance among the transactions on or before as_of.
 * Purchases on the same calendar day are one purchase (their amounts add up), as in the CDNOW
 * summaries; times of day are ignored. Transactions after as_of are ignored, so customers who
 * first buy after it do not appear.
 * Cost: O(n) to bucket by customer, plus sorting each customer's own days.
 * @param customers id per transaction; days date serial per transaction; amounts value per transaction.
 * @throws KpiError #VALUE! when the arrays differ in length or nothing falls on or before as_of;
 *   #NUM! for a negative or non-finite amount.
 * @example rfmSummary(['A','A','B'], [d0, d0 + 14, d0 + 7], [10, 30, 5], {asOf: d0 + 28, period: 'week'})
 *   // A: frequency 1, recency 2, T 4, monetary 30; B: 0, 0, 3, 0
 */
export function rfmSummary(
  customers: ArrayLike<string>,
  days: ArrayLike<number>,
  amounts: ArrayLike<number>,
  options: RfmOptions = {},
): RfmRow[] {
  const n = customers.length;
  if (days.length !== n || amounts.length !== n)
    throw valueError(`customers, dates and amounts must have one value per transaction (got ${n}, ${days.length}, ${amounts.length})`);
  const where = options.where ?? ((i: number) => `transaction ${i + 1}`);
  const unit = PERIOD_DAYS[options.period ?? 'week'];
  let asOf = options.asOf;
  if (asOf === undefined) {
    asOf = -Infinity;
    for (let i = 0; i < n; i++) if (days[i] > asOf) asOf = days[i];
  }
  const asOfDay = Math.floor(asOf);

  // Bucket the included transactions by customer, numbering customers by first appearance.
  const ids = new Map<string, number>();
  const names: string[] = [];
  const custOf = new Int32Array(n).fill(-1);
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const amount = amounts[i];
    if (!Number.isFinite(amount)) throw numError(`${where(i)}: amount ${amount} is not a finite number`);
    if (amount < 0)
      throw numError(`${where(i)}: amount ${amount} is negative; net refunds into the purchase they refund before computing RFM`);
    const day = Math.floor(days[i]);
    if (!Number.isFinite(day)) throw valueError(`${where(i)}: the date is not a number`);
    if (day > asOfDay) continue;
    let c = ids.get(customers[i]);
    if (c === undefined) {
      ids.set(customers[i], (c = names.length));
      names.push(customers[i]);
      counts.push(0);
    }
    custOf[i] = c;
    counts[c]++;
  }
  if (names.length === 0) throw valueError(`no transaction falls on or before as_of (${isoFromSerial(asOfDay)})`);
  const start = new Int32Array(names.length + 1);
  for (let c = 0; c < names.length; c++) start[c + 1] = start[c] + counts[c];
  const fill = start.slice(0, names.length);
  const bucketDays = new Float64Array(start[names.length]);
  const bucketAmounts = new Float64Array(start[names.length]);
  for (let i = 0; i < n; i++) {
    const c = custOf[i];
    if (c < 0) continue;
    bucketDays[fill[c]] = Math.floor(days[i]);
    bucketAmounts[fill[c]] = amounts[i];
    fill[c]++;
  }

  const rows: RfmRow[] = [];
  const order: number[] = [];
  for (let c = 0; c < names.length; c++) {
    const from = start[c];
    const to = start[c + 1];
    order.length = 0;
    for (let k = from; k < to; k++) order.push(k);
    if (order.length > 1) order.sort((p, q) => bucketDays[p] - bucketDays[q]);
    const first = bucketDays[order[0]];
    const last = bucketDays[order[order.length - 1]];
    let purchaseDays = 1;
    let repeatTotal = 0;
    for (let k = 0; k < order.length; k++) {
      const day = bucketDays[order[k]];
      // The first purchase day is the acquisition: it counts in neither frequency nor monetary.
      if (day !== first) {
        repeatTotal += bucketAmounts[order[k]];
        if (day !== bucketDays[order[k - 1]]) purchaseDays++;
      }
    }
    const frequency = purchaseDays - 1;
    rows.push({
      customer: names[c],
      frequency,
      recency: (last - first) / unit,
      T: (asOfDay - first) / unit,
      monetary: frequency > 0 ? repeatTotal / frequency : 0,
    });
  }
  return rows;
}
