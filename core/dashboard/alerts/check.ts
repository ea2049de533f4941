import { toSerial } from '../../args/cells';
import { latestIsAnomalous } from '../../forecast/anomalies';
import { valueError } from '../../errors';
import { Direction, kpi, KpiId, Unit } from '../catalog';
import { tr, Locale } from '../i18n';
import type { DashboardSetup } from '../setup';
import { optionsOf } from '../setup-options';
import { BreachKind } from './labels';
import { alertThreshold, crosses } from './threshold';

/**
 * Breaches as plain data: per card KPI, its threshold check (alertThreshold) and an anomaly
 * check of its trend (Seasonal Hybrid ESD via latestIsAnomalous). Pure, O(KPIs × periods · log).
 * The dashboard's alert cells compute the same thing with formulas (alerts/plan.ts); hosts that
 * cannot read them (a time-driven trigger recomputing) call this with what they read back from
 * plan.valueCells and plan.trend.series.
 *
 * Anomaly conventions (identical in the sheet): the trend column, oldest first, its last cell the
 * current period; blanks skipped; the season detected as ANOMALIES and the forecasts detect it
 * (period 1: a history shorter than 3 cycles, such as a dozen monthly points, has none);
 * only anomalies in the bad direction (drops of a higher-is-better KPI, spikes of a lower-is-
 * better one), since a good surprise is not an alert; fewer than 3 numbers, a blank current
 * period or an error anywhere in the column: no anomaly.
 */
export interface AlertInput {
  readonly setup: DashboardSetup;
  /** The dashboard's as-of date (ISO text, serial or Date). */
  readonly asOf: unknown;
  /** Each card's value as read back (numbers; blanks, text and errors are "no value"). */
  readonly values: Readonly<Record<string, unknown>>;
  /** Each card's trend column as read back, oldest first (cells as read: number, '' / null, or an error value). */
  readonly series: Readonly<Record<string, readonly unknown[]>>;
}

export interface Breach {
  readonly kpi: KpiId;
  /** The KPI's name in the setup's locale. */
  readonly name: string;
  readonly unit: Unit;
  readonly direction: Direction;
  /** The goal's owner as typed (trimmed), or null. */
  readonly owner: string | null;
  readonly value: number;
  /** In the order pace/threshold, anomaly. */
  readonly kinds: readonly BreachKind[];
  /** The threshold crossed (pace or explicit), null for an anomaly alone. */
  readonly threshold: number | null;
}

/** Period (1 = detect), alpha and the largest share flagged: ANOMALIES' defaults, written into the sheet formula too. */
export const ANOMALY_PERIOD = 1;
export const ANOMALY_ALPHA = 0.05;
export const ANOMALY_MAX_SHARE = 0.1;

/** The anomaly direction that is bad news for a KPI. */
export function badDirection(direction: Direction): 'low' | 'high' {
  return direction === 'higher' ? 'low' : 'high';
}

/** Whether the current (last) point of a trend column is an anomaly in the bad direction, by the conventions above. */
export function currentIsAnomalous(column: readonly unknown[], direction: Direction): boolean {
  if (column.length === 0) return false;
  const numbers: number[] = [];
  for (const v of column) {
    if (v === null || v === undefined || v === '') continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) return false; // text or an error: ANOMALIES fails, IFERROR gives FALSE
    numbers.push(v);
  }
  const last = column[column.length - 1];
  if (typeof last !== 'number') return false;
  if (numbers.length < 3) return false;
  return latestIsAnomalous(numbers, {
    period: ANOMALY_PERIOD,
    alpha: ANOMALY_ALPHA,
    maxShare: ANOMALY_MAX_SHARE,
    direction: badDirection(direction),
  });
}

/**
 * The breaches of the setup's cards, in card order.
 * @throws KpiError #VALUE! when asOf is not a date.
 * @example checkAlerts({ setup, asOf: '2026-03-15', values: { mrr: 9000 }, series: { mrr: [...] } })
 *   // => [{ kpi: 'mrr', kinds: ['pace'], threshold: 9500, ... }]
 */
export function checkAlerts(input: AlertInput): Breach[] {
  const asOfRaw = toSerial(input.asOf);
  if (asOfRaw === undefined) throw valueError(`as-of ${String(input.asOf)} is not a date`);
  const asOf = Math.floor(asOfRaw);
  const { tolerance } = optionsOf(input.setup);
  const locale: Locale = input.setup.locale;
  const out: Breach[] = [];
  for (const id of [...new Set(input.setup.kpis)]) {
    const v = input.values[id];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const def = kpi(id);
    const goal = input.setup.goals.find((g) => g.kpi === id);
    const t = alertThreshold(goal, def.direction, asOf, tolerance);
    const kinds: BreachKind[] = [];
    if (t && crosses(v, t)) kinds.push(t.source);
    if (currentIsAnomalous(input.series[id] ?? [], def.direction)) kinds.push('anomaly');
    if (!kinds.length) continue;
    const owner = goal?.owner?.trim() || null;
    out.push({
      kpi: id,
      name: tr(def.name, locale),
      unit: def.unit,
      direction: def.direction,
      owner,
      value: v,
      kinds,
      threshold: t && kinds.includes(t.source) ? t.value : null,
    });
  }
  return out;
}
