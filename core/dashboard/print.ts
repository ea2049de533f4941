import { columnLetter, requireRect } from './a1';
import { PlannedSheet, PrintSetup } from './plan';

/**
 * Print settings of the generated sheets, decided once for every host (docs/concepts/dashboards.md,
 * "Printing"): the dashboard and the Attribution sheet on one landscape page (the cards, insights
 * and charts, not the helper tables to their right); goals, definitions and the other extra sheets
 * fit to the page's width, as many pages down as they need. KPI History and the user's data sheets
 * get no print settings. Only what starts in column A prints: the helper tables (the trend table
 * from column L, each model's own table on Attribution) sit further right.
 */
/** Rows a chart covers, at the hosts' default row height of about 20 px. */
const ROW_PX = 20;

export function printSetup(sheet: PlannedSheet): PrintSetup | undefined {
  if (sheet.role === 'history') return undefined;
  let width = 1;
  let height = 1;
  for (const b of sheet.blocks) {
    const r = requireRect(b.range);
    if (r.col !== 0) continue;
    width = Math.max(width, r.width);
    height = Math.max(height, r.row + r.height);
  }
  for (const c of sheet.charts) {
    const r = requireRect(c.anchor);
    height = Math.max(height, r.row + Math.ceil(c.heightPx / ROW_PX));
    width = Math.max(width, r.col + 1);
  }
  const last = columnLetter(width);
  if (sheet.role === 'dashboard' || sheet.role === 'attribution')
    return { area: `A1:${last}${height}`, orientation: 'landscape', fit: 'page' };
  // tables that grow (goals, definitions, customers, commissions): whole columns, fit to width
  return { area: `A:${last}`, orientation: 'landscape', fit: 'width' };
}

/** The sheet with its print settings (unchanged when it gets none). */
export function withPrint(sheet: PlannedSheet): PlannedSheet {
  const print = printSetup(sheet);
  return print ? { ...sheet, print } : sheet;
}
