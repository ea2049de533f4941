/**
 * "Prepare for sharing" and "Make live again" in Google Sheets (core/dashboard/share decides,
 * docs/concepts/sharing.md). Round trips, whatever the data size: per sheet getLastRow,
 * getLastColumn, getFormulas and getValues over the used range; writes are queued (one setValues per
 * frozen formula, one per banner, the store sheet in one setValues), then one flush. Sheets has
 * no spill API, so each table's extent is measured: the KPI Pilot formulas that may spill are
 * cleared (one write each), the used ranges read again, and the cells that emptied are the table
 * (a value the user typed beside a table stays filled, so it is never frozen nor cleared later).
 * If anything fails before the values are written, the cleared formulas are put back.
 */
import { localeFrom } from '../../core/dashboard/i18n';
import { MARKER_KEY } from '../../core/dashboard/plan';
import {
  CellWrite,
  FORMULAS_ROLE,
  FORMULAS_SHEET,
  maySpill,
  needsFreezing,
  parseRecord,
  planFreeze,
  recordOf,
  recordRows,
  restoreWrites,
  SheetCells,
  SpillOf,
  spillsFromEmptied,
} from '../../core/dashboard/share';
import type { ShareResult } from '../../sidebar/bridge';
import { useSpreadsheetZone } from '../spreadsheet-zone';
import { withDocumentLock } from './lock';
import { todayIso } from './workbook-info';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Text as setValues must receive it to stay text ("=x", "12", "TRUE" would be parsed). */
const asEntered = (v: unknown): unknown => (typeof v === 'string' && v !== '' ? `'${v}` : v);

function readCells(ss: Spreadsheet): SheetCells[] {
  const out: SheetCells[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if (name === FORMULAS_SHEET) continue;
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    if (!rows || !cols) continue;
    const range = sheet.getRange(1, 1, rows, cols);
    out.push({ sheet: name, top: 1, left: 1, formulas: range.getFormulas(), values: range.getValues() });
  }
  return out;
}

interface ClearedFormula {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
}

/** Clears every KPI Pilot formula that may spill, so its table empties; the freeze writes its values back. */
function clearSpillingFormulas(ss: Spreadsheet, sheets: readonly SheetCells[]): ClearedFormula[] {
  const cleared: ClearedFormula[] = [];
  for (const s of sheets) {
    s.formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        if (typeof f === 'string' && needsFreezing(f) && maySpill(f))
          cleared.push({ sheet: s.sheet, row: s.top + i, col: s.left + j, formula: f });
      }),
    );
  }
  for (const c of cleared) ss.getSheetByName(c.sheet)!.getRange(c.row, c.col).setFormula('');
  SpreadsheetApp.flush();
  return cleared;
}

/** Reads the same used ranges again (tables gone) and lets the core measure each table from what emptied. */
function measuredSpills(ss: Spreadsheet, before: readonly SheetCells[]): SpillOf {
  const after = before.map((s) => {
    const sheet = ss.getSheetByName(s.sheet)!;
    return sheet.getRange(s.top, s.left, s.values.length, s.values[0].length).getValues();
  });
  return spillsFromEmptied(before, after);
}

function write(ss: Spreadsheet, w: CellWrite, map: (v: unknown) => unknown): void {
  ss.getSheetByName(w.sheet)!
    .getRange(w.row, w.col, w.cells.length, w.cells[0].length)
    .setValues(w.cells.map((row) => row.map(map)));
}

/** @throws Error when the workbook is already share-ready */
export function prepareForSharing(): ShareResult {
  const locale = localeFrom(Session.getActiveUserLocale());
  return withDocumentLock(locale, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (ss.getSheetByName(FORMULAS_SHEET))
      throw new Error(
        `this spreadsheet is already prepared for sharing (see the hidden sheet ${FORMULAS_SHEET}): make it live again first`,
      );
    useSpreadsheetZone(); // dates come back as Date objects and are written back as the same dates
    const before = readCells(ss);
    const cleared = clearSpillingFormulas(ss, before);
    let plan: ReturnType<typeof planFreeze>;
    try {
      plan = planFreeze(before, { date: todayIso(ss), locale, spillOf: cleared.length ? measuredSpills(ss, before) : undefined });
    } catch (e) {
      for (const c of cleared) ss.getSheetByName(c.sheet)!.getRange(c.row, c.col).setFormula(c.formula);
      SpreadsheetApp.flush();
      throw e;
    }
    if (!plan.formulas.length) return { sheets: [], formulas: 0 };
    for (const w of plan.writes) write(ss, w, asEntered);
    for (const b of plan.banners) ss.getSheetByName(b.sheet)!.getRange(b.row, b.col).setValue(asEntered(b.text)); // no style: restoring leaves the cell exactly as it was
    const rows = recordRows(recordOf(plan));
    const store = ss.insertSheet(FORMULAS_SHEET, ss.getSheets().length);
    store.getRange(1, 1, rows.length, rows[0].length).setValues(rows.map((row) => row.map(asEntered)));
    store.addDeveloperMetadata(MARKER_KEY, FORMULAS_ROLE, SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
    store.hideSheet();
    SpreadsheetApp.flush();
    return { sheets: plan.sheets, formulas: plan.formulas.length };
  });
}

/** @throws Error when nothing was prepared; KpiError naming the row when the store sheet was edited */
export function makeLiveAgain(): ShareResult {
  const locale = localeFrom(Session.getActiveUserLocale());
  return withDocumentLock(locale, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const store = ss.getSheetByName(FORMULAS_SHEET);
    if (!store) throw new Error('this spreadsheet is live already: nothing was prepared for sharing');
    const record = parseRecord(store.getRange(1, 1, Math.max(1, store.getLastRow()), 5).getValues());
    const missing = [...new Set(record.formulas.map((f) => f.sheet))].filter((name) => !ss.getSheetByName(name));
    if (missing.length)
      throw new Error(`the sheets ${missing.join(', ')} are gone: rename them back, then make the spreadsheet live again`);
    // one setValues per formula: the formula in its cell, blanks where its table spills again
    for (const w of restoreWrites(record)) write(ss, w, (v) => v);
    ss.deleteSheet(store);
    SpreadsheetApp.flush();
    return { sheets: [...new Set(record.formulas.map((f) => f.sheet))], formulas: record.formulas.length };
  });
}
