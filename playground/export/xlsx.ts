import ExcelJS from 'exceljs';
import { serialFromYmd, toSerial } from '../../core/args/cells';
import { columnLetter } from '../../core/dashboard/a1';
import type { CellStyle, ChartSpec, ConditionalFormat, PrintSetup } from '../../core/dashboard/plan';
import { addCharts } from './charts';

/**
 * Writes sheets of rows to an .xlsx file (bytes), with ExcelJS. Runs in the browser (the
 * playground's "Download workbook", loaded as a lazy chunk) and in Node (tests): no fs, no
 * Buffer, no path here.
 *
 * A plain row cell is read the way a user typing it would mean it:
 * - text starting with "=" is a formula ("=SUM(A1:A3)"), written with English function names;
 * - text starting with "'" is text without the apostrophe ("'=x" shows =x);
 * - ISO text "2026-03-31" (or "2026-03-31 14:30", "2026-03-31T14:30:00") is a date: its day
 *   serial with the format yyyy-mm-dd (yyyy-mm-dd hh:mm with a time);
 * - a Date is a date read on the local wall clock, as the core reads Dates;
 * - numbers (finite), booleans and other text are written as they are; null, undefined and ""
 *   leave the cell empty.
 * A cell may also be an XlsxCell object ({ formula } or { value }, with a number format and a
 * style), which is how number formats and serial dates (a number with a date format) travel.
 */

/** One cell with its format. value follows the plain-cell rules above, except that text is always text. */
export interface XlsxCell {
  /** A formula with or without the leading "=". */
  readonly formula?: string;
  readonly value?: string | number | boolean | Date | null;
  /** Excel number format code, e.g. "#,##0.00", "yyyy-mm-dd", "0.0%". */
  readonly numFmt?: string | null;
  readonly style?: CellStyle;
}

/** A sheet to write. Only name and rows are required; the rest is what the dashboard plan adds. */
export interface XlsxSheet {
  readonly name: string;
  /** Row-major, from A1. Rows may differ in length. */
  readonly rows: readonly (readonly unknown[])[];
  /** Column widths in pixels, by column letter. */
  readonly columnWidths?: Readonly<Record<string, number>>;
  /** Number formats of whole columns, by letter (cells written later in Excel pick them up). */
  readonly columnFormats?: Readonly<Record<string, string>>;
  readonly frozenRows?: number;
  /** Conditional formats in the plan's shape (textEquals, greaterThan, lessThan). */
  readonly conditionalFormats?: readonly ConditionalFormat[];
  /** Formula conditions (Excel "use a formula"), written for the top-left cell of the first range, e.g. =$K5<>"". Checked after conditionalFormats. */
  readonly formulaFormats?: readonly FormulaFormat[];
  /** Hidden from the sheet tabs (the add-in's own store of frozen formulas). */
  readonly hidden?: boolean;
  /** The plan's charts, written as DrawingML chart parts (charts.ts). */
  readonly charts?: readonly ChartSpec[];
  /** Print area and page setup (the plan's, core/dashboard/print.ts). */
  readonly print?: PrintSetup;
}

/** A conditional format whose condition is a formula (the plan's optional alert formats have this shape). */
export interface FormulaFormat {
  readonly ranges: readonly string[];
  /** With or without the leading "=". */
  readonly formula: string;
  readonly style: { readonly background?: string; readonly fontColor?: string };
}

export const DATE_NUMBER_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_NUMBER_FORMAT = 'yyyy-mm-dd hh:mm';
const MAX_SHEET_NAME = 31;
/** Excel's column width unit is about one '0' of Calibri 11, 7 px. */
const PX_PER_WIDTH_UNIT = 7;

/**
 * Builds the .xlsx bytes. O(cells). Excel is told to recalculate every formula on open
 * (fullCalcOnLoad), since formulas are written without cached values.
 * @throws Error naming the sheet (and cell) when a sheet name is empty, too long, repeated or has
 *   one of : \ / ? * [ ], or when a cell is a non-finite number, an invalid date or an unknown shape.
 * @example
 *   const bytes = await workbookToXlsx([{ name: 'Data', rows: [['Month', 'Spend'], ['2026-01-01', 10], ['Total', '=SUM(B2:B2)']] }]);
 *   // bytes: a Uint8Array starting with "PK" (a zip), ready for a Blob or fs.writeFileSync
 */
export async function workbookToXlsx(sheets: readonly { name: string; rows: readonly (readonly unknown[])[] }[]): Promise<Uint8Array> {
  checkSheetNames(sheets.map((s) => s.name));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'KPI Pilot';
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of sheets as readonly XlsxSheet[]) writeSheet(wb.addWorksheet(sheet.name), sheet);
  const out = await wb.xlsx.writeBuffer();
  // Node gives a Buffer (a Uint8Array view into a shared pool), the browser build an ArrayBuffer
  const view = out as unknown as ArrayBuffer | Uint8Array;
  const bytes = view instanceof Uint8Array ? new Uint8Array(view.buffer, view.byteOffset, view.byteLength) : new Uint8Array(view);
  return addCharts(
    bytes,
    (sheets as readonly XlsxSheet[]).map((s) => ({ sheet: s.name, charts: s.charts ?? [] })),
  );
}

function checkSheetNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string' || !name.trim()) throw new Error('every sheet needs a name');
    if (name.length > MAX_SHEET_NAME)
      throw new Error(`sheet name "${name}" is longer than ${MAX_SHEET_NAME} characters, the most Excel allows`);
    if (/[:\\/?*[\]]/.test(name)) throw new Error(`sheet name "${name}" contains one of : \\ / ? * [ ], which Excel does not allow`);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new Error(`two sheets are named "${name}" (Excel ignores case in sheet names)`);
    seen.add(key);
  }
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: XlsxSheet): void {
  for (const [letter, px] of Object.entries(sheet.columnWidths ?? {})) ws.getColumn(letter).width = Math.max(1, px / PX_PER_WIDTH_UNIT);
  for (const [letter, fmt] of Object.entries(sheet.columnFormats ?? {})) ws.getColumn(letter).numFmt = fmt;
  if (sheet.hidden) ws.state = 'hidden';
  if (sheet.print) {
    // fitToHeight 0: as many pages down as needed
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: sheet.print.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: sheet.print.fit === 'page' ? 1 : 0,
      printArea: sheet.print.area,
    };
  }
  if (sheet.frozenRows && sheet.frozenRows > 0) ws.views = [{ state: 'frozen', ySplit: sheet.frozenRows, xSplit: 0 }];
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((raw, c) => {
      const content = cellContent(raw, () => `${sheet.name}!${columnLetter(c + 1)}${r + 1}`);
      if (!content) return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = content.value;
      if (content.numFmt) cell.numFmt = content.numFmt;
      if (content.quotePrefix) cell.style = { ...cell.style, quotePrefix: true } as ExcelJS.Style;
      if (content.style) applyStyle(cell, content.style);
    });
  });
  // priorities in plan order (1 = checked first): value rules, then formula rules (a cell's own status colour beats its row's)
  const rules = sheet.conditionalFormats ?? [];
  rules.forEach((cf, i) => ws.addConditionalFormatting(conditionalFormatting(cf, i + 1)));
  (sheet.formulaFormats ?? []).forEach((ff, i) =>
    ws.addConditionalFormatting({
      ref: ff.ranges.join(' '),
      rules: [{ type: 'expression', formulae: [ff.formula.replace(/^=/, '')], style: dxfStyle(ff.style), priority: rules.length + i + 1 }],
    }),
  );
}

interface Content {
  value: ExcelJS.CellValue;
  numFmt?: string;
  quotePrefix?: boolean;
  style?: CellStyle;
}

/** What to write for one row cell, or undefined for an empty cell. */
function cellContent(raw: unknown, where: () => string): Content | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  if (typeof raw === 'object' && !(raw instanceof Date)) {
    const x = raw as XlsxCell;
    if (!('formula' in x) && !('value' in x) && !('numFmt' in x) && !('style' in x))
      throw new Error(`${where()}: a cell object needs a formula or a value`);
    const base: Content | undefined =
      typeof x.formula === 'string' && x.formula.replace(/^=/, '')
        ? { value: { formula: x.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue }
        : typeof x.value === 'string' && x.value !== ''
          ? { value: x.value }
          : cellContent(x.value, where);
    const numFmt = x.numFmt ?? base?.numFmt;
    if (!base) return x.style || numFmt ? { value: null, numFmt: numFmt ?? undefined, style: x.style } : undefined;
    return { ...base, numFmt: numFmt ?? undefined, style: x.style };
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw new Error(`${where()}: ${raw} is not a number a spreadsheet can hold`);
    return { value: raw };
  }
  if (typeof raw === 'boolean') return { value: raw };
  if (raw instanceof Date) {
    const serial = toSerial(raw);
    if (serial === undefined) throw new Error(`${where()}: invalid date`);
    return { value: serial, numFmt: Number.isInteger(serial) ? DATE_NUMBER_FORMAT : DATE_TIME_NUMBER_FORMAT };
  }
  if (typeof raw === 'string') {
    if (raw.startsWith('=') && raw.length > 1) return { value: { formula: raw.slice(1) } as ExcelJS.CellFormulaValue };
    if (raw.startsWith("'")) return { value: raw.slice(1), quotePrefix: true };
    const date = isoSerial(raw);
    if (date !== undefined) return { value: date.serial, numFmt: date.hasTime ? DATE_TIME_NUMBER_FORMAT : DATE_NUMBER_FORMAT };
    return { value: raw };
  }
  throw new Error(`${where()}: cannot write a ${typeof raw} to a cell`);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;

/** Day serial of ISO text (a real calendar date, time optional), or undefined when it is not one. */
export function isoSerial(text: string): { serial: number; hasTime: boolean } | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const serial = toSerial(`${m[1]}-${m[2]}-${m[3]}`); // rejects 2026-02-30
  if (serial === undefined || serial < serialFromYmd(1900, 2, 1)) return undefined; // before 1900-03-01 the 1900 system has its leap-year quirk
  if (m[4] === undefined) return { serial, hasTime: false };
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || min > 59 || s >= 60) return undefined;
  return { serial: serial + (h * 3600 + min * 60 + s) / 86400, hasTime: true };
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.italic || style.fontColor || style.fontSize) {
    cell.font = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
    };
  }
  if (style.background) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.background) } };
  if (style.wrap || style.horizontalAlignment) {
    cell.alignment = {
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
    };
  }
}

/** The plan's rule as an Excel "cell value" rule over all its ranges (one sqref, space-separated). */
function conditionalFormatting(cf: ConditionalFormat, priority: number): ExcelJS.ConditionalFormattingOptions {
  const rule = cf.rule;
  const [operator, formula] =
    rule.type === 'textEquals' ? (['equal', `"${rule.text.replace(/"/g, '""')}"`] as const) : ([rule.type, String(rule.value)] as const);
  return { ref: cf.ranges.join(' '), rules: [{ type: 'cellIs', operator, formulae: [formula], style: dxfStyle(cf.style), priority }] };
}

/** A conditional format's look (a differential format: fills use bgColor there). */
function dxfStyle(s: { readonly background?: string; readonly fontColor?: string }): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(s.background) } };
  if (s.fontColor) style.font = { color: { argb: argb(s.fontColor) } };
  return style;
}
