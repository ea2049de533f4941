import { DashboardSetup, parseSetup, serializeSetup } from '../../core/dashboard/setup';
import { parseSheetIds, RecordedSheetIds, recordSheetIds } from '../../core/dashboard/sheet-copies';
import { SheetRole } from '../../core/dashboard/plan';

/**
 * The setup lives in the document's add-in settings (Office.context.document.settings, a
 * per-add-in property bag saved inside the file), as the JSON text core serializeSetup makes:
 * it travels with the workbook and is read back when the task pane opens. Common API, no sync.
 */
export const SETUP_SETTING = 'kpiPilot.setup';
/** The setup of the last generation: what KPI Goals was written from, so edits made in the sheet since can be told apart (core goals-merge.ts). */
export const GENERATED_SETTING = 'kpiPilot.generatedSetup';
/** The worksheet id of each sheet the last generation wrote or kept: what tells ours from a user's copy of it (core sheet-copies.ts). */
export const SHEET_IDS_SETTING = 'kpiPilot.sheetIds';

/** The worksheet ids recorded at generation (none before the first). */
export function readSheetIds(settings: Office.Settings): RecordedSheetIds {
  return parseSheetIds(settings.get(SHEET_IDS_SETTING));
}

/** Records the generated sheets' ids over the earlier record; saved with the setup by writeSetup. */
export function setSheetIds(settings: Office.Settings, ids: Partial<Record<SheetRole, string>>): void {
  settings.set(SHEET_IDS_SETTING, JSON.stringify(recordSheetIds(readSheetIds(settings), ids)));
}

/**
 * The saved setup, or null the first time. A setting that no longer parses (edited by hand, or an
 * older version) also gives null: the sidebar then starts fresh rather than failing to open.
 */
export function readSetup(settings: Office.Settings, key: string = SETUP_SETTING): DashboardSetup | null {
  const raw: unknown = settings.get(key);
  if (typeof raw !== 'string' || !raw) return null;
  try {
    return parseSetup(raw);
  } catch {
    return null;
  }
}

/**
 * Validates, stores and persists the setup (settings.set then saveAsync, which writes the bag into
 * the document). @throws KpiError #VALUE! for an invalid or oversized setup; Error when Office
 * reports the save failed.
 */
export async function writeSetup(settings: Office.Settings, setup: DashboardSetup, generated = false): Promise<void> {
  settings.set(SETUP_SETTING, serializeSetup(setup));
  if (generated) settings.set(GENERATED_SETTING, serializeSetup(setup));
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result.status).toLowerCase() === 'failed')
        reject(new Error(`the dashboard setup could not be saved in the workbook: ${result.error?.message ?? 'unknown error'}`));
      else resolve();
    });
  });
}
