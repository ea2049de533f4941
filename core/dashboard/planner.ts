import { copyNotices } from './sheet-copies';
import { toSerial } from '../args/cells';
import { valueError } from '../errors';
import { absCell, cell, columnLetter, rect, sheetRef, wholeColumn } from './a1';
import { kpi, KpiDefinition, KpiId } from './catalog';
import { DatasetId, fieldInfo, FieldRef } from './fields';
import { CHANGE_FORMAT, DATE_FORMAT, MONTH_FORMAT, NUMBER_FORMATS, PROGRESS_FORMAT } from './format';
import { fill, Locale, tr } from './i18n';
import { INSIGHT_RULES, needsMapping, ruleInputs } from './insights';
import { channelChangeFormula } from './formulas';
import { CHANGE_TITLE, CHANNEL_TITLE, changeFormula, explainsChange } from './insights-change';
import { DIRECTION_LABELS, FREQUENCY_LABELS, KIND_LABELS, STAGE_LABELS, STATUS_LABELS, TIMING_LABELS, UI, UNIT_LABELS } from './labels';
import { missingFields } from './mapping';
import { ExistingSheet, resolveSheetNames, SheetNameMap } from './names';
import {
  CellBlock, ConditionalFormat, ChartSpec, DashboardPlan, MARKER_KEY, PLAN_VERSION, PlanCell, PlannedSheet, PlanNotice, SheetRole,
} from './plan';
import { DashboardSetup, Goal, optionsOf, SetupOptions, validateSetup } from './setup';
import { template } from './templates';
import { planExtras, requestedExtraRoles } from './extras';
import { widen, withAlerts } from './alerts/plan';
import { dashboardAnchors } from './anchors';
import { GoalCells, noteFormula, progressFormula, statusFormula } from './goal-status';
import { GOAL_NOTES } from './labels';
import { addinNeeds, addinNeedsText } from './share/notice';
import { withPrint } from './print';
import { columnOrInline, trendColumns, trendFormula } from './trend-columns';
import { ALERT_GOAL_COLS, asOfRef, trendColumnNumber, cardTableRange, cardHeaderRange, COLORS, GOAL_COLS, goalsHeaderRange, goalsTableRange, LAYOUT } from './layout';

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

/** The goal fields a KPI Goals cell holds and the planner may have to write back as typed. */
export type GoalCellField = 'baseline' | 'target' | 'start' | 'end' | 'frequency' | 'threshold';
export type KeptGoalCells = Partial<Record<KpiId, Partial<Record<GoalCellField, string>>>>;

/** User-typed text written as a value: an apostrophe keeps "=x" or "+33..." from becoming a formula. */
export function safeText(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
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
  for (const r of renamed) notices.push({ code: 'renamed', level: 'warning', sheet: r.role, text: fill(tr(UI.renamed, locale), { wanted: r.wanted, used: r.used }) });
  notices.push(...copyNotices(req.existingSheets ?? [], locale));

  const missing = new Map<KpiId, FieldRef[]>();
  const available = (id: KpiId) => missingFields(setup.mapping, [id]).length === 0;
  for (const id of cards) {
    const m = missingFields(setup.mapping, [id]);
    if (m.length) {
      const fields = m.map((f) => tr(fieldInfo(f).name, locale)).join(', ');
      missing.set(id, m);
      notices.push({ code: 'unmapped', level: 'warning', kpi: id, text: fill(tr(UI.unmappedNotice, locale), { name: tr(kpi(id).name, locale), fields }) });
    }
  }
  for (const g of setup.goals) {
    if (!cards.includes(g.kpi)) notices.push({ code: 'goal_skipped', level: 'info', kpi: g.kpi, text: fill(tr(UI.goalSkipped, locale), { name: tr(kpi(g.kpi).name, locale) }) });
  }

  // insight rules about the cards only; the trend table: exactly the cards that can be computed (trend-columns.ts)
  const rules = INSIGHT_RULES.map((rule) => ({ rule, inputs: ruleInputs(rule, (id) => cards.includes(id), available) })).filter((r) => r.inputs) as { rule: (typeof INSIGHT_RULES)[number]; inputs: KpiId[] }[];
  const columns = trendColumns(cards, missing);

  const ctx: SheetContext = { setup, locale, options, names, asOf, cards, columns, rules, missing, notices, keepGoalCells: req.keepGoalCells };
  let dashboard = dashboardSheet(ctx);
  let goals = goalsSheet(ctx);
  const definitions = definitionsSheet(ctx);
  const history = historySheet(ctx);
  const extras = planExtras({ setup, locale, options, names, notices, dataRows: req.dataRows });
  let alerts: DashboardPlan['alerts'];
  if (setup.alerts?.enabled) {
    const out = withAlerts(dashboard, goals, {
      setup, locale, options, names, cards,
      trendColumn: (id) => (missing.has(id) ? undefined : columnLetter(trendColumnNumber(columns.indexOf(id)))),
      keptThresholds: Object.fromEntries(Object.entries(req.keepGoalCells ?? {}).flatMap(([k, v]) => (v?.threshold !== undefined ? [[k, safeText(v.threshold)]] : []))),
    });
    ({ dashboard, goals } = out);
    alerts = out.spec;
  }
  goals = withGoalNotes(goals, ctx, alerts ? ALERT_GOAL_COLS.inUse : GOAL_COLS.status);

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
  const snapshot = { historySheet: names.history, asOfCell: `${dash}${LAYOUT.asOfCell}`, valuesRange: `${dash}B${LAYOUT.firstCardRow}:B${lastCard}`, kpis: cards };
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
      asOfCell: LAYOUT.asOfCell, firstCardRow: LAYOUT.firstCardRow, cards: cards.length, headerRow: LAYOUT.headerRow, trendLast,
      trendColumn: periodCol, lastTrendColumn: columnLetter(LAYOUT.trendColumn + 1 + columns.length),
    }),
    ...(alerts ? { alerts } : {}),
  };
}

interface SheetContext {
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

function sheet(role: SheetRole, name: string, parts: Omit<PlannedSheet, 'role' | 'name' | 'marker'>): PlannedSheet {
  return { role, name, marker: { key: MARKER_KEY, value: role }, ...parts };
}

const f = (formula: string): PlanCell => ({ formula: `=${formula}` });
const headerStyle = { bold: true, background: COLORS.headerBg, fontColor: COLORS.headerFg, wrap: true } as const;

function goalOf(ctx: SheetContext, id: KpiId): Goal | undefined {
  return ctx.setup.goals.find((g) => g.kpi === id);
}

/** Conditional formats colouring status labels (same on the dashboard and the goals sheet). */
function statusFormats(range: string, locale: Locale): ConditionalFormat[] {
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

function typeLabel(ctx: SheetContext, def: KpiDefinition): string {
  const parts = [tr(KIND_LABELS[def.kind], ctx.locale), tr(TIMING_LABELS[def.timing], ctx.locale)];
  const tpl = ctx.setup.template ? template(ctx.setup.template) : undefined;
  if (tpl?.northStar) parts.unshift(tr(tpl.northStar === def.id ? UI.northStar : UI.input, ctx.locale));
  return parts.join(' · ');
}

/** Column B's width (pixels) when insights are shown: a two-line finding fits. */
const INSIGHT_WIDTH = 420;

function dashboardSheet(ctx: SheetContext): PlannedSheet {
  const { locale, cards, columns, options } = ctx;
  const T = options.trendPeriods;
  const L = LAYOUT;
  const goals = sheetRef(ctx.names.goals);
  const blocks: CellBlock[] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  const charts: ChartSpec[] = [];

  blocks.push({ range: 'A1', cells: [[tr(UI.dashboardTitle, locale)]], style: { bold: true, fontSize: 16 } });
  blocks.push({
    range: 'A2:D2',
    cells: [[tr(UI.asOf, locale), ctx.asOf, tr(UI.period, locale), f(`DATE(YEAR(${L.asOfCell}),MONTH(${L.asOfCell}),1)`)]],
    numberFormats: [[null, DATE_FORMAT, null, MONTH_FORMAT]],
    style: { bold: true },
  });
  blocks.push({ range: 'A3', cells: [[tr(UI.note, locale)]], style: { italic: true, fontColor: '#666666' } });
  blocks.push({ range: cardHeaderRange(), cells: [UI.cardHeaders.map((h) => tr(h, locale))], style: headerStyle });

  // trend table: one row per period, oldest first; the last row is the current period
  const trendTop = L.firstCardRow;
  const trendLast = trendTop + T - 1;
  const colOf = (id: KpiId) => trendColumnNumber(columns.indexOf(id));
  const trendCell = (id: KpiId, row: number) => cell(colOf(id), row);
  const trendRows: PlanCell[][] = [];
  const trendFormats: (string | null)[][] = [];
  const custom = new Set<string>();
  for (let i = 0; i < T; i++) {
    const row = trendTop + i;
    const start = `$${columnLetter(L.trendColumn)}${row}`;
    const next = `$${columnLetter(L.trendColumn + 1)}${row}`;
    const cells: PlanCell[] = [f(`EDATE(${absCell(4, 2)},${i - (T - 1)})`), f(`EDATE(${start},1)`)];
    for (const id of columns) {
      const built = trendFormula(id, columns, { mapping: ctx.setup.mapping, options, start, next, cellOf: (other) => trendCell(other, row) });
      built.custom.forEach((c) => custom.add(c));
      cells.push(f(built.text));
    }
    trendRows.push(cells);
    trendFormats.push([MONTH_FORMAT, DATE_FORMAT, ...columns.map((id) => NUMBER_FORMATS[kpi(id).unit])]);
  }
  const trendWidth = 2 + columns.length;
  blocks.push({ range: cell(L.trendColumn, L.headerRow - 1), cells: [[tr(UI.trendTitle, locale)]], style: { italic: true, fontColor: '#666666' } });
  blocks.push({
    range: rect(L.trendColumn, L.headerRow, trendWidth, 1),
    cells: [[tr(UI.periodStart, locale), tr(UI.nextStart, locale), ...columns.map((id) => tr(kpi(id).name, locale))]],
    style: headerStyle,
  });
  blocks.push({ range: rect(L.trendColumn, trendTop, trendWidth, T), cells: trendRows, numberFormats: trendFormats, customFunctions: [...custom] });

  // cards: one row per KPI
  const cardRows: PlanCell[][] = [];
  const cardFormats: (string | null)[][] = [];
  const higherRows: string[] = [];
  const lowerRows: string[] = [];
  cards.forEach((id, i) => {
    const def = kpi(id);
    const r = L.firstCardRow + i;
    const g = 2 + i; // its row on the goals sheet
    const ref = (col: number) => `${goals}${cell(col, g)}`;
    const fromGoals = (col: number) => f(`IF(${ref(col)}="","",${ref(col)})`);
    const missing = ctx.missing.get(id);
    const value = missing
      ? fill(tr(UI.unmapped, locale), { fields: missing.map((m) => tr(fieldInfo(m).name, locale)).join(', ') })
      : f(trendCell(id, trendLast));
    const previous = missing ? null : f(trendCell(id, trendLast - 1));
    cardRows.push([
      safeText(tr(def.name, locale)),
      value,
      fromGoals(GOAL_COLS.target),
      fromGoals(GOAL_COLS.progress),
      fromGoals(GOAL_COLS.status),
      previous,
      f(`IF(AND(ISNUMBER(B${r}),ISNUMBER(F${r})),IF(F${r}=0,"",(B${r}-F${r})/ABS(F${r})),"")`),
      fromGoals(GOAL_COLS.owner),
      fromGoals(GOAL_COLS.frequency),
      typeLabel(ctx, def),
    ]);
    const unit = NUMBER_FORMATS[def.unit];
    cardFormats.push([null, unit, unit, PROGRESS_FORMAT, null, unit, CHANGE_FORMAT, null, null, null]);
    (def.direction === 'higher' ? higherRows : lowerRows).push(`G${r}`);
  });
  const lastCard = L.firstCardRow + cards.length - 1;
  blocks.push({ range: cardTableRange(cards.length), cells: cardRows, numberFormats: cardFormats });
  conditionalFormats.push(...statusFormats(`E${L.firstCardRow}:E${lastCard}`, locale));
  if (higherRows.length) {
    conditionalFormats.push({ ranges: higherRows, rule: { type: 'greaterThan', value: 0 }, style: COLORS.good });
    conditionalFormats.push({ ranges: higherRows, rule: { type: 'lessThan', value: 0 }, style: COLORS.bad });
  }
  if (lowerRows.length) {
    conditionalFormats.push({ ranges: lowerRows, rule: { type: 'lessThan', value: 0 }, style: COLORS.good });
    conditionalFormats.push({ ranges: lowerRows, rule: { type: 'greaterThan', value: 0 }, style: COLORS.bad });
  }

  // insights: one row per diagnostic rule that the mapped data can feed
  const insightsTop = lastCard + 2;
  blocks.push({ range: cell(1, insightsTop), cells: [[tr(UI.insights, locale)]], style: { bold: true, fontSize: 12 } });
  const prior = (id: KpiId) => `${trendCell(id, trendTop)}:${trendCell(id, trendLast - 1)}`;
  const insightText = (rule: (typeof INSIGHT_RULES)[number], inputs: readonly KpiId[]): PlanCell => {
    const unmapped = [...new Set(inputs.flatMap((id) => ctx.missing.get(id) ?? []))];
    if (unmapped.length) return needsMapping(unmapped.map((m) => tr(fieldInfo(m).name, locale)), locale);
    return f(rule.formula({ at: (id, k) => trendCell(id, trendLast - k), prior, locale }, inputs));
  };
  // then one change explanation per ratio KPI card: its change since the previous period, split into its parts
  const changeCustom = new Set<string>();
  const periodCtx = (row: number) => {
    const period = { mapping: ctx.setup.mapping, options, start: `$${columnLetter(L.trendColumn)}${row}`, next: `$${columnLetter(L.trendColumn + 1)}${row}` };
    return { ...period, kpiCell: columnOrInline(columns, { ...period, cellOf: (other) => trendCell(other, row) }, changeCustom) };
  };
  const changeRows: PlanCell[][] = cards.filter(explainsChange).flatMap((id) => {
    const title = fill(tr(CHANGE_TITLE, locale), { name: tr(kpi(id).name, locale) });
    const unmapped = ctx.missing.get(id);
    if (unmapped) return [[title, needsMapping(unmapped.map((m) => tr(fieldInfo(m).name, locale)), locale)]];
    const built = changeFormula(id, { current: periodCtx(trendLast), previous: periodCtx(trendLast - 1), at: (k, n) => trendCell(k, trendLast - n), locale });
    built.custom.forEach((c) => changeCustom.add(c));
    // with a channel column, a second row: which channels drove the change, mix against rate
    const byChannel = channelChangeFormula(id, periodCtx(trendLast), periodCtx(trendLast - 1).start, locale);
    byChannel?.custom.forEach((c) => changeCustom.add(c));
    const channelRow: PlanCell[][] = byChannel ? [[fill(tr(CHANNEL_TITLE, locale), { name: tr(kpi(id).name, locale) }), f(byChannel.text)]] : [];
    return [[title, f(built.formula)], ...channelRow];
  });
  const ruleRows: PlanCell[][] = ctx.rules.map(({ rule, inputs }) => [tr(rule.title, locale), insightText(rule, inputs)]);
  const insightRows: PlanCell[][] = ruleRows.length + changeRows.length ? [...ruleRows, ...changeRows] : [[tr(UI.noRule, locale), null]];
  // the text wraps in a wide column B so a whole finding stays readable in its cell
  blocks.push({ range: rect(1, insightsTop + 1, 2, insightRows.length), cells: insightRows, style: { wrap: true }, ...(changeCustom.size ? { customFunctions: [...changeCustom] } : {}) });

  // one line chart per computed card, two per row below the insights
  const chartTop = insightsTop + 1 + insightRows.length + 1;
  cards
    .filter((id) => !ctx.missing.has(id))
    .forEach((id, i) => {
      const def = kpi(id);
      const col = colOf(id);
      charts.push({
        type: 'line',
        title: tr(def.name, locale),
        anchor: cell(i % 2 === 0 ? 1 : 6, chartTop + Math.floor(i / 2) * L.chartRows),
        widthPx: L.chartWidthPx,
        heightPx: L.chartHeightPx,
        categories: `${cell(L.trendColumn, trendTop)}:${cell(L.trendColumn, trendLast)}`,
        series: [{ name: tr(def.name, locale), values: `${cell(col, trendTop)}:${cell(col, trendLast)}` }],
        numberFormat: NUMBER_FORMATS[def.unit],
      });
    });

  const widths: Record<string, number> = { A: 220, K: 24 };
  for (let c = 2; c <= L.cardColumns; c++) widths[columnLetter(c)] = 100;
  if (insightRows[0][1] !== null) widths.B = INSIGHT_WIDTH;
  for (let c = L.trendColumn; c < L.trendColumn + trendWidth; c++) widths[columnLetter(c)] = 110;
  return sheet('dashboard', ctx.names.dashboard, { mode: 'replace', frozenRows: L.headerRow, columnWidths: widths, blocks, conditionalFormats, charts });
}

function goalsSheet(ctx: SheetContext): PlannedSheet {
  const { locale, cards, options } = ctx;
  const dash = sheetRef(ctx.names.dashboard);
  const asOf = asOfRef(ctx.names.dashboard);
  const rows: PlanCell[][] = [];
  const formats: (string | null)[][] = [];
  const C = GOAL_COLS;
  cards.forEach((id, i) => {
    const def = kpi(id);
    const r = 2 + i;
    const g = goalOf(ctx, id);
    const a = (col: number) => cell(col, r);
    const cells: GoalCells = {
      current: a(C.current), baseline: a(C.baseline), target: a(C.target), start: a(C.start), end: a(C.end),
      asOf, direction: def.direction, tolerance: options.tolerance, locale,
    };
    const kept = ctx.keepGoalCells?.[id] ?? {};
    const typed = (field: GoalCellField, value: PlanCell): PlanCell => (kept[field] !== undefined ? safeText(kept[field]!) : value);
    rows.push([
      safeText(tr(def.name, locale)),
      id,
      typed('baseline', g?.baseline ?? null),
      typed('target', g?.target ?? null),
      typed('start', g?.start ? Math.floor(toSerial(g.start)!) : null),
      typed('end', g?.end ? Math.floor(toSerial(g.end)!) : null),
      g?.owner ? safeText(g.owner) : null,
      typed('frequency', tr(FREQUENCY_LABELS[g?.frequency ?? def.frequency], locale)),
      f(`${dash}B${LAYOUT.firstCardRow + i}`),
      { formula: progressFormula(cells) },
      { formula: statusFormula(cells) },
    ]);
    const unit = NUMBER_FORMATS[def.unit];
    formats.push([null, null, unit, unit, DATE_FORMAT, DATE_FORMAT, null, null, unit, PROGRESS_FORMAT, null]);
  });
  const width = UI.goalHeaders.length;
  const blocks: CellBlock[] = [
    { range: goalsHeaderRange(width), cells: [UI.goalHeaders.map((h) => tr(h, locale))], style: headerStyle },
    { range: goalsTableRange(width, cards.length), cells: rows, numberFormats: formats },
  ];
  const widths: Record<string, number> = { A: 220, B: 130, G: 140, H: 110 };
  for (const c of ['C', 'D', 'E', 'F', 'I', 'J', 'K']) widths[c] = 100;
  return sheet('goals', ctx.names.goals, {
    mode: 'replace',
    frozenRows: 1,
    columnWidths: widths,
    blocks,
    conditionalFormats: statusFormats(`K2:K${cards.length + 1}`, locale),
    charts: [],
  });
}

/** The Note column right of the goals table (after the alert columns when present): goal-status.ts noteFormula. */
function withGoalNotes(goals: PlannedSheet, ctx: SheetContext, width: number): PlannedSheet {
  const n = ctx.cards.length;
  const C = GOAL_COLS;
  const notes: PlanCell[][] = ctx.cards.map((id, i) => {
    const a = (col: number) => cell(col, 2 + i);
    return [{ formula: noteFormula({
      current: a(C.current), baseline: a(C.baseline), target: a(C.target), start: a(C.start), end: a(C.end),
      asOf: asOfRef(ctx.names.dashboard), direction: kpi(id).direction, tolerance: ctx.options.tolerance, locale: ctx.locale,
    }) }];
  });
  const out = widen(goals, goalsHeaderRange(width), [[tr(GOAL_NOTES.header, ctx.locale)]], undefined);
  const letter = columnLetter(width + 1);
  return { ...out, blocks: [...out.blocks, { range: `${letter}2:${letter}${n + 1}`, cells: notes, style: { wrap: true, fontColor: '#7F6000' } }], columnWidths: { ...out.columnWidths, [letter]: 320 } };
}

function definitionsSheet(ctx: SheetContext): PlannedSheet {
  const { locale, cards } = ctx;
  const rows: PlanCell[][] = cards.map((id) => {
    const def = kpi(id);
    const g = goalOf(ctx, id);
    const sources = ctx.missing.has(id) ? '' : dataSources(ctx, def);
    return [
      safeText(tr(def.name, locale)),
      id,
      safeText(tr(def.description, locale)),
      def.coreFormula,
      def.nativeFormula ? safeText(tr(def.nativeFormula, locale)) : '',
      tr(def.nativeFormula ? UI.computedNative : UI.computedCustom, locale),
      tr(UNIT_LABELS[def.unit], locale),
      tr(DIRECTION_LABELS[def.direction], locale),
      tr(KIND_LABELS[def.kind], locale),
      tr(TIMING_LABELS[def.timing], locale),
      tr(STAGE_LABELS[def.stage], locale),
      tr(FREQUENCY_LABELS[g?.frequency ?? def.frequency], locale),
      g?.owner ? safeText(g.owner) : '',
      sources,
      def.vanity ? safeText(`${tr(def.vanity.risk, locale)} → ${def.vanity.alternatives.map((a) => tr(kpi(a).name, locale)).join(', ')}`) : '',
      def.hints.map((h) => tr(h, locale)).join(' '),
    ];
  });
  const width = UI.definitionHeaders.length;
  const widths: Record<string, number> = {};
  for (let c = 1; c <= width; c++) widths[columnLetter(c)] = [1, 3, 5, 14, 15, 16].includes(c) ? 260 : 120;
  return sheet('definitions', ctx.names.definitions, {
    mode: 'replace',
    frozenRows: 1,
    columnWidths: widths,
    blocks: [
      { range: rect(1, 1, width, 1), cells: [UI.definitionHeaders.map((h) => tr(h, locale))], style: headerStyle },
      { range: rect(1, 2, width, rows.length), cells: rows, style: { wrap: true } },
    ],
    conditionalFormats: [],
    charts: [],
  });
}

/** "'Marketing'!C:C (Spend), ..." for the fields a KPI reads. */
function dataSources(ctx: SheetContext, def: KpiDefinition): string {
  const refs = new Set(def.needs);
  def.optional?.forEach((o) => refs.add(o));
  const out: string[] = [];
  for (const ref of refs) {
    const ds = ctx.setup.mapping[ref.slice(0, ref.indexOf('.')) as keyof DashboardSetup['mapping']];
    const col = ds?.columns[ref.slice(ref.indexOf('.') + 1)];
    if (ds && col) out.push(`${wholeColumn(ds.sheet, col)} (${tr(fieldInfo(ref).name, ctx.locale)})`);
  }
  return out.join(', ');
}

function historySheet(ctx: SheetContext): PlannedSheet {
  // one row per KPI per period, written by "Snapshot now" (history.ts): the value column takes each KPI's format per row
  return sheet('history', ctx.names.history, {
    mode: 'append',
    frozenRows: 1,
    columnWidths: { A: 110, B: 220, C: 130, D: 120 },
    columnFormats: { A: DATE_FORMAT },
    blocks: [{ range: 'A1:D1', cells: [UI.historyHeaders.map((h) => tr(h, ctx.locale))], style: headerStyle }],
    conditionalFormats: [],
    charts: [],
  });
}
