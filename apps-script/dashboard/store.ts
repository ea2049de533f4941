import type { DashboardSetup } from '../../core/dashboard/setup';
import { checkedSetupText, parseSetupShape } from '../../core/dashboard/setup-shape';

/**
 * The setup lives in the document's properties, so it travels with the spreadsheet and every
 * editor who opens the sidebar sees it. Two keys: the setup as last saved (what the sidebar
 * reloads) and the setup of the last generation (what KPI Goals is merged against, and what the
 * alerts and the digest judge by, so saving an edited setup without generating changes neither).
 * The sidebar validates a setup in full before sending it (core serializeSetup); here its shape
 * (core setup-shape.ts: what the server's readers rely on) and its size (9 KB a property value
 * may hold) are checked again, so the server never stores what it could not read back.
 */
export const SETUP_KEY = 'KPIPILOT_SETUP';
export const GENERATED_KEY = 'KPIPILOT_GENERATED_SETUP';

type Properties = GoogleAppsScript.Properties.Properties;

const props = (): Properties => PropertiesService.getDocumentProperties();

/** Saves a setup whose shape was checked. @throws KpiError #VALUE! when too large. */
export function writeSetup(setup: DashboardSetup, key: string = SETUP_KEY, store: Properties = props()): void {
  store.setProperty(key, checkedSetupText(setup));
}

/**
 * The saved setup, or null when none was saved or its shape no longer reads (an older version, a
 * hand edit): the sidebar then starts afresh rather than failing to open (it also drops one the
 * full rules refuse, sidebar/bridges/sheets.ts).
 */
export function readSetup(key: string = SETUP_KEY, store: Properties = props()): DashboardSetup | null {
  const text = store.getProperty(key);
  if (!text) return null;
  try {
    return parseSetupShape(text);
  } catch {
    return null;
  }
}
