import { KpiId } from '../catalog';
import { FieldRef } from '../fields';
import { Locale, tr } from '../i18n';
import { INSIGHT_RULES } from '../insights';
import { STATUS_LABELS } from '../labels';
import { SheetNameMap } from '../names';
import { ConditionalFormat, MARKER_KEY, PlanCell, PlannedSheet, PlanNotice, SheetRole } from '../plan';
import { DashboardSetup, Goal, SetupOptions } from '../setup';
import { COLORS, trendColumnNumber } from '../layout';
import { columnLetter } from '../a1';
import { AlertsPlanInput } from '../alerts/plan';

/** What every generated sheet's planner shares: the context, cell helpers, header style, status colours. */
/** The goal fields a KPI Goals cell holds and the planner may have to write back as typed. */
export type GoalCellField = 'baseline' | 'target' | 'start' | 'end' | 'frequency' | 'threshold';
export type KeptGoalCells = Partial<Record<KpiId, Partial<Record<GoalCellField, string>>>>;

/** User-typed text written as a value: an apostrophe keeps "=x" or "+33..." from becoming a formula. */
export function safeText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

export interface SheetContext {
  readonly setup: DashboardSetup;
  readonly locale: Locale;
  readonly options: SetupOptions;
  readonly names: SheetNameMap;
  readonly asOf: number;
  readonly cards: readonly KpiId[];
  readonly columns: readonly KpiId[];
  readonly rules: readonly { rule: (typeof INSIGHT_RULES)[number]; inputs: KpiId[] }[];
  readonly missing: ReadonlyMap<KpiId, FieldRef[]>;
  readonly notices: PlanNotice[];
  readonly keepGoalCells?: KeptGoalCells;
}

/** What the alert columns (alerts/plan.ts) are built from; undefined when alerts are off. */
export function alertsInput(ctx: SheetContext): AlertsPlanInput | undefined {
  if (!ctx.setup.alerts?.enabled) return undefined;
  return {
    setup: ctx.setup,
    locale: ctx.locale,
    options: ctx.options,
    names: ctx.names,
    cards: ctx.cards,
    trendColumn: (id) => (ctx.missing.has(id) ? undefined : columnLetter(trendColumnNumber(ctx.columns.indexOf(id)))),
    keptThresholds: Object.fromEntries(
      Object.entries(ctx.keepGoalCells ?? {}).flatMap(([k, v]) => (v?.threshold !== undefined ? [[k, safeText(v.threshold)]] : [])),
    ),
  };
}

export function sheet(role: SheetRole, name: string, parts: Omit<PlannedSheet, 'role' | 'name' | 'marker'>): PlannedSheet {
  return { role, name, marker: { key: MARKER_KEY, value: role }, ...parts };
}

export const f = (formula: string): PlanCell => ({ formula: `=${formula}` });
export const headerStyle = { bold: true, background: COLORS.headerBg, fontColor: COLORS.headerFg, wrap: true } as const;

export function goalOf(ctx: SheetContext, id: KpiId): Goal | undefined {
  return ctx.setup.goals.find((g) => g.kpi === id);
}

/** Conditional formats colouring status labels (same on the dashboard and the goals sheet). */
export function statusFormats(range: string, locale: Locale): ConditionalFormat[] {
  const rule = (key: keyof typeof STATUS_LABELS, style: { background: string; fontColor: string }): ConditionalFormat => ({
    ranges: [range],
    rule: { type: 'textEquals', text: tr(STATUS_LABELS[key], locale) },
    style,
  });
  return [
    rule('Achieved', COLORS.good),
    rule('On track', COLORS.good),
    rule('At risk', COLORS.warn),
    rule('Off track', COLORS.bad),
    rule('Missed', COLORS.bad),
    rule('Not started', COLORS.neutral),
    rule('Check dates', COLORS.warn),
    rule('Check goal', COLORS.warn),
  ];
}
