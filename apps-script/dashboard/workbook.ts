import { MARKER_KEY, SHEET_ROLES, SheetRole } from '../../core/dashboard/plan';
import { ExistingSheet } from '../../core/dashboard/names';
import { setAsideCopies } from '../../core/dashboard/sheet-copies';
import { readSheetIds } from './sheet-ids';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The workbook's sheets in tab order, each with the KPI Pilot role its marker names (null for the user's sheets). */
export interface SheetsState {
  readonly sheets: readonly {
    readonly sheet: Sheet;
    readonly name: string;
    readonly marker: SheetRole | null;
    readonly copyOf?: SheetRole;
  }[];
  /** For core resolveSheetNames and WorkbookInfo.existing. */
  readonly existing: readonly ExistingSheet[];
}

/**
 * Lists the sheets and finds ours by their developer metadata, in two round trips whatever
 * the number of sheets (getSheets, and one metadata search for MARKER_KEY on sheets) plus a
 * name getter per sheet and four getters per marker. A marker whose value is not a known role is
 * ignored. When a user duplicated one of our sheets (the copy keeps the metadata), the sheet whose
 * id was recorded at generation is ours and the copy counts as the user's (core sheet-copies.ts):
 * only then are the sheet ids of that role's sheets and the recorded ids read.
 */
export function readSheets(ss: Spreadsheet): SheetsState {
  const all = ss.getSheets();
  const found = ss
    .createDeveloperMetadataFinder()
    .withKey(MARKER_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  const roleByName = new Map<string, SheetRole>();
  for (const md of found) {
    const role = md.getValue() as SheetRole;
    const sheet = md.getLocation().getSheet();
    if (sheet && (SHEET_ROLES as readonly string[]).includes(role)) roleByName.set(sheet.getName(), role);
  }
  const listed = all.map((sheet) => {
    const name = sheet.getName();
    return { sheet, name, marker: roleByName.get(name) ?? null };
  });
  const sheets = setAsideCopies(listed, (s) => s.sheet.getSheetId(), readSheetIds);
  return { sheets, existing: sheets.map((s) => ({ name: s.name, marker: s.marker, ...(s.copyOf ? { copyOf: s.copyOf } : {}) })) };
}

/** The sheet our marker names for a role under this exact name, if any. */
export function markedSheet(state: SheetsState, role: SheetRole, name: string): Sheet | null {
  return state.sheets.find((s) => s.marker === role && s.name === name)?.sheet ?? null;
}
