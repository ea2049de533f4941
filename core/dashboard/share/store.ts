import { valueError } from '../../errors';
import { parseRect } from '../a1';
import { FreezeRecord, FrozenFormula } from './freeze';

/**
 * Where the original formulas wait while a workbook is share-ready: a hidden sheet of the
 * add-in's own, "KPI Pilot formulas", one row per frozen formula. A sheet rather than notes or
 * the document's settings because it has no size limit (a Sheets property holds 9 KB, a note
 * would sit on the user's cells), travels inside the file a colleague sends back, and reads in
 * one call in every host. Formulas are kept as text exactly as the host gave them.
 *
 * Layout: A1 the explanation, A2 "Frozen at" and B2 the ISO date, row 4 the headers
 * Kind | Sheet | Cell | Range | Formula, then one row per formula ('formula') and per banner ('banner').
 */
export const FORMULAS_SHEET = 'KPI Pilot formulas';
/** Marker value of the store sheet (same key as the generated sheets' markers, its own value). */
export const FORMULAS_ROLE = 'formulas';
export const STORE_HEADERS = ['Kind', 'Sheet', 'Cell', 'Range', 'Formula'] as const;
const EXPLANATION =
  'KPI Pilot keeps here the formulas it replaced by their values to share this workbook. "Make live again" in the add-in puts them back; please leave this sheet as it is.';
const HEADER_ROW = 4;

/** The store sheet's rows (text and the ISO date only). Formulas start with "=": hosts write them as text. */
export function recordRows(record: FreezeRecord): string[][] {
  const rows: string[][] = [
    [EXPLANATION, '', '', '', ''],
    ['Frozen at', record.frozenAt, '', '', ''],
    ['', '', '', '', ''],
    [...STORE_HEADERS],
  ];
  for (const f of record.formulas) rows.push(['formula', f.sheet, f.cell, f.range, f.formula]);
  for (const b of record.banners) rows.push(['banner', b.sheet, b.cell, b.cell, '']);
  return rows;
}

/**
 * Reads the store sheet's rows back (values as the host returns them).
 * @throws KpiError #VALUE! naming the row when the sheet was edited so that a formula cannot be restored exactly
 */
export function parseRecord(rows: readonly (readonly unknown[])[]): FreezeRecord {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const header = rows[HEADER_ROW - 1]?.slice(0, STORE_HEADERS.length).map(text);
  if (!header || header.join('|') !== STORE_HEADERS.join('|'))
    throw valueError(
      `the sheet ${FORMULAS_SHEET} has lost its headers on row ${HEADER_ROW}: restore them (${STORE_HEADERS.join(', ')}) or undo the edit`,
    );
  const frozenAt = text(rows[1]?.[1]);
  const formulas: FrozenFormula[] = [];
  const banners: { sheet: string; cell: string }[] = [];
  for (let i = HEADER_ROW; i < rows.length; i++) {
    const [kind, sheet, at, range, formula] = (rows[i] ?? []).map(text);
    if (!kind && !sheet && !at && !range && !formula) continue;
    const where = `row ${i + 1} of ${FORMULAS_SHEET}`;
    if (!sheet) throw valueError(`${where} names no sheet`);
    if (!parseRect(at) || at.includes(':')) throw valueError(`${where}: "${at}" is not a cell address`);
    if (kind === 'banner') banners.push({ sheet, cell: at });
    else if (kind === 'formula') {
      const r = parseRect(range);
      const a = parseRect(at)!;
      if (!r || r.row !== a.row || r.col !== a.col) throw valueError(`${where}: the range "${range}" does not start at ${at}`);
      if (!formula.startsWith('=')) throw valueError(`${where}: "${formula}" is not a formula (it should start with =)`);
      formulas.push({ sheet, cell: at, range, formula });
    } else throw valueError(`${where}: the kind "${kind}" is neither formula nor banner`);
  }
  return { frozenAt, formulas, banners };
}
