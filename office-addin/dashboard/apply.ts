import { renderPlan } from '../../core/dashboard/dialect';
import {
  CellBlock,
  ChartSpec,
  ConditionalFormat,
  DashboardPlan,
  FormulaConditionalFormat,
  MARKER_KEY,
  PlannedSheet,
  SheetRole,
} from '../../core/dashboard/plan';
import { ALIGNMENT, excelFormulas, excelNumberFormats, points, textLiteral } from './cells';
import { CHART_PREFIX, DiscoveredSheet, markerFormula } from './markers';
import { queuePrint } from './print';
import { queueAnchorLookup, queueAnchors } from './anchors';

/**
 * The Excel applier: writes a DashboardPlan inside one Excel.run. Each planned sheet is queued
 * whole (create or clear, blocks, formats, conditional formats, charts, frozen rows, widths) and
 * sent in ONE context.sync, so a dashboard costs one sync per sheet plus the two of discovery,
 * whatever the data size: the data never crosses the bridge, formulas read it in the workbook.
 * Requirement sets: ExcelApi 1.4 (sheet-scoped names), 1.6 (conditional formats, custom-formula
 * ones too), 1.7 (chart series), 1.8 (value-axis number format). PlannedSheet.minRows needs
 * nothing here: an Excel sheet always has 1,048,576 rows and spills grow into them.
 */
export interface ApplyResult {
  /** Names of the sheets written or kept, in plan order (dashboard first). */
  readonly sheets: string[];
  /** Sheets left exactly as they were (an existing KPI History). */
  readonly untouched: string[];
  /** Excel's worksheet id of each planned sheet, by role, to record (what tells ours from a user's copy). */
  readonly ids: Partial<Record<SheetRole, string>>;
}

export type SheetProgress = (sheet: string, done: number, total: number) => void;

/**
 * Applies a plan built by core buildPlan with `existingSheets(discovered)`: our sheets are found by
 * their marker, a user's sheet is never opened (the planner already chose another name for ours).
 * O(plan cells) work; one sync per sheet written (a kept History costs none), after the two of discovery.
 * @throws Error when the plan names an existing sheet that carries no marker of ours (never
 *   written over), or whatever Excel reports at a sync.
 */
export async function applyPlan(
  context: Excel.RequestContext,
  plan: DashboardPlan,
  discovered: readonly DiscoveredSheet[],
  progress?: SheetProgress,
): Promise<ApplyResult> {
  const rendered = renderPlan(plan, 'excel');
  const byName = new Map(discovered.map((s) => [s.name.toLowerCase(), s]));
  const written: string[] = [];
  const untouched: string[] = [];
  const created: { role: SheetRole; worksheet: Excel.Worksheet }[] = [];
  const ids: Partial<Record<SheetRole, string>> = {};
  // the anchors' names are looked up with the first sheet's sync and recorded with the next one's
  let lookups: ReturnType<typeof queueAnchorLookup> | null = queueAnchorLookup(context, plan);
  let dashboard: Excel.Worksheet | null = null;
  for (const [i, planned] of rendered.sheets.entries()) {
    const found = byName.get(planned.name.toLowerCase());
    if (found && found.marker !== planned.role)
      throw new Error(`"${planned.name}" is not a KPI Pilot ${planned.role} sheet; it was left untouched`);
    if (found) ids[planned.role] = found.id;
    if (found && planned.mode === 'append') {
      untouched.push(planned.name); // KPI History: existing rows are never rewritten, nothing to send
    } else {
      const worksheet = found ? clearSheet(found) : createSheet(context, planned);
      if (!found) {
        worksheet.load('id'); // known at this sheet's sync, no sync of its own
        created.push({ role: planned.role, worksheet });
      }
      if (lookups && dashboard && i > 0) {
        queueAnchors(context, dashboard, lookups);
        lookups = null;
      }
      queueSheet(worksheet, planned);
      if (planned.role === 'dashboard') {
        worksheet.activate();
        dashboard = worksheet;
      }
      await context.sync();
    }
    written.push(planned.name);
    progress?.(planned.name, i + 1, rendered.sheets.length);
  }
  if (lookups && dashboard) {
    queueAnchors(context, dashboard, lookups); // a plan of the dashboard alone
    await context.sync();
  }
  for (const c of created) ids[c.role] = c.worksheet.id;
  return { sheets: written, untouched, ids };
}

function createSheet(context: Excel.RequestContext, planned: PlannedSheet): Excel.Worksheet {
  const worksheet = context.workbook.worksheets.add(planned.name);
  const marker = worksheet.names.add(MARKER_KEY, markerFormula(planned.role));
  marker.visible = false; // not offered in the Name Manager's everyday list, so not deleted by accident
  return worksheet;
}

/** 'replace' on our existing sheet: contents, formats, conditional formats, our charts, frozen panes. The marker stays. */
function clearSheet(sheet: DiscoveredSheet): Excel.Worksheet {
  const all = sheet.worksheet.getRange();
  all.clear('All');
  all.conditionalFormats.clearAll();
  for (const chart of sheet.ourCharts) chart.delete();
  sheet.worksheet.freezePanes.unfreeze();
  return sheet.worksheet;
}

function queueSheet(worksheet: Excel.Worksheet, planned: PlannedSheet): void {
  for (const block of planned.blocks) queueBlock(worksheet, block);
  for (const [column, px] of Object.entries(planned.columnWidths))
    worksheet.getRange(`${column}:${column}`).format.columnWidth = points(px);
  // planned.columnFormats: Excel refuses cell-level properties on whole columns (unbounded ranges);
  // the snapshot writes them on each row it appends instead.
  if (planned.frozenRows > 0) worksheet.freezePanes.freezeRows(planned.frozenRows);
  for (const cf of planned.conditionalFormats) queueConditionalFormat(worksheet, cf);
  for (const cf of planned.formulaFormats ?? []) queueFormulaFormat(worksheet, cf);
  planned.charts.forEach((chart, i) => queueChart(worksheet, chart, i));
  queuePrint(worksheet, planned.print);
}

function queueBlock(worksheet: Excel.Worksheet, block: CellBlock): void {
  const range = worksheet.getRange(block.range);
  range.formulas = excelFormulas(block.cells);
  if (block.numberFormats) range.numberFormat = excelNumberFormats(block.numberFormats);
  const style = block.style;
  if (!style) return;
  const format = range.format;
  if (style.background) format.fill.color = style.background;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fontColor) format.font.color = style.fontColor;
  if (style.fontSize) format.font.size = style.fontSize;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.horizontalAlignment) format.horizontalAlignment = ALIGNMENT[style.horizontalAlignment];
}

/**
 * Every plan rule becomes a cell-value rule: text equality as `="On track"` (Excel's text-comparison
 * rule only has contains / begins / ends, which is not equality), numbers as greater / less than.
 * One conditional format per range (ExcelApi 1.6; RangeAreas would need 1.9).
 */
function queueConditionalFormat(worksheet: Excel.Worksheet, cf: ConditionalFormat): void {
  const rule: Excel.ConditionalCellValueRule =
    cf.rule.type === 'textEquals'
      ? { operator: 'EqualTo', formula1: textLiteral(cf.rule.text) }
      : { operator: cf.rule.type === 'greaterThan' ? 'GreaterThan' : 'LessThan', formula1: String(cf.rule.value) };
  for (const address of cf.ranges) {
    const format = worksheet.getRange(address).conditionalFormats.add('CellValue');
    format.cellValue.rule = rule;
    if (cf.style.background) format.cellValue.format.fill.color = cf.style.background;
    if (cf.style.fontColor) format.cellValue.format.font.color = cf.style.fontColor;
  }
}

/**
 * A custom-formula rule (alerts: the KPI name and value of a card in breach). The plan's formula
 * is written for the top-left cell of the range with $ where it must not move, which is how
 * Excel reads a custom conditional format's formula too (=$K5<>"" is the same text in both).
 */
function queueFormulaFormat(worksheet: Excel.Worksheet, cf: FormulaConditionalFormat): void {
  for (const address of cf.ranges) {
    const format = worksheet.getRange(address).conditionalFormats.add('Custom');
    format.custom.rule.formula = cf.formula;
    if (cf.style.background) format.custom.format.fill.color = cf.style.background;
    if (cf.style.fontColor) format.custom.format.font.color = cf.style.fontColor;
  }
}

/**
 * A line chart (a KPI's trend) or a clustered column chart (the Attribution comparison): created
 * on its first series, the others added (ExcelApi 1.7), categories set on each.
 */
function queueChart(worksheet: Excel.Worksheet, spec: ChartSpec, index: number): void {
  if (spec.series.length === 0) return;
  const categories = worksheet.getRange(spec.categories);
  const chart = worksheet.charts.add(
    spec.type === 'column' ? 'ColumnClustered' : 'Line',
    worksheet.getRange(spec.series[0].values),
    'Columns',
  );
  chart.name = `${CHART_PREFIX}${index + 1}`;
  chart.title.text = spec.title;
  chart.setPosition(spec.anchor);
  chart.width = points(spec.widthPx);
  chart.height = points(spec.heightPx);
  chart.legend.visible = spec.series.length > 1;
  chart.axes.valueAxis.numberFormat = spec.numberFormat;
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    if (i > 0) series.setValues(worksheet.getRange(s.values));
    series.setXAxisValues(categories);
  });
}
