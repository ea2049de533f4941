import { columnLetter, sheetRef } from '../a1';
import { expectedShare } from '../goal-status';
import {
  ALERT_GOAL_COLS,
  alertColumn,
  asOfRef,
  cardRow,
  COLORS,
  GOAL_COLS,
  goalCell,
  goalRow,
  LAYOUT,
  trendLast,
  trendTop,
} from '../layout';
import { kpi, KpiId } from '../catalog';
import { NUMBER_FORMATS } from '../format';
import { Locale, tr } from '../i18n';
import { AlertsSpec, ConditionalFormat, FormulaConditionalFormat, PlanCell } from '../plan';
import { DashboardSetup, SetupOptions } from '../setup';
import { SheetNameMap } from '../names';
import { ANOMALY_ALPHA, ANOMALY_MAX_SHARE, ANOMALY_PERIOD, badDirection } from './check';
import { AL, allAlertLabels, BREACH_LABELS } from './labels';

/**
 * Alerts on the generated sheets (setup.alerts.enabled), as live formulas mirroring checkAlerts.
 * This module writes the columns' contents; the sheet modules (sheets/goals.ts, sheets/dashboard.ts)
 * place them where layout.ts says, as part of their own blocks.
 *
 * - KPI Goals gets two columns: L "Alert threshold (optional)", the goal's explicit threshold as
 *   an editable value, and M "Threshold in use": L when it holds a number, else the pace
 *   threshold C + (D − C) × (expected − tolerance) while as-of is within the goal's dates.
 * - The dashboard's card table gets an 11th column K "Alert": "" or the breach label ("Behind
 *   pace", "Past threshold", "Anomaly", or a threshold label + " + " + anomaly), from the card
 *   value B, the goal row's L and M, and INDEX(ANOMALIES(trend column, 1, α, share, bad
 *   direction), T) for the current period. The trend table stays at L, so nothing else moves.
 * - Highlighting: textEquals rules colour the alert cells (every applier supports them), and an
 *   optional formula rule (plan field formulaFormats) colours the KPI name and value of a card in
 *   breach (=$K5<>"").
 */
export interface AlertsPlanInput {
  readonly setup: DashboardSetup;
  readonly locale: Locale;
  readonly options: SetupOptions;
  readonly names: SheetNameMap;
  readonly cards: readonly KpiId[];
  /** Trend column letter of a computed card; undefined for a card that cannot be computed. */
  readonly trendColumn: (id: KpiId) => string | undefined;
  /** Thresholds typed in KPI Goals that could not be read: written back as typed (goals-merge.ts). */
  readonly keptThresholds?: Partial<Record<KpiId, string>>;
}

/** Columns a sheet module appends to one of its tables: a header row and one row per card. */
export interface AlertColumns {
  readonly headers: string[];
  readonly rows: PlanCell[][];
  readonly formats: (string | null)[][];
  /** Custom functions the rows call (for the block's customFunctions). */
  readonly customFunctions: string[];
  /** Column widths (pixels) by letter. */
  readonly widths: Record<string, number>;
}

const s = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** KPI Goals' alert columns (L explicit threshold, M threshold in use), right of the status column. */
export function alertGoalColumns(a: AlertsPlanInput): AlertColumns {
  const asOf = asOfRef(a.names.dashboard);
  const tol = a.options.tolerance;
  const rows: PlanCell[][] = a.cards.map((id, i) => {
    const goal = a.setup.goals.find((g) => g.kpi === id);
    const [C, D, E, F, L] = [GOAL_COLS.baseline, GOAL_COLS.target, GOAL_COLS.start, GOAL_COLS.end, ALERT_GOAL_COLS.explicit].map((c) =>
      goalCell(c, i),
    );
    const expected = expectedShare({ start: E, end: F, asOf });
    const pace = `IF(OR(NOT(ISNUMBER(${D})),NOT(ISNUMBER(${E})),NOT(ISNUMBER(${F}))),"",IF(OR(${F}<${E},${asOf}<${E},${asOf}>${F},${D}=${C}),"",${C}+(${D}-${C})*(${expected}-${tol})))`;
    const kept = a.keptThresholds?.[id];
    return [kept !== undefined ? kept : (goal?.threshold ?? null), { formula: `=IF(ISNUMBER(${L}),${L},${pace})` }];
  });
  return {
    headers: AL.thresholdHeaders.map((h) => tr(h, a.locale)),
    rows,
    formats: a.cards.map((id) => [NUMBER_FORMATS[kpi(id).unit], NUMBER_FORMATS[kpi(id).unit]]),
    customFunctions: [],
    widths: { [columnLetter(ALERT_GOAL_COLS.explicit)]: 130, [columnLetter(ALERT_GOAL_COLS.inUse)]: 110 },
  };
}

/** The dashboard's alert column (K, right of the card table) with its highlighting rules. */
export function alertCardColumn(a: AlertsPlanInput): AlertColumns & {
  conditionalFormats: ConditionalFormat[];
  formulaFormats: FormulaConditionalFormat[];
} {
  const { locale, cards } = a;
  const goalsRef = sheetRef(a.names.goals);
  const [explicitCol, inUseCol] = [ALERT_GOAL_COLS.explicit, ALERT_GOAL_COLS.inUse].map(columnLetter);
  const top = trendTop();
  const last = trendLast(a.options.trendPeriods);
  const T = last - top + 1;
  const alertCol = alertColumn();
  const labels = {
    pace: s(tr(BREACH_LABELS.pace, locale)),
    threshold: s(tr(BREACH_LABELS.threshold, locale)),
    anomaly: s(tr(BREACH_LABELS.anomaly, locale)),
  };
  const custom = new Set<string>();
  const rows: PlanCell[][] = cards.map((id, i) => {
    const r = cardRow(i);
    const col = a.trendColumn(id);
    if (!col) return [null];
    const def = kpi(id);
    const g = goalRow(i);
    const [C, D, L, M] = ['C', 'D', explicitCol, inUseCol].map((c) => `${goalsRef}${c}${g}`);
    const B = `B${r}`;
    const worse = def.direction === 'higher' ? '<' : '>';
    const crossed = `AND(ISNUMBER(${B}),ISNUMBER(${M}),IF(ISNUMBER(${L}),${B}${worse}${M},IF(${D}>${C},${B}<${M},${B}>${M})))`;
    const trend = `${col}${top}:${col}${last}`;
    // TRUE() rather than TRUE: HyperFormula knows the booleans only as functions; both hosts accept them
    const anomaly = `IFERROR(INDEX(ANOMALIES(${trend},${ANOMALY_PERIOD},${ANOMALY_ALPHA},${ANOMALY_MAX_SHARE},"${badDirection(def.direction)}"),${T}),0)=TRUE()`;
    custom.add('ANOMALIES');
    const kind = `IF(ISNUMBER(${L}),${labels.threshold},${labels.pace})`;
    // ANOMALIES once (a custom-function call), the native threshold test in both branches
    return [{ formula: `=IF(${anomaly},IF(${crossed},${kind}&" + "&${labels.anomaly},${labels.anomaly}),IF(${crossed},${kind},""))` }];
  });
  const first = LAYOUT.firstCardRow;
  const alertRange = alertLabelsRange(cards.length);
  return {
    headers: [tr(AL.alertHeader, locale)],
    rows,
    formats: cards.map(() => [null]),
    customFunctions: [...custom],
    widths: { [alertCol]: 150 },
    conditionalFormats: allAlertLabels(locale).map((l) => ({
      ranges: [alertRange],
      rule: { type: 'textEquals', text: l.text },
      style: l.anomalyOnly ? COLORS.warn : COLORS.bad,
    })),
    formulaFormats: [{ ranges: [`A${first}:B${cardRow(cards.length - 1)}`], formula: `=$${alertCol}${first}<>""`, style: COLORS.bad }],
  };
}

/** Where hosts read the alerts back: the dashboard's alert cells and KPI Goals' thresholds in use. */
export function alertsSpec(a: AlertsPlanInput): AlertsSpec {
  const n = a.cards.length;
  const inUseCol = columnLetter(ALERT_GOAL_COLS.inUse);
  return {
    labelsRange: `${sheetRef(a.names.dashboard)}${alertLabelsRange(n)}`,
    thresholdsRange: `${sheetRef(a.names.goals)}${inUseCol}${goalRow(0)}:${inUseCol}${goalRow(n - 1)}`,
    kpis: [...a.cards],
    owners: a.cards.map((id) => a.setup.goals.find((g) => g.kpi === id)?.owner?.trim() || null),
  };
}

const alertLabelsRange = (n: number): string => `${alertColumn()}${LAYOUT.firstCardRow}:${alertColumn()}${cardRow(n - 1)}`;
