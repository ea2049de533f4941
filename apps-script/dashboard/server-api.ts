/**
 * The Sheets server API of the sidebar (sidebar/bridge.ts HostBridge, Sheets side). The sidebar
 * calls these through google.script.run, which reaches only top-level functions: the build
 * generates one stub each in dist/apps-script/functions.js. Arguments and results are plain
 * JSON (google.script.run carries no Date), the setup travels as JSON text.
 */
import type { SnapshotResult, WorkbookInfo } from '../../sidebar/bridge';
import type { GoalsReadBack } from '../../core/dashboard/goals-sheet';
import { localeFrom, Locale } from '../../core/dashboard/i18n';
import { readGoalsBack } from './goals-read';
import type { DashboardSetup } from '../../core/dashboard/setup';
import { parseSetupShape } from '../../core/dashboard/setup-shape';
import { ANCHOR_NAMES, locateDashboard } from '../../core/dashboard/anchors';
import { historyWrites } from '../../core/dashboard/history';
import { isoFromSerial, toSerial } from '../../core/args/cells';
import { readAnchored } from './anchors';
import { useSpreadsheetZone } from '../spreadsheet-zone';
import { applyPlan } from './apply';
import { readGeneratedDashboard } from './generated-store';
import { withDocumentLock } from './lock';
import { message } from './messages';
import { GENERATED_KEY, readSetup, SETUP_KEY, writeSetup } from './store';
import { markedSheet, readSheets } from './workbook';
import { dataSheets, historyByKpi, todayIso } from './workbook-info';

const userLocale = (): Locale => localeFrom(Session.getActiveUserLocale());

/**
 * What the sidebar reads when it opens: the workbook as WorkbookInfo shows it, with the setup as
 * saved, plus KPI Goals read back and the last generated setup, which the sidebar merges (core
 * mergeGoals: KPI Goals is the source of truth once generated) before showing the goals.
 */
export interface SheetsWorkbookState extends Omit<WorkbookInfo, 'goalNotices'> {
  /** KPI Goals read back; null when there is none of ours or no saved setup to merge it with. */
  readonly goals: GoalsReadBack | null;
  /** The setup of the last generation, when goals were read back. */
  readonly generated: DashboardSetup | null;
}

/**
 * What the sidebar needs when it opens. Reads only: the sheets and our markers, each data
 * sheet's header row and row count, the saved setup, KPI History, KPI Goals. Round trips grow
 * with the number of sheets, never with their rows.
 */
export function getSidebarState(): SheetsWorkbookState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  useSpreadsheetZone(); // History and KPI Goals dates come back as Date objects
  const state = readSheets(ss);
  const setup = readSetup(SETUP_KEY);
  const goals = setup ? readGoalsBack(state) : null;
  return {
    sheets: dataSheets(state, setup),
    existing: state.existing,
    locale: userLocale(),
    setup,
    history: historyByKpi(state),
    today: todayIso(ss),
    goals,
    generated: goals ? readSetup(GENERATED_KEY) : null,
    ...dashboardAsOf(ss, state),
  };
}

/** The as-of date the dashboard shows now (its anchor), for the snapshot button's text: one getRangeByName and one getValue. */
function dashboardAsOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: ReturnType<typeof readSheets>): { dashboardAsOf?: string } {
  if (!state.sheets.some((s) => s.marker === 'dashboard')) return {};
  const v = toSerial(ss.getRangeByName(ANCHOR_NAMES.asOf)?.getValue());
  return v === undefined || v <= 0 ? {} : { dashboardAsOf: isoFromSerial(Math.floor(v)) };
}

/** Saves the setup in the document properties (the sidebar validated it in full). @throws KpiError #VALUE! when its shape is wrong or it is over 9 KB. */
export function saveSetup(setupJson: string): void {
  writeSetup(parseSetupShape(setupJson));
}

/**
 * "Snapshot now": finds the as-of cell and the cards through their anchors (named ranges, core
 * anchors.ts) and the KPIs recorded at generation (core generated.ts), checks every KPI is in its row, then records one row per KPI and period in KPI
 * History (core history.ts): this period's rows rewritten in place (date and value cells only),
 * new ones in one block after the last used row, the grid grown first when it is too small.
 * Reads: markers, two anchors, History's data range, its size. Nothing is written when the
 * layout cannot be found.
 * @throws Error when nothing was generated yet or the dashboard sheet is gone; KpiError saying what to do when an anchor is gone, a KPI's row is missing or the as-of cell holds no date
 */
export function snapshotNow(): SnapshotResult {
  const setup = readSetup(GENERATED_KEY) ?? readSetup(SETUP_KEY);
  const locale = setup?.locale ?? userLocale();
  if (!setup) throw new Error(message('noSetup', locale));
  return withDocumentLock(locale, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    useSpreadsheetZone(); // the as-of cell comes back as a Date
    const state = readSheets(ss);
    if (!state.sheets.some((s) => s.marker === 'dashboard')) throw new Error(message('noDashboard', locale));
    const generated = readGeneratedDashboard();
    if (!generated) throw new Error(message('noRecord', locale));
    const found = locateDashboard(generated.kpis, generated.locale, readAnchored(ss, false));
    let history = markedSheet(state, 'history', generated.historySheet);
    if (!history) {
      // deleted since the last generation: recreate it as planned then (header, formats, marker) and write below
      if (!generated.history) throw new Error(message('noRecord', locale));
      history = applyPlan(ss, { locale: generated.locale, sheets: [generated.history] }, state).byRole.history!;
    }
    const w = historyWrites(history.getDataRange().getValues(), found.asOf, found.values, generated.kpis, generated.locale);
    for (const u of w.updates)
      history
        .getRange(u.row, u.col + 1)
        .setNumberFormat(u.format ?? 'General')
        .setValue(u.value);
    if (w.appends.length) {
      const need = w.appendAt + w.appends.length - 1;
      const have = history.getMaxRows();
      if (need > have) history.insertRowsAfter(have, need - have); // a sheet's grid does not grow by itself
      const range = history.getRange(w.appendAt, 1, w.appends.length, w.width);
      range.setNumberFormats(w.appends.map((r) => r.cells.map((c, i) => (typeof c === 'string' ? '@' : (r.formats[i] ?? 'General')))));
      range.setValues(w.appends.map((r) => r.cells));
    }
    SpreadsheetApp.flush();
    return { appended: w.appends.length, updated: w.updated, skipped: w.skipped, date: isoFromSerial(w.date) };
  });
}
