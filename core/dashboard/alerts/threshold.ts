import { toSerial } from '../../args/cells';
import { Direction } from '../catalog';
import { Goal } from '../setup';

/**
 * The alert threshold of one KPI: an explicit goal.threshold, or the pace its goal needs.
 *
 * Pace: the goal's straight line from baseline (start) to target (end). With expected = the
 * share of the goal's time elapsed at as-of (as the goals sheet computes it) and the setup's
 * tolerance, the threshold is baseline + (target − baseline) × (expected − tolerance); the KPI
 * breaches when it is on the wrong side of it, which is exactly the goal status "Off track"
 * (progress < expected − tolerance). No pace outside the goal's dates (not started, or over:
 * "Missed" is a status, not a daily alert), without target or dates, or when target = baseline.
 * A blank baseline counts as 0, as GOAL_PROGRESS does.
 *
 * Explicit: breach below it for a higher-is-better KPI, above it otherwise; always active.
 */
export interface AlertThreshold {
  readonly value: number;
  /** The side that breaches. */
  readonly breachWhen: 'below' | 'above';
  readonly source: 'pace' | 'threshold';
}

export function alertThreshold(goal: Goal | undefined, direction: Direction, asOf: number, tolerance: number): AlertThreshold | null {
  if (!goal) return null;
  if (typeof goal.threshold === 'number' && Number.isFinite(goal.threshold)) {
    return { value: goal.threshold, breachWhen: direction === 'higher' ? 'below' : 'above', source: 'threshold' };
  }
  const target = goal.target;
  const start = goal.start ? toSerial(goal.start) : undefined;
  const end = goal.end ? toSerial(goal.end) : undefined;
  if (typeof target !== 'number' || start === undefined || end === undefined) return null;
  const [s, e] = [Math.floor(start), Math.floor(end)];
  const base = goal.baseline ?? 0;
  if (e < s || asOf < s || asOf > e || target === base) return null;
  const expected = e === s ? (asOf >= e ? 1 : 0) : Math.min(1, Math.max(0, (asOf - s) / (e - s)));
  return { value: base + (target - base) * (expected - tolerance), breachWhen: target > base ? 'below' : 'above', source: 'pace' };
}

/** True when value is strictly on the breaching side. */
export function crosses(value: number, t: AlertThreshold): boolean {
  return t.breachWhen === 'below' ? value < t.value : value > t.value;
}
