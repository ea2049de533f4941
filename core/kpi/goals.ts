import { divZeroError, valueError } from '../errors';
import { isoFromSerial } from '../args/cells';

export type GoalStatus = 'Achieved' | 'On track' | 'At risk' | 'Off track' | 'Missed' | 'Not started';

/** (actual − baseline) / (target − baseline): works for goals that go down; not clipped. */
export function goalProgress(actual: number, target: number, baseline: number): number {
  if (target === baseline) throw divZeroError('target equals baseline: there is no distance to cover');
  return (actual - baseline) / (target - baseline);
}

/** Share of the goal period elapsed at asOf, clipped to [0, 1]. Dates are day serials. */
export function expectedProgress(start: number, end: number, asOf: number): number {
  if (end < start) throw valueError(`end_date (${isoFromSerial(end)}) is before start_date (${isoFromSerial(start)})`);
  if (end === start) return asOf >= end ? 1 : 0;
  return Math.min(1, Math.max(0, (asOf - start) / (end - start)));
}

/** Comparisons forgive float noise, so a value exactly on a threshold in decimals counts as reaching it. */
const EPSILON = 1e-9;

/** The status rules of GOAL_STATUS (its reference entry lists them), applied in their stated order. */
export function goalStatus(
  actual: number,
  target: number,
  start: number,
  end: number,
  asOf: number,
  baseline: number,
  tolerance: number,
): GoalStatus {
  const progress = goalProgress(actual, target, baseline);
  const expected = expectedProgress(start, end, asOf);
  if (progress >= 1 - EPSILON) return 'Achieved';
  if (asOf < start) return 'Not started';
  if (asOf > end) return 'Missed';
  if (progress >= expected - EPSILON) return 'On track';
  if (progress >= expected - tolerance - EPSILON) return 'At risk';
  return 'Off track';
}
