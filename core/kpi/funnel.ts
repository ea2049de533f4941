import { RangeArg } from '../args/range';
import { divZeroError, valueError } from '../errors';
import { mean, median as medianOf } from '../math/stats';
import { Table } from '../registry/types';

/** Mean or median of closed − created in days over rows with both dates. O(n), O(n log n) for median. */
export function salesCycleDays(created: RangeArg, closed: RangeArg, median: boolean): number {
  const a = created.alignedDates();
  const b = closed.alignedDates();
  if (a.length !== b.length) {
    throw valueError(`${created.name} has ${a.length} cells but ${closed.name} has ${b.length}: give ranges of the same size`);
  }
  const days: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const start = a[i];
    const end = b[i];
    if (start === null || end === null) continue;
    if (end < start) throw valueError(`${closed.at(i)}: the deal closes before it was created`);
    days.push(end - start);
  }
  if (days.length === 0) throw divZeroError(`no deal has both a ${created.name} and a ${closed.name}`);
  return median ? medianOf(days) : mean(days);
}

export function funnelTable(counts: RangeArg, names: RangeArg | undefined): Table {
  const values = counts.alignedNumbers();
  const labels = names ? names.alignedTexts() : [];
  const table: Table = [['Stage', 'Count', 'Step conversion', 'Cumulative conversion']];
  let first: number | null = null;
  let previous: number | null = null;
  values.forEach((count, i) => {
    if (count === null) return;
    if (count < 0) throw valueError(`${counts.at(i)}: ${count} is negative; a stage count cannot be`);
    const label = labels[i] ?? `Stage ${table.length}`;
    if (first === null) {
      first = count;
      table.push([label, count, 1, 1]);
    } else {
      table.push([label, count, previous ? count / previous : null, first ? count / first : null]);
    }
    previous = count;
  });
  if (table.length === 1) throw valueError(`${counts.name} has no numbers`);
  return table;
}
