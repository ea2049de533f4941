import { copyNotices } from './sheet-copies';
import { toSerial } from '../args/cells';
import { valueError } from '../errors';
import { columnLetter, sheetRef } from './a1';
import { kpi, KpiId } from './catalog';
import { DatasetId, fieldInfo, FieldRef } from './fields';
import { fill, tr } from './i18n';
import { INSIGHT_RULES, ruleInputs } from './insights';
import { UI } from './labels';
import { missingFields } from './mapping';
import { ExistingSheet, resolveSheetNames } from './names';
import { DashboardPlan, PLAN_VERSION, PlanNotice } from './plan';
import { DashboardSetup, optionsOf, validateSetup } from './setup';
import { planExtras, requestedExtraRoles } from './extras';
import { alertsSpec } from './alerts/plan';
import { dashboardAnchors } from './anchors';
import { addinNeeds, addinNeedsText } from './share/notice';
import { withPrint } from './print';
import { trendColumns } from './trend-columns';
import { trendColumnNumber, LAYOUT } from './layout';

import { alertsInput, KeptGoalCells, SheetContext } from './sheets/common';
import { dashboardSheet } from './sheets/dashboard';
import { definitionsSheet } from './sheets/definitions';
import { goalsSheet } from './sheets/goals';
import { historySheet } from './sheets/history';

export type { KeptGoalCells } from './sheets/common';
/**
 * The dashboard planner: setup in, plan out (plan.ts, docs/contributing/dashboard-plan.md). Pure and O(KPIs ×
 * trend periods): the data never passes through here, formulas read it in the workbook.
 */
export interface PlanRequest {
  readonly setup: DashboardSetup;
  /** The date statuses are judged at and the current period is taken from (ISO text, day serial or Date). */
  readonly asOf: unknown;
  /** The workbook's sheets, with the KPI Pilot marker of those that carry one. */
  readonly existingSheets?: readonly ExistingSheet[];
  /** Optional: data rows of each mapped dataset (SheetInfo.rows), so spilling extra sheets get enough rows (PlannedSheet.minRows). */
  readonly dataRows?: Partial<Record<DatasetId, number>>;
  /**
   * Optional: what the manager typed in KPI Goals that could not be read (text in a number or
   * date column), by KPI and field: written back as typed rather than replaced (goals-merge.ts).
   */
  readonly keepGoalCells?: KeptGoalCells;
}

/**
 * Builds the plan. @throws KpiError #VALUE! when the setup is invalid, has no KPI, or asOf is not a date.
 * @example buildPlan({ setup, asOf: '2026-03-31' }).sheets.map((s) => s.name)
 *   // => ['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']
 */
export function buildPlan(req: PlanRequest): DashboardPlan {
  const setup = req.setup;
  validateSetup(setup);
  const asOfRaw = toSerial(req.asOf);
  if (asOfRaw === undefined) throw valueError(`as-of ${String(req.asOf)} is not a date`);
  const asOf = Math.floor(asOfRaw);
  const locale = setup.locale;
  const options = optionsOf(setup);
  const cards = [...new Set(setup.kpis)];
  if (cards.length === 0) throw valueError('choose at least one KPI for the dashboard');

  const notices: PlanNotice[] = [];
  const { names, renamed } = resolveSheetNames(req.existingSheets ?? [], requestedExtraRoles({ setup }));
  for (const r of renamed)
    notices.push({
      code: 'renamed',
      level: 'warning',
      sheet: r.role,
      text: fill(tr(UI.renamed, locale), { wanted: r.wanted, used: r.used }),
    });
  notices.push(...copyNotices(req.existingSheets ?? [], locale));

  const missing = new Map<KpiId, FieldRef[]>();
  const available = (id: KpiId) => missingFields(setup.mapping, [id]).length === 0;
  for (const id of cards) {
    const m = missingFields(setup.mapping, [id]);
    if (m.length) {
      const fields = m.map((f) => tr(fieldInfo(f).name, locale)).join(', ');
      missing.set(id, m);
      notices.push({
        code: 'unmapped',
        level: 'warning',
        kpi: id,
        text: fill(tr(UI.unmappedNotice, locale), { name: tr(kpi(id).name, locale), fields }),
      });
    }
  }
  for (const g of setup.goals) {
    if (!cards.includes(g.kpi))
      notices.push({
        code: 'goal_skipped',
        level: 'info',
        kpi: g.kpi,
        text: fill(tr(UI.goalSkipped, locale), { name: tr(kpi(g.kpi).name, locale) }),
      });
  }

  // insight rules about the cards only; the trend table: exactly the cards that can be computed (trend-columns.ts)
  const rules = INSIGHT_RULES.map((rule) => ({ rule, inputs: ruleInputs(rule, (id) => cards.includes(id), available) })).filter(
    (r) => r.inputs,
  ) as { rule: (typeof INSIGHT_RULES)[number]; inputs: KpiId[] }[];
  const columns = trendColumns(cards, missing);

  const ctx: SheetContext = {
    setup,
    locale,
    options,
    names,
    asOf,
    cards,
    columns,
    rules,
    missing,
    notices,
    keepGoalCells: req.keepGoalCells,
  };
  // each sheet module places its own alert columns when alerts are on (alerts/plan.ts)
  const dashboard = dashboardSheet(ctx);
  const goals = goalsSheet(ctx);
  const definitions = definitionsSheet(ctx);
  const history = historySheet(ctx);
  const extras = planExtras({ setup, locale, options, names, notices, dataRows: req.dataRows });
  const alertsFrom = alertsInput(ctx);
  const alerts = alertsFrom && alertsSpec(alertsFrom);

  const dash = sheetRef(names.dashboard);
  const trendTop = LAYOUT.firstCardRow;
  const trendLast = trendTop + options.trendPeriods - 1;
  const series: Record<string, string> = {};
  columns.forEach((id, i) => {
    const col = columnLetter(trendColumnNumber(i));
    series[id] = `${dash}${col}${trendTop}:${col}${trendLast}`;
  });
  const periodCol = columnLetter(LAYOUT.trendColumn);
  const lastCard = LAYOUT.firstCardRow + cards.length - 1;
  const valueCells: Record<string, string> = {};
  cards.forEach((id, i) => (valueCells[id] = `${dash}B${LAYOUT.firstCardRow + i}`));
  const sheets = [dashboard, goals, definitions, history, ...extras].map(withPrint);
  const snapshot = {
    historySheet: names.history,
    asOfCell: `${dash}${LAYOUT.asOfCell}`,
    valuesRange: `${dash}B${LAYOUT.firstCardRow}:B${lastCard}`,
    kpis: cards,
  };
  const trend = { periods: `${dash}${periodCol}${trendTop}:${periodCol}${trendLast}`, series };
  // every sheet and card a colleague without the add-in would see as errors, extras included
  const needs = addinNeedsText(addinNeeds({ sheets, trend, snapshot }), locale);
  if (needs) notices.push({ code: 'custom_functions', level: 'info', text: needs });
  return {
    version: PLAN_VERSION,
    locale,
    asOf,
    sheets,
    snapshot,
    trend,
    valueCells,
    notices,
    anchors: dashboardAnchors({
      asOfCell: LAYOUT.asOfCell,
      firstCardRow: LAYOUT.firstCardRow,
      cards: cards.length,
      headerRow: LAYOUT.headerRow,
      trendLast,
      trendColumn: periodCol,
      lastTrendColumn: columnLetter(LAYOUT.trendColumn + 1 + columns.length),
    }),
    ...(alerts ? { alerts } : {}),
  };
}
