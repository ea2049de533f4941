import { FORMULAS_SHEET, FreezePlan, recordOf, recordRows } from '../../core/dashboard/share';
import type { XlsxCell, XlsxSheet } from './xlsx';

/**
 * The share-ready .xlsx: the sheets "Download workbook" would write, with every KPI Pilot formula
 * replaced by its value (its spilled table whole, header included; the cell keeps its number
 * format and style), a banner on each frozen sheet, and the formulas kept on a hidden sheet
 * "KPI Pilot formulas" so the add-in can make the workbook live again after a colleague sends
 * it back. Native formulas are left as formulas: LibreOffice and Excel compute them from the
 * frozen values. O(cells of the frozen results).
 */
export const BANNER_STYLE = { italic: true, bold: true, fontColor: '#7F6000' } as const;

export function shareReadySheets(sheets: readonly XlsxSheet[], freeze: FreezePlan): XlsxSheet[] {
  const rowsOf = new Map<string, unknown[][]>();
  const out = sheets.map((s) => {
    const rows = s.rows.map((r) => (r ? [...r] : []));
    rowsOf.set(s.name, rows);
    return { ...s, rows };
  });
  const put = (sheet: string, row: number, col: number, value: unknown, style?: XlsxCell['style']) => {
    const rows = rowsOf.get(sheet);
    if (!rows) throw new Error(`the freeze names a sheet ${sheet} that the download does not hold`);
    for (let i = rows.length; i < row; i++) rows[i] = [];
    const old = rows[row - 1][col - 1];
    const kept = old && typeof old === 'object' && !(old instanceof Date) ? (old as XlsxCell) : undefined;
    rows[row - 1][col - 1] = {
      value: value === '' ? null : (value as XlsxCell['value']),
      numFmt: kept?.numFmt ?? null,
      style: style ?? kept?.style,
    } satisfies XlsxCell;
  };
  for (const w of freeze.writes) w.cells.forEach((cells, i) => cells.forEach((v, j) => put(w.sheet, w.row + i, w.col + j, v)));
  for (const b of freeze.banners) put(b.sheet, b.row, b.col, b.text, BANNER_STYLE);
  const store: XlsxSheet = {
    name: FORMULAS_SHEET,
    rows: recordRows(recordOf(freeze)).map((row) => row.map((text) => ({ value: text }) satisfies XlsxCell)),
    columnWidths: { A: 90, B: 160, C: 60, D: 90, E: 600 },
    hidden: true,
  };
  return [...out.filter((s) => s.name !== FORMULAS_SHEET), store];
}
