import { RangeArg, requireSameSize } from '../args/range';
import { monthIndex, monthLabel } from '../args/cells';
import { divZeroError, valueError } from '../errors';
import { Table, TableCell } from '../registry/types';

/**
 * Monthly cohort triangle. A customer is active in a month when it has a row there (with an
 * amount above 0 when amounts are given); its cohort is its first active month. O(rows).
 */
export function cohortTable(customers: RangeArg, dates: RangeArg, byRevenue: boolean, amounts: RangeArg | undefined): Table {
  if (byRevenue && !amounts) throw valueError('basis "revenue" needs the amounts range');
  if (amounts) requireSameSize(customers, dates, amounts);
  else requireSameSize(customers, dates);
  const ids = customers.alignedTexts();
  const when = dates.alignedDates();
  const money = amounts ? amounts.alignedNumbers() : null;

  const activity = new Map<string, Map<number, number>>(); // customer -> month -> amount (or 1)
  let lastMonth = -Infinity;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const d = when[i];
    if (id === null || d === null) {
      if (id !== null || d !== null) throw valueError(`${id === null ? customers.at(i) : dates.at(i)} is blank but its row has data`);
      continue;
    }
    const m = monthIndex(d);
    let months = activity.get(id);
    if (!months) activity.set(id, (months = new Map()));
    const amount = money ? (money[i] ?? 0) : 1;
    months.set(m, (months.get(m) ?? 0) + amount);
    if (m > lastMonth) lastMonth = m;
  }

  const cohorts = new Map<number, { size: number; active: number[] }>();
  for (const months of activity.values()) {
    let first = Infinity;
    for (const [m, v] of months) if (v > 0 && m < first) first = m;
    if (first === Infinity) continue; // never active
    let cohort = cohorts.get(first);
    if (!cohort) cohorts.set(first, (cohort = { size: 0, active: new Array(lastMonth - first + 1).fill(0) }));
    cohort.size += byRevenue ? (months.get(first) as number) : 1;
    for (const [m, v] of months) {
      if (m >= first && v > 0) cohort.active[m - first] += byRevenue ? v : 1;
    }
  }
  if (cohorts.size === 0) throw divZeroError(`no customer is ever active${amounts ? ` (every ${amounts.name} total is 0)` : ''}`);

  const firstCohort = Math.min(...cohorts.keys());
  const width = lastMonth - firstCohort + 1;
  const header: TableCell[] = ['Cohort', 'Size'];
  for (let k = 0; k < width; k++) header.push(`M${k}`);
  const table: Table = [header];
  for (const m of [...cohorts.keys()].sort((a, b) => a - b)) {
    const { size, active } = cohorts.get(m)!;
    const row: TableCell[] = [monthLabel(m), size];
    for (let k = 0; k < width; k++) row.push(k < active.length ? active[k] / size : null);
    table.push(row);
  }
  return table;
}
