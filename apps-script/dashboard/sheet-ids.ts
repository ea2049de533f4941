import { parseSheetIds, RecordedSheetIds, recordSheetIds } from '../../core/dashboard/sheet-copies';
import { SheetRole } from '../../core/dashboard/plan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The sheet id (Sheet.getSheetId) of each sheet a generation wrote or kept, by role, in the
 * document's properties: a duplicated sheet keeps our developer metadata but gets a new id, so
 * when two sheets carry one role's marker the recorded id tells the original (core sheet-copies.ts).
 */
export const SHEET_IDS_KEY = 'KPIPILOT_SHEET_IDS';

const props = () => PropertiesService.getDocumentProperties();

/** The ids recorded at the last generation (none before the first, or when unreadable). */
export function readSheetIds(): RecordedSheetIds {
  return parseSheetIds(props().getProperty(SHEET_IDS_KEY));
}

/**
 * Records the ids of the sheets a generation wrote or kept: one getter per sheet and one property
 * write, only when the record changed (the first generation, a sheet recreated).
 */
export function rememberSheetIds(byRole: Partial<Record<SheetRole, Sheet>>): void {
  const store = props();
  const before = store.getProperty(SHEET_IDS_KEY);
  const ids: Partial<Record<SheetRole, number>> = {};
  for (const [role, sheet] of Object.entries(byRole) as [SheetRole, Sheet][]) ids[role] = sheet.getSheetId();
  const after = JSON.stringify(recordSheetIds(parseSheetIds(before), ids));
  if (after !== before) store.setProperty(SHEET_IDS_KEY, after);
}
