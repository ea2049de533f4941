import { DetailedCellError, FunctionPluginDefinition, HyperFormula, RawCellContent, SimpleCellAddress } from 'hyperformula';
import type { CellStyle, ConditionalFormat, FormulaConditionalFormat, SheetRole } from '../../core/dashboard/plan';
import { columnLetter as a1Column, columnNumber, parseRect } from '../../core/dashboard/a1';
import { FUNCTIONS } from '../../core/functions';
import { setGridLimits } from '../../core/registry/limits';
import { createKpiPlugin, functionTranslations, spillSizes } from './kpi-plugin';
import type { Locale } from '../../core/dashboard/i18n';
import { resultFormat } from '../../core/registry/units';
import { explainError } from './explain-error';
import { calls } from './formula-text';
import { formatWithCode, localizeGeneral } from './number-format';

let registered = false;

/** Registers the KPI Pilot plugin once per page (HyperFormula keeps plugins globally). */
function registerPlugin(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(createKpiPlugin(FUNCTIONS) as unknown as FunctionPluginDefinition, {
    enGB: functionTranslations(FUNCTIONS),
  });
  registered = true;
}

export interface CellView {
  /** What the grid shows. */
  display: string;
  /** The formula, or the raw value as typed. */
  input: string;
  /** The error's message, when the cell shows an error. */
  error?: string;
  kind: 'number' | 'text' | 'boolean' | 'date' | 'error' | 'empty';
}

/**
 * What the grid shows of a sheet's formats: number formats and styles per cell, conditional
 * formats, column widths. Only the add-in's generated sheets carry any; a user's sheet has none.
 */
export interface SheetLook {
  readonly cells: Map<string, { numberFormat?: string | null; style?: CellStyle }>;
  conditional: readonly ConditionalFormat[];
  /** Formula-based conditional formats (the alert highlighting of the dashboard's cards). */
  formulaFormats: readonly FormulaConditionalFormat[];
  columnWidths: Readonly<Record<string, number>>;
  /** Number formats of whole columns by letter, for rows appended later (KPI History dates). */
  columnFormats: Readonly<Record<string, string>>;
  frozenRows: number;
}

/** Rows of a playground sheet (HyperFormula maxRows). */
const MAX_ROWS = 100000;
const cellKey = (row: number, col: number) => `${row}:${col}`;

/**
 * The playground's workbook: HyperFormula with the KPI functions, ISO dates understood as dates,
 * and spill areas kept in step with the tables the functions return.
 */
export class Workbook {
  readonly hf: HyperFormula;
  /** Formats of the sheets that have any, by sheet id. */
  private readonly looks = new Map<number, SheetLook>();
  /**
   * The KPI Pilot marker of each generated sheet, by sheet id: the playground's equivalent of
   * Sheets developer metadata. A sheet without an entry is the user's and is never written.
   */
  readonly markers = new Map<number, SheetRole>();
  /** How numbers are written in the grid (decimal comma in French). */
  locale: Locale = 'en';

  constructor(sheets: Record<string, RawCellContent[][]>) {
    registerPlugin();
    // results are checked against this workbook's grid (HyperFormula's default 18,278 columns)
    setGridLimits({ name: 'the playground', rows: MAX_ROWS, columns: 18278, cells: MAX_ROWS * 18278 });
    this.hf = HyperFormula.buildFromSheets(sheets, {
      licenseKey: 'gpl-v3',
      dateFormats: ['YYYY-MM-DD', 'DD/MM/YYYY'],
      nullDate: { year: 1899, month: 12, day: 30 }, // the 1900 date system, as Sheets and Excel
      useArrayArithmetic: true,
      maxRows: MAX_ROWS,
      parseDateTime: quickDateTime,
    });
    this.settle();
  }

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet named ${name}`);
    return id;
  }

  size(sheet: number): { rows: number; cols: number } {
    const { height, width } = this.hf.getSheetDimensions(sheet);
    return { rows: height, cols: width };
  }

  /** Sets one cell as a user would type it, then lets spilled tables settle. */
  setCell(address: SimpleCellAddress, content: RawCellContent): void {
    this.hf.setCellContents(address, [[content]]);
    this.settle();
  }

  addSheet(name: string, rows: RawCellContent[][]): number {
    const added = this.hf.addSheet(name);
    const id = this.sheetId(added);
    if (rows.length) this.hf.setCellContents({ sheet: id, row: 0, col: 0 }, rows);
    this.settle();
    return id;
  }

  /** Removes a sheet with its formats and marker. */
  removeSheet(id: number): void {
    this.hf.removeSheet(id);
    this.looks.delete(id);
    this.markers.delete(id);
    this.settle();
  }

  /** Empties a sheet: contents, formats, conditional formats (the sheet and its marker stay). */
  clearSheet(id: number): void {
    this.hf.clearSheet(id);
    this.looks.delete(id);
  }

  /** The formats of a sheet, created on first use. */
  look(id: number): SheetLook {
    let look = this.looks.get(id);
    if (!look) {
      look = { cells: new Map(), conditional: [], formulaFormats: [], columnWidths: {}, columnFormats: {}, frozenRows: 0 };
      this.looks.set(id, look);
    }
    return look;
  }

  /** The formats of a sheet if it has any (nothing is created). */
  lookOf(id: number): SheetLook | undefined {
    return this.looks.get(id);
  }

  columnWidths(id: number): Readonly<Record<string, number>> {
    return this.looks.get(id)?.columnWidths ?? {};
  }

  /** Number format and style of one cell (with its conditional formats applied), if the sheet has formats. */
  format(address: SimpleCellAddress): { numberFormat?: string | null; style?: CellStyle } | undefined {
    const look = this.looks.get(address.sheet);
    if (!look) return undefined;
    let own = look.cells.get(cellKey(address.row, address.col));
    const columnFormat = look.columnFormats[columnLetter(address.col)];
    if (columnFormat && !own?.numberFormat) own = { ...own, numberFormat: columnFormat };
    const conditional =
      conditionalStyle(look.conditional, address, this.hf.getCellValue(address)) ?? this.formulaStyle(look.formulaFormats, address);
    if (!conditional) return own;
    return { numberFormat: own?.numberFormat, style: { ...own?.style, ...conditional } };
  }

  /**
   * The style of the first formula format that holds at this cell: its formula, written for the
   * top-left cell of its first range, moved to this cell (relative references shift, $ ones stay)
   * and evaluated now, so the highlighting follows the data. Cost: one small formula per cell in
   * those ranges as it is painted (a dashboard has a dozen).
   */
  private formulaStyle(rules: readonly FormulaConditionalFormat[], at: SimpleCellAddress): CellStyle | undefined {
    for (const rule of rules) {
      if (!rule.ranges.some((r) => inRange(r, at))) continue;
      const origin = topLeft(rule.ranges[0]);
      if (!origin) continue;
      const value = this.hf.calculateFormula(shiftFormula(rule.formula, at.row - origin.row, at.col - origin.col), at.sheet);
      if (value === true || (typeof value === 'number' && value !== 0)) return rule.style;
    }
    return undefined;
  }

  /** Sets a cell's number format ("General" shows numbers as they are), keeping its style. */
  setNumberFormat(sheet: number, row: number, col: number, numberFormat: string | undefined): void {
    const cells = this.look(sheet).cells;
    const key = cellKey(row, col);
    const own = cells.get(key);
    if (numberFormat === undefined && !own?.style) cells.delete(key);
    else cells.set(key, { ...own, numberFormat });
  }

  /**
   * The number format a cell shows: its own, else the default of the KPI function it calls
   * ("=ROMI(...)" shows a percentage, "=CAC(...)" money), else none (General).
   */
  numberFormatAt(address: SimpleCellAddress): string | undefined {
    const own = this.looks.size ? this.format(address)?.numberFormat : undefined;
    if (own) return own;
    const formula = this.hf.getCellFormula(address);
    return formula ? defaultFormat(formula) : undefined;
  }

  setFormat(sheet: number, row: number, col: number, numberFormat: string | null | undefined, style: CellStyle | undefined): void {
    if (numberFormat === undefined && !style) return;
    this.look(sheet).cells.set(cellKey(row, col), { numberFormat, style });
  }

  /**
   * HyperFormula reserves a table's spill area before evaluating it; when a function's table came
   * out another size (its inputs were not computed when the area was reserved), re-enter the
   * formula so the area matches. Two passes settle any chain of tables feeding tables.
   */
  settle(): void {
    for (let pass = 0; pass < 3 && spillSizes.mismatched.size > 0; pass++) {
      const keys = [...spillSizes.mismatched];
      spillSizes.mismatched.clear();
      this.hf.batch(() => {
        for (const key of keys) {
          const [sheet, row, col] = key.split(':').map(Number);
          const address = { sheet, row, col };
          const formula = this.hf.getCellFormula(address);
          if (formula) this.hf.setCellContents(address, [[formula]]);
        }
      });
    }
  }

  /** settle() one formula at a time, letting `breathe` yield to the page between them. */
  async settleGradually(breathe: () => Promise<void>): Promise<void> {
    for (let pass = 0; pass < 3 && spillSizes.mismatched.size > 0; pass++) {
      const keys = [...spillSizes.mismatched];
      spillSizes.mismatched.clear();
      for (const key of keys) {
        const [sheet, row, col] = key.split(':').map(Number);
        const address = { sheet, row, col };
        const formula = this.hf.doesSheetExist(this.hf.getSheetName(sheet) ?? '') ? this.hf.getCellFormula(address) : undefined;
        if (formula) this.hf.setCellContents(address, [[formula]]);
        await breathe();
      }
    }
  }

  view(address: SimpleCellAddress): CellView {
    const formula = this.hf.getCellFormula(address);
    const value = this.hf.getCellValue(address);
    const raw = this.hf.getCellSerialized(address);
    const input = formula ?? (raw === null || raw === undefined ? '' : String(raw));
    if (value instanceof DetailedCellError) {
      const code = value.value;
      return { display: code, input, error: explainError(formula, code, value.message || code), kind: 'error' };
    }
    if (value === null || value === undefined || value === '') return { display: '', input, kind: 'empty' };
    if (typeof value === 'boolean') return { display: value ? 'TRUE' : 'FALSE', input, kind: 'boolean' };
    if (typeof value === 'string') return { display: value, input, kind: 'text' };
    const format = this.numberFormatAt(address);
    const general = (v: number) => localizeGeneral(formatNumber(v), this.locale);
    if (format && format !== 'General')
      return {
        display: formatWithCode(value, format, general, this.locale),
        input,
        kind: /[yd]/.test(format.replace(/"[^"]*"/g, '')) ? 'date' : 'number',
      };
    const type = this.hf.getCellValueDetailedType(address);
    if (type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME')
      return { display: isoDate(value), input: formula ?? isoDate(value), kind: 'date' };
    return { display: general(value), input, kind: 'number' };
  }
}

/**
 * The registry's default format for a formula that is one call of a KPI function with a unit
 * ("=ROMI(B2:B13, C2:C13, 0.7)" -> "0.0%"); formulas that combine calls keep General.
 */
export function defaultFormat(formula: string): string | undefined {
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(formula);
  if (!m || !formula.trimEnd().endsWith(')')) return undefined;
  const outer = calls(formula);
  const last = outer[outer.length - 1];
  if (!last || last.start !== formula.indexOf(m[1]) || last.name !== m[1].toUpperCase()) return undefined;
  const fn = FUNCTIONS.find((f) => f.name === last.name);
  return fn ? resultFormat(fn) : undefined;
}

const defaultParse = HyperFormula.defaultConfig.parseDateTime;

/**
 * The engine's date reading with a fast path: "2026-10-01" is read by one regular expression,
 * and text without a digit is never a date. The engine tries every date and time format on
 * every text cell it loads, which made loading the sample company's 13,000 dates and labels a
 * third of the page's first render. Anything else goes to the engine's own parser.
 */
export function quickDateTime(text: string, dateFormat?: string, timeFormat?: string): ReturnType<typeof defaultParse> {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return dateFormat === 'YYYY-MM-DD' ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } : undefined;
  if (!/\d/.test(text)) return undefined;
  return defaultParse(text, dateFormat, timeFormat);
}

/** 0-based column index -> letters (the grid and HyperFormula count from 0, A1 from 1). */
const columnLetter = (col: number): string => a1Column(col + 1);

/** The style of the first conditional format whose rule the value meets, as the hosts apply them. */
function conditionalStyle(rules: readonly ConditionalFormat[], at: SimpleCellAddress, value: unknown): CellStyle | undefined {
  for (const cf of rules) {
    if (!cf.ranges.some((r) => inRange(r, at))) continue;
    const rule = cf.rule;
    const hit =
      rule.type === 'textEquals'
        ? typeof value === 'string' && value.toLowerCase() === rule.text.toLowerCase()
        : rule.type === 'greaterThan'
          ? typeof value === 'number' && value > rule.value
          : typeof value === 'number' && value < rule.value;
    if (hit) return cf.style;
  }
  return undefined;
}

function topLeft(range: string): { row: number; col: number } | undefined {
  return parseRect(range.split(':')[0]);
}

/**
 * Moves a formula's relative references by rows and columns, as copying it to another cell does:
 * "=$K5<>\"\"" one row down is "=$K6<>\"\"". Text in "..." and sheet names in '...' are left
 * alone; a name followed by "(" is a function, not a reference. O(formula length).
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (!rows && !cols) return formula;
  return formula.replace(
    /"(?:[^"]|"")*"|'(?:[^']|'')*'|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
    (all, colAbs: string, letters: string, rowAbs: string, digits: string, offset: number) => {
      if (letters === undefined) return all; // a quoted literal
      const before = formula[offset - 1];
      if (before && /[A-Za-z0-9_.]/.test(before)) return all; // part of a longer name
      const col = colAbs ? letters : columnLetter((columnNumber(letters) as number) - 1 + cols);
      const row = rowAbs ? digits : String(Number(digits) + rows);
      return `${colAbs}${col}${rowAbs}${row}`;
    },
  );
}

function inRange(range: string, at: SimpleCellAddress): boolean {
  const r = parseRect(range);
  return !!r && at.row >= r.row && at.row < r.row + r.height && at.col >= r.col && at.col < r.col + r.width;
}

function isoDate(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 10);
}

/** Numbers as a spreadsheet's General format would show them, at most 6 significant decimals. */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 1e9 || abs < 1e-4) return v.toPrecision(6).replace(/\.?0+(e|$)/, '$1');
  return String(Number(v.toFixed(6)));
}
