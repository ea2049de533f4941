import { columnLetter, rect, requireRect, sheetRef } from '../a1';
import { expectedShare } from '../goal-status';
import {
  ALERT_GOAL_COLS,
  alertColumn,
  asOfRef,
  cardHeaderRange,
  cardRow,
  cardTableRange,
  COLORS,
  GOAL_COLS,
  goalCell,
  goalRow,
  goalsHeaderRange,
  goalsTableRange,
  LAYOUT,
  trendLast,
  trendTop,
} from '../layout';
import { kpi, KpiId } from '../catalog';
import { NUMBER_FORMATS } from '../format';
import { Locale, tr } from '../i18n';
import { AlertsSpec, CellBlock, ConditionalFormat, FormulaConditionalFormat, PlanCell, PlannedSheet } from '../plan';
import { DashboardSetup, SetupOptions } from '../setup';
import { SheetNameMap } from '../names';
import { ANOMALY_ALPHA, ANOMALY_MAX_SHARE, ANOMALY_PERIOD, badDirection } from './check';
import { AL, allAlertLabels, BREACH_LABELS } from './labels';

/**
 * Alerts on the generated sheets (setup.alerts.enabled), as live formulas mirroring checkAlerts:
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

const BAD = COLORS.bad;
const WARN = COLORS.warn;
const s = (text: string) => `"${text.replace(/"/g, '""')}"`;

export function withAlerts(
  dashboard: PlannedSheet,
  goals: PlannedSheet,
  a: AlertsPlanInput,
): { dashboard: PlannedSheet; goals: PlannedSheet; spec: AlertsSpec } {
  const { locale, cards } = a;
  const n = cards.length;
  const G = GOAL_COLS.status; // K: status; L = explicit threshold, M = threshold in use (layout.ts)
  const explicitCol = columnLetter(ALERT_GOAL_COLS.explicit);
  const inUseCol = columnLetter(ALERT_GOAL_COLS.inUse);
  const goalsRef = sheetRef(a.names.goals);
  const asOf = asOfRef(a.names.dashboard);
  const tol = a.options.tolerance;

  // ---- KPI Goals: L explicit threshold, M threshold in use ----
  const goalRows: PlanCell[][] = cards.map((id, i) => {
    const goal = a.setup.goals.find((g) => g.kpi === id);
    const [C, D, E, F, L] = [GOAL_COLS.baseline, GOAL_COLS.target, GOAL_COLS.start, GOAL_COLS.end, ALERT_GOAL_COLS.explicit].map((c) =>
      goalCell(c, i),
    );
    const expected = expectedShare({ start: E, end: F, asOf });
    const pace = `IF(OR(NOT(ISNUMBER(${D})),NOT(ISNUMBER(${E})),NOT(ISNUMBER(${F}))),"",IF(OR(${F}<${E},${asOf}<${E},${asOf}>${F},${D}=${C}),"",${C}+(${D}-${C})*(${expected}-${tol})))`;
    const kept = a.keptThresholds?.[id];
    return [kept !== undefined ? kept : (goal?.threshold ?? null), { formula: `=IF(ISNUMBER(${L}),${L},${pace})` }];
  });
  const goalFormats = cards.map((id) => [NUMBER_FORMATS[kpi(id).unit], NUMBER_FORMATS[kpi(id).unit]]);
  const goalsOut = widen(goals, goalsHeaderRange(G), [AL.thresholdHeaders.map((h) => tr(h, locale))], undefined);
  const goalsBlocks = widen(goalsOut, goalsTableRange(G, n), goalRows, goalFormats);
  const goalsSheet: PlannedSheet = { ...goalsBlocks, columnWidths: { ...goals.columnWidths, [explicitCol]: 130, [inUseCol]: 110 } };

  // ---- dashboard: K alert label ----
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
  const cardCells: PlanCell[][] = cards.map((id, i) => {
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
  let dash = widen(dashboard, cardHeaderRange(), [[tr(AL.alertHeader, locale)]], undefined);
  dash = widen(
    dash,
    cardTableRange(n),
    cardCells,
    cards.map(() => [null]),
    [...custom],
  );
  const first = LAYOUT.firstCardRow;
  const lastCard = cardRow(n - 1);
  const alertRange = `${alertCol}${first}:${alertCol}${lastCard}`;
  const rules: ConditionalFormat[] = allAlertLabels(locale).map((l) => ({
    ranges: [alertRange],
    rule: { type: 'textEquals', text: l.text },
    style: l.anomalyOnly ? WARN : BAD,
  }));
  const rowRule: FormulaConditionalFormat = { ranges: [`A${first}:B${lastCard}`], formula: `=$${alertCol}${first}<>""`, style: BAD };
  const dashboardSheet: PlannedSheet = {
    ...dash,
    columnWidths: { ...dashboard.columnWidths, [alertCol]: 150 },
    conditionalFormats: [...dashboard.conditionalFormats, ...rules],
    formulaFormats: [...(dashboard.formulaFormats ?? []), rowRule],
  };

  const spec: AlertsSpec = {
    labelsRange: `${sheetRef(a.names.dashboard)}${alertRange}`,
    thresholdsRange: `${goalsRef}${inUseCol}${goalRow(0)}:${inUseCol}${goalRow(n - 1)}`,
    kpis: [...cards],
    owners: cards.map((id) => a.setup.goals.find((g) => g.kpi === id)?.owner?.trim() || null),
  };
  return { dashboard: dashboardSheet, goals: goalsSheet, spec };
}

/** The sheet with one block (found by its exact range) extended to the right by extra columns. */
export function widen(
  sheet: PlannedSheet,
  range: string,
  extra: PlanCell[][],
  extraFormats: (string | null)[][] | undefined,
  custom: string[] = [],
): PlannedSheet {
  const i = sheet.blocks.findIndex((b) => b.range === range);
  if (i < 0) throw new Error(`alerts: no block ${range} on ${sheet.name}`);
  const b = sheet.blocks[i];
  const at = requireRect(b.range);
  const width = b.cells[0].length + extra[0].length;
  const widened: CellBlock = {
    ...b,
    range: rect(at.col + 1, at.row + 1, width, b.cells.length),
    cells: b.cells.map((row, r) => [...row, ...extra[r]]),
    ...(b.numberFormats
      ? { numberFormats: b.numberFormats.map((row, r) => [...row, ...(extraFormats?.[r] ?? extra[r].map(() => null))]) }
      : {}),
    ...(custom.length || b.customFunctions ? { customFunctions: [...new Set([...(b.customFunctions ?? []), ...custom])] } : {}),
  };
  const blocks = [...sheet.blocks];
  blocks[i] = widened;
  return { ...sheet, blocks };
}
