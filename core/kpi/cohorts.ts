import { RangeArg, requireSameSize } from '../args/range';
import { isoFromSerial, monthIndex, monthLabel } from '../args/cells';
import { gridLimits, oversize } from '../registry/limits';
import { divZeroError, numError, valueError } from '../errors';
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
  requireWidthFits(dates, when);

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

/**
 * The table is as wide as the months from the earliest to the latest date, so one mistyped year
 * (9999 for 2026) would make it wider than any sheet. Checked before anything is built, naming
 * the date farther from the middle of the data: that is the one to fix.
 */
function requireWidthFits(dates: RangeArg, when: (number | null)[]): void {
  let lo = -1;
  let hi = -1;
  const months: number[] = [];
  for (let i = 0; i < when.length; i++) {
    const d = when[i];
    if (d === null) continue;
    months.push(monthIndex(d));
    if (lo < 0 || d < (when[lo] as number)) lo = i;
    if (hi < 0 || d > (when[hi] as number)) hi = i;
  }
  if (lo < 0) return;
  const first = monthIndex(when[lo] as number);
  const last = monthIndex(when[hi] as number);
  const why = oversize(2, last - first + 3); // Cohort, Size, M0 … M(last − first)
  if (!why) return;
  months.sort((a, b) => a - b);
  const middle = months[months.length >> 1];
  const culprit = last - middle >= middle - first ? hi : lo;
  throw numError(
    `${dates.at(culprit)}: ${isoFromSerial(when[culprit] as number)} makes the cohort table ${(last - first + 1).toLocaleString('en-US')} months wide (${monthLabel(first)} to ${monthLabel(last)}), ` +
      `more columns than ${gridLimits().name} holds (${gridLimits().columns.toLocaleString('en-US')}); check that date`,
  );
}
