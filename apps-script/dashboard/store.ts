import { DashboardSetup, parseSetup, serializeSetup } from '../../core/dashboard/setup';

/**
 * The setup lives in the document's properties, so it travels with the spreadsheet and every
 * editor who opens the sidebar sees it. Two keys: the setup as last saved (what the sidebar
 * reloads) and the setup of the last generation (what "Snapshot now" rebuilds the plan from,
 * so saving an edited setup without generating cannot point the snapshot at the wrong cards).
 * core serializeSetup keeps each under the 9 KB a property value may hold.
 */
export const SETUP_KEY = 'KPIPILOT_SETUP';
export const GENERATED_KEY = 'KPIPILOT_GENERATED_SETUP';

type Properties = GoogleAppsScript.Properties.Properties;

const props = (): Properties => PropertiesService.getDocumentProperties();

/** Validates and saves. @throws KpiError #VALUE! when invalid or too large. */
export function writeSetup(setup: DashboardSetup, key: string = SETUP_KEY, store: Properties = props()): void {
  store.setProperty(key, serializeSetup(setup));
}

/**
 * The saved setup, or null when none was saved or it no longer reads (an older version, a hand
 * edit): the sidebar then starts afresh rather than failing to open.
 */
export function readSetup(key: string = SETUP_KEY, store: Properties = props()): DashboardSetup | null {
  const text = store.getProperty(key);
  if (!text) return null;
  try {
    return parseSetup(text);
  } catch {
    return null;
  }
}
