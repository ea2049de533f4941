import { RangeArg, requireSameSize } from '../args/range';
import { monthIndex, monthLabel } from '../args/cells';
import { numError, valueError } from '../errors';

/**
 * A subscription ledger read once: MRR per customer per calendar month, several rows for one
 * customer and month added up. Months are month indexes (year × 12 + month), see cells.ts.
 * Building it is O(rows); every question below is O(customers).
 */
export interface Ledger {
  /** customer id -> month index -> MRR (only months with rows). */
  readonly byCustomer: Map<string, Map<number, number>>;
  readonly firstMonth: number;
  readonly lastMonth: number;
}

export function readLedger(customers: RangeArg, months: RangeArg, amounts: RangeArg): Ledger {
  requireSameSize(customers, months, amounts);
  const ids = customers.alignedTexts();
  const dates = months.alignedDates();
  const mrr = amounts.alignedNumbers();
  const byCustomer = new Map<string, Map<number, number>>();
  let firstMonth = Infinity;
  let lastMonth = -Infinity;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const date = dates[i];
    const amount = mrr[i];
    if (id === null && date === null && amount === null) continue; // an empty row
    if (id === null) throw valueError(`${customers.at(i)} is blank but its row has data: give every ledger row a customer`);
    if (date === null) throw valueError(`${months.at(i)} is blank: give every ledger row a month`);
    if (amount === null) continue; // no MRR recorded: the same as 0
    const m = monthIndex(date);
    let perMonth = byCustomer.get(id);
    if (!perMonth) byCustomer.set(id, (perMonth = new Map()));
    perMonth.set(m, (perMonth.get(m) ?? 0) + amount);
    if (m < firstMonth) firstMonth = m;
    if (m > lastMonth) lastMonth = m;
  }
  if (byCustomer.size === 0) throw valueError(`${amounts.name} has no numbers`);
  for (const [id, perMonth] of byCustomer) {
    for (const [m, total] of perMonth) {
      if (total < -1e-9) throw numError(`${amounts.name}: customer ${id} has negative MRR (${total}) in ${monthLabel(m)}`);
    }
  }
  return { byCustomer, firstMonth, lastMonth };
}

export function mrrIn(perMonth: Map<number, number>, month: number): number {
  const v = perMonth.get(month) ?? 0;
  return v > 1e-9 ? v : 0;
}

export interface Movements {
  newMrr: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  net: number;
  previousMrr: number;
}

/** MRR movements of `month` against the month before, per customer (MRR_MOVEMENTS in the function reference). */
export function movements(ledger: Ledger, month: number): Movements {
  const out: Movements = { newMrr: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0, net: 0, previousMrr: 0 };
  for (const perMonth of ledger.byCustomer.values()) {
    const prev = mrrIn(perMonth, month - 1);
    const cur = mrrIn(perMonth, month);
    out.previousMrr += prev;
    if (prev === 0 && cur > 0) {
      if (hadMrrBefore(perMonth, month - 1)) out.reactivation += cur;
      else out.newMrr += cur;
    } else if (prev > 0 && cur > prev) out.expansion += cur - prev;
    else if (prev > 0 && cur > 0 && cur < prev) out.contraction += prev - cur;
    else if (prev > 0 && cur === 0) out.churn += prev;
  }
  out.net = out.newMrr + out.expansion + out.reactivation - out.contraction - out.churn;
  return out;
}

function hadMrrBefore(perMonth: Map<number, number>, month: number): boolean {
  for (const [m, v] of perMonth) if (m < month && v > 1e-9) return true;
  return false;
}

/** Σ over the start cohort (MRR > 0 in start) of start MRR, end MRR and min(start, end). */
export function cohortRetention(ledger: Ledger, start: number, end: number): { start: number; end: number; kept: number } {
  const out = { start: 0, end: 0, kept: 0 };
  for (const perMonth of ledger.byCustomer.values()) {
    const s = mrrIn(perMonth, start);
    if (s === 0) continue;
    const e = mrrIn(perMonth, end);
    out.start += s;
    out.end += e;
    out.kept += Math.min(s, e);
  }
  return out;
}
