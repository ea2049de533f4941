import { DATE_FORMAT } from '../format';
import { tr } from '../i18n';
import { UI } from '../labels';
import { PlannedSheet } from '../plan';

import { headerStyle, sheet, SheetContext } from './common';

/** KPI History: the header of the append-only table "Snapshot now" fills (history.ts). */
export function historySheet(ctx: SheetContext): PlannedSheet {
  // one row per KPI per period, written by "Snapshot now" (history.ts): the value column takes each KPI's format per row
  return sheet('history', ctx.names.history, {
    mode: 'append',
    frozenRows: 1,
    columnWidths: { A: 110, B: 220, C: 130, D: 120 },
    columnFormats: { A: DATE_FORMAT },
    blocks: [{ range: 'A1:D1', cells: [UI.historyHeaders.map((h) => tr(h, ctx.locale))], style: headerStyle }],
    conditionalFormats: [],
    charts: [],
  });
}
