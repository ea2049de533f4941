import { absCell, cell, columnLetter, rect, sheetRef } from '../a1';
import { kpi, KpiDefinition, KpiId } from '../catalog';
import { fieldInfo } from '../fields';
import { CHANGE_FORMAT, DATE_FORMAT, MONTH_FORMAT, NUMBER_FORMATS, PROGRESS_FORMAT } from '../format';
import { fill, tr } from '../i18n';
import { INSIGHT_RULES, needsMapping } from '../insights';
import { channelChangeFormula } from '../formulas';
import { CHANGE_TITLE, CHANNEL_TITLE, changeFormula, explainsChange } from '../insights-change';
import { KIND_LABELS, TIMING_LABELS, UI } from '../labels';
import { CellBlock, ConditionalFormat, ChartSpec, PlanCell, PlannedSheet } from '../plan';
import { template } from '../templates';
import { columnOrInline, trendFormula } from '../trend-columns';
import { alertColumn, cardHeaderRange, cardTableRange, cardWidth, COLORS, GOAL_COLS, goalRow, LAYOUT, trendColumnNumber } from '../layout';
import { alertCardColumn } from '../alerts/plan';

import { alertsInput, f, headerStyle, safeText, sheet, SheetContext, statusFormats } from './common';

/**
 * KPI Dashboard: title and as-of date, the card table (with the alert column when alerts are on),
 * the trend table, insights and one chart per card (layout.ts).
 */
function typeLabel(ctx: SheetContext, def: KpiDefinition): string {
  const parts = [tr(KIND_LABELS[def.kind], ctx.locale), tr(TIMING_LABELS[def.timing], ctx.locale)];
  const tpl = ctx.setup.template ? template(ctx.setup.template) : undefined;
  if (tpl?.northStar) parts.unshift(tr(tpl.northStar === def.id ? UI.northStar : UI.input, ctx.locale));
  return parts.join(' · ');
}

/** Column B's width (pixels) when insights are shown: a two-line finding fits. */
const INSIGHT_WIDTH = 420;

export function dashboardSheet(ctx: SheetContext): PlannedSheet {
  const { locale, cards, columns, options } = ctx;
  const T = options.trendPeriods;
  const L = LAYOUT;
  const goals = sheetRef(ctx.names.goals);
  const blocks: CellBlock[] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  const charts: ChartSpec[] = [];
  const input = alertsInput(ctx);
  const alerts = input && alertCardColumn(input);
  const cardCols = cardWidth(alerts !== undefined);

  blocks.push({ range: 'A1', cells: [[tr(UI.dashboardTitle, locale)]], style: { bold: true, fontSize: 16 } });
  blocks.push({
    range: 'A2:D2',
    cells: [[tr(UI.asOf, locale), ctx.asOf, tr(UI.period, locale), f(`DATE(YEAR(${L.asOfCell}),MONTH(${L.asOfCell}),1)`)]],
    numberFormats: [[null, DATE_FORMAT, null, MONTH_FORMAT]],
    style: { bold: true },
  });
  blocks.push({ range: 'A3', cells: [[tr(UI.note, locale)]], style: { italic: true, fontColor: '#666666' } });
  blocks.push({
    range: cardHeaderRange(cardCols),
    cells: [[...UI.cardHeaders.map((h) => tr(h, locale)), ...(alerts?.headers ?? [])]],
    style: headerStyle,
  });

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
      const built = trendFormula(id, columns, {
        mapping: ctx.setup.mapping,
        options,
        start,
        next,
        cellOf: (other) => trendCell(other, row),
      });
      built.custom.forEach((c) => custom.add(c));
      cells.push(f(built.text));
    }
    trendRows.push(cells);
    trendFormats.push([MONTH_FORMAT, DATE_FORMAT, ...columns.map((id) => NUMBER_FORMATS[kpi(id).unit])]);
  }
  const trendWidth = 2 + columns.length;
  blocks.push({
    range: cell(L.trendColumn, L.headerRow - 1),
    cells: [[tr(UI.trendTitle, locale)]],
    style: { italic: true, fontColor: '#666666' },
  });
  blocks.push({
    range: rect(L.trendColumn, L.headerRow, trendWidth, 1),
    cells: [[tr(UI.periodStart, locale), tr(UI.nextStart, locale), ...columns.map((id) => tr(kpi(id).name, locale))]],
    style: headerStyle,
  });
  blocks.push({
    range: rect(L.trendColumn, trendTop, trendWidth, T),
    cells: trendRows,
    numberFormats: trendFormats,
    customFunctions: [...custom],
  });

  // cards: one row per KPI
  const cardRows: PlanCell[][] = [];
  const cardFormats: (string | null)[][] = [];
  const higherRows: string[] = [];
  const lowerRows: string[] = [];
  cards.forEach((id, i) => {
    const def = kpi(id);
    const r = L.firstCardRow + i;
    const g = goalRow(i);
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
      ...(alerts?.rows[i] ?? []),
    ]);
    const unit = NUMBER_FORMATS[def.unit];
    cardFormats.push([null, unit, unit, PROGRESS_FORMAT, null, unit, CHANGE_FORMAT, null, null, null, ...(alerts?.formats[i] ?? [])]);
    (def.direction === 'higher' ? higherRows : lowerRows).push(`G${r}`);
  });
  const lastCard = L.firstCardRow + cards.length - 1;
  blocks.push({
    range: cardTableRange(cardCols, cards.length),
    cells: cardRows,
    numberFormats: cardFormats,
    ...(alerts?.customFunctions.length ? { customFunctions: alerts.customFunctions } : {}),
  });
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
    if (unmapped.length)
      return needsMapping(
        unmapped.map((m) => tr(fieldInfo(m).name, locale)),
        locale,
      );
    return f(rule.formula({ at: (id, k) => trendCell(id, trendLast - k), prior, locale }, inputs));
  };
  // then one change explanation per ratio KPI card: its change since the previous period, split into its parts
  const changeCustom = new Set<string>();
  const periodCtx = (row: number) => {
    const period = {
      mapping: ctx.setup.mapping,
      options,
      start: `$${columnLetter(L.trendColumn)}${row}`,
      next: `$${columnLetter(L.trendColumn + 1)}${row}`,
    };
    return { ...period, kpiCell: columnOrInline(columns, { ...period, cellOf: (other) => trendCell(other, row) }, changeCustom) };
  };
  const changeRows: PlanCell[][] = cards.filter(explainsChange).flatMap((id) => {
    const title = fill(tr(CHANGE_TITLE, locale), { name: tr(kpi(id).name, locale) });
    const unmapped = ctx.missing.get(id);
    if (unmapped)
      return [
        [
          title,
          needsMapping(
            unmapped.map((m) => tr(fieldInfo(m).name, locale)),
            locale,
          ),
        ],
      ];
    const built = changeFormula(id, {
      current: periodCtx(trendLast),
      previous: periodCtx(trendLast - 1),
      at: (k, n) => trendCell(k, trendLast - n),
      locale,
    });
    built.custom.forEach((c) => changeCustom.add(c));
    // with a channel column, a second row: which channels drove the change, mix against rate
    const byChannel = channelChangeFormula(id, periodCtx(trendLast), periodCtx(trendLast - 1).start, locale);
    byChannel?.custom.forEach((c) => changeCustom.add(c));
    const channelRow: PlanCell[][] = byChannel
      ? [[fill(tr(CHANNEL_TITLE, locale), { name: tr(kpi(id).name, locale) }), f(byChannel.text)]]
      : [];
    return [[title, f(built.formula)], ...channelRow];
  });
  const ruleRows: PlanCell[][] = ctx.rules.map(({ rule, inputs }) => [tr(rule.title, locale), insightText(rule, inputs)]);
  const insightRows: PlanCell[][] = ruleRows.length + changeRows.length ? [...ruleRows, ...changeRows] : [[tr(UI.noRule, locale), null]];
  // the text wraps in a wide column B so a whole finding stays readable in its cell
  blocks.push({
    range: rect(1, insightsTop + 1, 2, insightRows.length),
    cells: insightRows,
    style: { wrap: true },
    ...(changeCustom.size ? { customFunctions: [...changeCustom] } : {}),
  });

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

  // the column right of the cards: a narrow gap, or the alert labels
  const widths: Record<string, number> = { A: 220, [alertColumn()]: 24 };
  for (let c = 2; c <= L.cardColumns; c++) widths[columnLetter(c)] = 100;
  if (insightRows[0][1] !== null) widths.B = INSIGHT_WIDTH;
  for (let c = L.trendColumn; c < L.trendColumn + trendWidth; c++) widths[columnLetter(c)] = 110;
  Object.assign(widths, alerts?.widths);
  if (alerts) conditionalFormats.push(...alerts.conditionalFormats);
  return sheet('dashboard', ctx.names.dashboard, {
    mode: 'replace',
    frozenRows: L.headerRow,
    columnWidths: widths,
    blocks,
    conditionalFormats,
    charts,
    ...(alerts ? { formulaFormats: alerts.formulaFormats } : {}),
  });
}
