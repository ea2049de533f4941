/**
 * Full references of a plan ('KPI Dashboard'!B5, 'KPI Dashboard'!N5:N16) as the sheet and cells a
 * test reads, through the product's one A1 module. Test support only.
 */
import { cell, requireRect, splitSheetRef } from '../../core/dashboard/a1';

export interface CellRef {
  readonly sheet: string;
  readonly address: string;
}

/** "'KPI Dashboard'!B5" -> { sheet: 'KPI Dashboard', address: 'B5' }. */
export function refOf(full: string): CellRef {
  const { sheet, a1 } = splitSheetRef(full);
  return { sheet, address: a1 };
}

/** The cells of a one-column range "'S'!N5:N16", top to bottom. */
export function columnCells(full: string): CellRef[] {
  const { sheet, a1 } = splitSheetRef(full);
  const r = requireRect(a1);
  if (r.width !== 1) throw new Error(`not a one-column range: ${full}`);
  return Array.from({ length: r.height }, (_, i) => ({ sheet, address: cell(r.col + 1, r.row + 1 + i) }));
}
