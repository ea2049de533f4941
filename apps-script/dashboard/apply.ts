import {
  ChartSpec,
  ConditionalFormat,
  DashboardPlan,
  FormulaConditionalFormat,
  MARKER_KEY,
  PlannedSheet,
  SheetRole,
} from '../../core/dashboard/plan';
import { recordAnchors } from './anchors';
import { gridRect, SheetGrids, sheetGrids, widthRuns } from './grid';
import { message } from './messages';
import { rememberSheetIds } from './sheet-ids';
import { markedSheet, SheetsState } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** What the applier writes from a plan: its sheets, the anchors over them, and the locale of its messages. */
export type AppliedPlan = Pick<DashboardPlan, 'locale' | 'sheets' | 'anchors'>;

export interface ApplyResult {
  /** Names of the planned sheets, dashboard first. */
  readonly sheets: string[];
  /** Roles whose sheet was created by this run (the others were rewritten in place or left, for History). */
  readonly created: string[];
  /** The sheet written or kept for each planned role. */
  readonly byRole: Partial<Record<SheetRole, Sheet>>;
}

/**
 * Writes a dashboard plan through SpreadsheetApp. The plan decides the names (core
 * resolveSheetNames); this only ever writes a sheet that carries our marker for that role
 * under that name, or a sheet it creates. Per sheet, whatever the data size:
 * - replace, existing: clear() (contents and formats), getCharts + removeChart for each chart;
 * - new: insertSheet at the end + addDeveloperMetadata(MARKER_KEY, role);
 * - append (History), existing: nothing at all, so no row is ever rewritten;
 * - then frozen rows, one setColumnWidths per run of equal widths, column formats, ONE
 *   rectangle for every block (setNumberFormats, setValues, one 2-D setter per style property),
 *   all conditional rules (value rules, then the plan's formula rules) in one
 *   setConditionalFormatRules, and the charts (line or clustered column).
 * A sheet whose plan asks for minRows (a custom function's spill) gets that many rows first.
 * Ends on the dashboard and flushes, so an error surfaces while the caller holds the lock.
 * @throws Error when a planned name belongs to a sheet without our marker (never written)
 */
export function applyPlan(ss: Spreadsheet, plan: AppliedPlan, state: SheetsState): ApplyResult {
  const taken = new Set(state.existing.map((s) => s.name.toLowerCase()));
  let index = state.sheets.length;
  const created: string[] = [];
  const byRole: Partial<Record<SheetRole, Sheet>> = {};
  for (const planned of plan.sheets) {
    let sheet = markedSheet(state, planned.role, planned.name);
    const isNew = !sheet;
    if (sheet) {
      byRole[planned.role] = sheet;
      if (planned.mode === 'append') continue;
      clearOurSheet(sheet, planned);
    } else {
      // resolveSheetNames never picks a user's name; this guards a plan built from a stale list
      if (taken.has(planned.name.toLowerCase())) throw new Error(message('userSheet', plan.locale, { name: planned.name }));
      sheet = ss.insertSheet(planned.name, index++);
      sheet.addDeveloperMetadata(MARKER_KEY, planned.role, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
      taken.add(planned.name.toLowerCase());
      created.push(planned.role);
    }
    byRole[planned.role] = sheet;
    writeSheet(sheet, planned, isNew);
  }
  recordAnchors(ss, plan, byRole);
  rememberSheetIds(byRole); // what tells these sheets from a user's copy of them later
  if (byRole.dashboard) ss.setActiveSheet(byRole.dashboard);
  SpreadsheetApp.flush();
  return { sheets: plan.sheets.map((s) => s.name), created, byRole };
}

/**
 * Everything on one of OUR sheets that a regeneration rewrites: cells and formats, and the charts
 * of the sheet the plan draws charts on (the dashboard), so a chart a user added to our Goals
 * sheet stays and no round trip is spent looking. Conditional rules are replaced as a whole later.
 */
function clearOurSheet(sheet: Sheet, planned: PlannedSheet): void {
  sheet.clear();
  if (planned.role === 'dashboard' || planned.charts.length) for (const chart of sheet.getCharts()) sheet.removeChart(chart);
}

/** A new sheet's grid: Sheets creates 1000 rows × 26 columns, and a range outside the grid throws. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

/**
 * Grows the grid to hold everything the plan writes (the trend table passes column Z when a
 * dashboard has many KPIs). The size of an existing sheet is read only when the plan needs more
 * than a new sheet has, so the usual regeneration costs no extra round trip.
 */
function ensureGrid(sheet: Sheet, planned: PlannedSheet, grids: SheetGrids | null, isNew: boolean): void {
  // Sheets does not add rows for a custom function's spill: the plan says how many it needs
  let rows = Math.max(grids ? grids.rect.row + grids.rect.rows - 1 : 1, planned.minRows ?? 0);
  let cols = grids ? grids.rect.col + grids.rect.cols - 1 : 1;
  for (const letter of [...Object.keys(planned.columnWidths), ...Object.keys(planned.columnFormats ?? {})])
    cols = Math.max(cols, gridRect(`${letter}1`).col);
  for (const a1 of [...ruleRanges(planned), ...planned.charts.flatMap((c) => [c.anchor, c.categories, ...c.series.map((x) => x.values)])]) {
    const r = gridRect(a1);
    rows = Math.max(rows, r.row + r.rows - 1);
    cols = Math.max(cols, r.col + r.cols - 1);
  }
  if (cols > NEW_SHEET_COLUMNS) {
    const have = isNew ? NEW_SHEET_COLUMNS : sheet.getMaxColumns();
    if (cols > have) sheet.insertColumnsAfter(have, cols - have);
  }
  // a spilling sheet (minRows) reads its size on every regeneration, so the round trips are the
  // same whatever the data size; only the one insertRowsAfter depends on it
  if (rows > NEW_SHEET_ROWS || (planned.minRows !== undefined && !isNew)) {
    const have = isNew ? NEW_SHEET_ROWS : sheet.getMaxRows();
    if (rows > have) sheet.insertRowsAfter(have, rows - have);
  }
}

function writeSheet(sheet: Sheet, planned: PlannedSheet, isNew: boolean): void {
  const grids = sheetGrids(planned);
  ensureGrid(sheet, planned, grids, isNew);
  if (planned.frozenRows || !isNew) sheet.setFrozenRows(planned.frozenRows);
  for (const [start, count, width] of widthRuns(planned.columnWidths)) sheet.setColumnWidths(start, count, width);
  writeColumnFormats(sheet, planned.columnFormats ?? {});
  if (grids) {
    const { row, col, rows, cols } = grids.rect;
    const range = sheet.getRange(row, col, rows, cols);
    range.setNumberFormats(grids.numberFormats); // before the values: "@" cells then take text as text
    range.setValues(grids.values);
    if (grids.fontWeights) range.setFontWeights(grids.fontWeights);
    if (grids.fontStyles) range.setFontStyles(grids.fontStyles);
    if (grids.fontSizes) range.setFontSizes(grids.fontSizes);
    if (grids.fontColors) range.setFontColors(grids.fontColors);
    if (grids.backgrounds) range.setBackgrounds(grids.backgrounds);
    if (grids.horizontalAlignments) range.setHorizontalAlignments(grids.horizontalAlignments);
    if (grids.wraps) {
      const W = SpreadsheetApp.WrapStrategy;
      range.setWrapStrategies(grids.wraps.map((r) => r.map((w) => (w ? W.WRAP : W.OVERFLOW))));
    }
  }
  // conditional rules and charts need Range objects: one getRangeList for all of them
  const a1s = [...new Set([...ruleRanges(planned), ...planned.charts.flatMap((c) => [c.categories, ...c.series.map((s) => s.values)])])];
  const ranges = new Map<string, Range>();
  if (a1s.length)
    sheet
      .getRangeList(a1s)
      .getRanges()
      .forEach((r, i) => ranges.set(a1s[i], r));
  const formulaFormats = planned.formulaFormats ?? [];
  // value rules first: Sheets applies the first matching rule of a cell, and the plan's formula
  // rules (alerts) colour other cells (the KPI name and value) than its value rules
  const rules = [
    ...planned.conditionalFormats.map((c) => conditionalRule(c, ranges)),
    ...formulaFormats.map((c) => formulaRule(c, ranges)),
  ];
  if (rules.length || !isNew) sheet.setConditionalFormatRules(rules);
  for (const chart of planned.charts) sheet.insertChart(chartOf(sheet, chart, ranges));
}

/** Whole-column formats (History's date column), one getRangeList per distinct format. */
function writeColumnFormats(sheet: Sheet, formats: Readonly<Record<string, string>>): void {
  const byFormat = new Map<string, string[]>();
  for (const [letter, format] of Object.entries(formats)) byFormat.set(format, [...(byFormat.get(format) ?? []), `${letter}:${letter}`]);
  for (const [format, cols] of byFormat) sheet.getRangeList(cols).setNumberFormat(format);
}

/** Every A1 range a sheet's conditional rules use. */
function ruleRanges(planned: PlannedSheet): string[] {
  return [...planned.conditionalFormats.flatMap((c) => c.ranges), ...(planned.formulaFormats ?? []).flatMap((c) => c.ranges)];
}

function conditionalRule(c: ConditionalFormat, ranges: ReadonlyMap<string, Range>): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let b = SpreadsheetApp.newConditionalFormatRule();
  const rule = c.rule;
  if (rule.type === 'textEquals') b = b.whenTextEqualTo(rule.text);
  else if (rule.type === 'greaterThan') b = b.whenNumberGreaterThan(rule.value);
  else b = b.whenNumberLessThan(rule.value);
  if (c.style.background) b = b.setBackground(c.style.background);
  if (c.style.fontColor) b = b.setFontColor(c.style.fontColor);
  return b.setRanges(c.ranges.map((a1) => ranges.get(a1)!)).build();
}

/** A custom-formula rule (alerts: the KPI name and value of a card in breach): whenFormulaSatisfied. */
function formulaRule(c: FormulaConditionalFormat, ranges: ReadonlyMap<string, Range>): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let b = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(c.formula);
  if (c.style.background) b = b.setBackground(c.style.background);
  if (c.style.fontColor) b = b.setFontColor(c.style.fontColor);
  return b.setRanges(c.ranges.map((a1) => ranges.get(a1)!)).build();
}

/**
 * A line chart (one KPI's trend) or a clustered column chart (the Attribution comparison):
 * categories then one range per series, no header row (the ranges hold data only). One series:
 * the title names it, no legend. Several: a legend below, each series labelled with its plan
 * name (the ranges carry no header to take it from).
 */
function chartOf(sheet: Sheet, spec: ChartSpec, ranges: ReadonlyMap<string, Range>): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const at = gridRect(spec.anchor);
  const start = sheet.newChart();
  let b: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder = (spec.type === 'column' ? start.asColumnChart() : start.asLineChart())
    .setTitle(spec.title)
    .addRange(ranges.get(spec.categories)!);
  for (const s of spec.series) b = b.addRange(ranges.get(s.values)!);
  b = b
    .setNumHeaders(0)
    .setPosition(at.row, at.col, 0, 0)
    .setOption('legend', { position: spec.series.length > 1 ? 'bottom' : 'none' })
    .setOption('width', spec.widthPx)
    .setOption('height', spec.heightPx)
    .setOption('vAxis', { format: spec.numberFormat });
  if (spec.series.length > 1) b = b.setOption('series', Object.fromEntries(spec.series.map((s, i) => [i, { labelInLegend: s.name }])));
  return b.build();
}
