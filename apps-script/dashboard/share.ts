/**
 * "Prepare for sharing" and "Make live again" in Google Sheets (core/dashboard/share decides,
 * docs/concepts/sharing.md). Round trips, whatever the data size: per sheet getLastRow,
 * getLastColumn, getFormulas and getValues over the used range; writes are queued (one setValues per
 * frozen formula, one per banner, the store sheet in one setValues), then one flush. Sheets has
 * no spill API: the core's rule finds each table's extent from the values read.
 */
import { localeFrom } from '../../core/dashboard/i18n';
import { MARKER_KEY } from '../../core/dashboard/plan';
import { CellWrite, FORMULAS_ROLE, FORMULAS_SHEET, parseRecord, planFreeze, recordOf, recordRows, restoreWrites, SheetCells } from '../../core/dashboard/share';
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

function write(ss: Spreadsheet, w: CellWrite, map: (v: unknown) => unknown): void {
  ss.getSheetByName(w.sheet)!.getRange(w.row, w.col, w.cells.length, w.cells[0].length).setValues(w.cells.map((row) => row.map(map)));
}

/** @throws Error when the workbook is already share-ready */
export function prepareForSharing(): ShareResult {
  const locale = localeFrom(Session.getActiveUserLocale());
  return withDocumentLock(locale, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (ss.getSheetByName(FORMULAS_SHEET)) throw new Error(`this spreadsheet is already prepared for sharing (see the hidden sheet ${FORMULAS_SHEET}): make it live again first`);
    useSpreadsheetZone(); // dates come back as Date objects and are written back as the same dates
    const plan = planFreeze(readCells(ss), { date: todayIso(ss), locale });
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
    if (missing.length) throw new Error(`the sheets ${missing.join(', ')} are gone: rename them back, then make the spreadsheet live again`);
    // one setValues per formula: the formula in its cell, blanks where its table spills again
    for (const w of restoreWrites(record)) write(ss, w, (v) => v);
    ss.deleteSheet(store);
    SpreadsheetApp.flush();
    return { sheets: [...new Set(record.formulas.map((f) => f.sheet))], formulas: record.formulas.length };
  });
}
