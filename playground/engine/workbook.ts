import { CellError, DetailedCellError, HyperFormula, RawCellContent, SimpleCellAddress } from 'hyperformula';
import { FUNCTIONS } from '../../core/functions';
import { createKpiPlugin, functionTranslations, SpillSizes, spillSizes } from './kpi-plugin';

let registered = false;

/** Registers the KPI Pilot plugin once per page (HyperFormula keeps plugins globally). */
function registerPlugin(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(createKpiPlugin(FUNCTIONS), { enGB: functionTranslations(FUNCTIONS) });
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
 * The playground's workbook: HyperFormula with the KPI functions, ISO dates understood as dates,
 * and spill areas kept in step with the tables the functions return.
 */
export class Workbook {
  readonly hf: HyperFormula;

  constructor(sheets: Record<string, RawCellContent[][]>) {
    registerPlugin();
    this.hf = HyperFormula.buildFromSheets(sheets, {
      licenseKey: 'gpl-v3',
      dateFormats: ['YYYY-MM-DD', 'DD/MM/YYYY'],
      nullDate: { year: 1899, month: 12, day: 30 }, // the 1900 date system, as Sheets and Excel
      useArrayArithmetic: true,
      maxRows: 100000,
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

  view(address: SimpleCellAddress): CellView {
    const formula = this.hf.getCellFormula(address);
    const value = this.hf.getCellValue(address);
    const raw = this.hf.getCellSerialized(address);
    const input = formula ?? (raw === null || raw === undefined ? '' : String(raw));
    if (value instanceof DetailedCellError || value instanceof CellError) {
      const code = value instanceof DetailedCellError ? value.value : `#${value.type}`;
      return { display: code, input, error: value.message || code, kind: 'error' };
    }
    if (value === null || value === undefined || value === '') return { display: '', input, kind: 'empty' };
    if (typeof value === 'boolean') return { display: value ? 'TRUE' : 'FALSE', input, kind: 'boolean' };
    if (typeof value === 'string') return { display: value, input, kind: 'text' };
    const type = this.hf.getCellValueDetailedType(address);
    if (type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME') return { display: isoDate(value), input: formula ?? isoDate(value), kind: 'date' };
    return { display: formatNumber(value), input, kind: 'number' };
  }
}

export { SpillSizes };

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
