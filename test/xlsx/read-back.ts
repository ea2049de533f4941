/**
 * Reads cell values back from an .xlsx with ExcelJS, normalised for comparisons: numbers (dates
 * as day serials), text, booleans, null for an empty cell, and { error: '#NAME?' } for an error.
 * A formula cell whose cached value is empty text (LibreOffice writes <v></v> for ="") reads as "".
 * Test support only.
 */
import ExcelJS from 'exceljs';

export interface ErrorValue {
  readonly error: string;
}
export type Value = number | string | boolean | null | ErrorValue;

export const isError = (v: Value): v is ErrorValue => v !== null && typeof v === 'object';

export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export async function readBytes(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const serialOf = (d: Date) => d.getTime() / 86400000 + 25569;

function normalise(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return serialOf(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && 'error' in v) return { error: String((v as ErrorValue).error) };
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  throw new Error(`unexpected cell value ${JSON.stringify(v)}`);
}

/** The value a cell shows: its cached result for a formula. */
export function valueOf(ws: ExcelJS.Worksheet, address: string): Value {
  const v = ws.getCell(address).value;
  if (v !== null && typeof v === 'object' && 'formula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined ? '' : normalise(result);
  }
  if (v !== null && typeof v === 'object' && 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellSharedFormulaValue).result;
    return result === undefined ? '' : normalise(result);
  }
  return normalise(v);
}
