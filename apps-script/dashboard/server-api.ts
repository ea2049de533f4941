/**
 * The Sheets server API of the sidebar (sidebar/bridge.ts HostBridge, Sheets side). The sidebar
 * calls these through google.script.run, which reaches only top-level functions: the build
 * generates one stub each in dist/apps-script/functions.js. Arguments and results are plain
 * JSON (google.script.run carries no Date), the setup travels as JSON text.
 */
import type { GenerateResult, SnapshotResult, WorkbookInfo } from '../../sidebar/bridge';
import { localeFrom, Locale } from '../../core/dashboard/i18n';
import { buildPlan } from '../../core/dashboard/planner';
import { mergeGoals, planWithSheetGoals } from '../../core/dashboard/goals-merge';
import { readGoalsBack } from './goals-read';
import { parseSetup } from '../../core/dashboard/setup';
import { ANCHOR_NAMES, locateDashboard } from '../../core/dashboard/anchors';
import { historyWrites } from '../../core/dashboard/history';
import { isoFromSerial, toSerial } from '../../core/args/cells';
import { readAnchored } from './anchors';
import { useSpreadsheetZone } from '../spreadsheet-zone';
import { applyPlan } from './apply';
import { withDocumentLock } from './lock';
import { message } from './messages';
import { GENERATED_KEY, readSetup, SETUP_KEY, writeSetup } from './store';
import { markedSheet, readSheets } from './workbook';
import { dataSheets, historyByKpi, mappedDataRows, todayIso } from './workbook-info';

const userLocale = (): Locale => localeFrom(Session.getActiveUserLocale());

/**
 * What the sidebar needs when it opens. Reads only: the sheets and our markers, each data
 * sheet's header row and row count, the saved setup, KPI History. Round trips grow with the
 * number of sheets, never with their rows.
 */
export function getSidebarState(): WorkbookInfo {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  useSpreadsheetZone(); // History dates come back as Date objects
  const state = readSheets(ss);
  const saved = readSetup(SETUP_KEY);
  // KPI Goals is the source of truth once generated: the sidebar opens on the goals merged with it
  const merge = saved
    ? mergeGoals(saved, readGoalsBack(state), readSetup(GENERATED_KEY), state.sheets.find((s) => s.marker === 'goals')?.name)
    : null;
  const setup = merge ? merge.setup : saved;
  return {
    sheets: dataSheets(state, setup),
    existing: state.existing,
    locale: userLocale(),
    setup,
    history: historyByKpi(state),
    today: todayIso(ss),
    ...(merge?.notices.length ? { goalNotices: merge.notices } : {}),
    ...dashboardAsOf(ss, state),
  };
}

/** The as-of date the dashboard shows now (its anchor), for the snapshot button's text: one getRangeByName and one getValue. */
function dashboardAsOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, state: ReturnType<typeof readSheets>): { dashboardAsOf?: string } {
  if (!state.sheets.some((s) => s.marker === 'dashboard')) return {};
  const v = toSerial(ss.getRangeByName(ANCHOR_NAMES.asOf)?.getValue());
  return v === undefined || v <= 0 ? {} : { dashboardAsOf: isoFromSerial(Math.floor(v)) };
}

/** Saves the setup in the document properties. @throws KpiError #VALUE! when invalid or over 9 KB. */
export function saveSetup(setupJson: string): void {
  writeSetup(parseSetup(setupJson));
}

/**
 * Saves the setup, then under the document lock builds the plan against the sheets as they are
 * now and applies it. `asOf` is ISO YYYY-MM-DD; empty means today in the spreadsheet's zone.
 * @throws KpiError for an invalid setup or date; Error when another generation holds the lock
 */
export function generateDashboard(setupJson: string, asOf: string): GenerateResult {
  const setup = parseSetup(setupJson);
  writeSetup(setup, SETUP_KEY);
  return withDocumentLock(setup.locale, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    useSpreadsheetZone(); // KPI Goals dates come back as Date objects
    const day = typeof asOf === 'string' && asOf.trim() ? asOf.trim() : todayIso(ss);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(message('badAsOf', setup.locale, { asOf: day }));
    const state = readSheets(ss);
    // goals edited in KPI Goals since the last generation win over the sidebar's (core goals-merge.ts)
    const { plan, merge } = planWithSheetGoals(
      { setup, asOf: day, existingSheets: state.existing, dataRows: mappedDataRows(state, setup) },
      readGoalsBack(state),
      readSetup(GENERATED_KEY),
    );
    const applied = applyPlan(ss, plan, state);
    writeSetup(merge.setup, SETUP_KEY);
    writeSetup(merge.setup, GENERATED_KEY); // what Snapshot now rebuilds the plan from, and what the next merge compares with
    return { sheets: applied.sheets, notices: plan.notices, setup: merge.setup };
  });
}

/**
 * "Snapshot now": finds the as-of cell and the cards through their anchors (named ranges, core
 * anchors.ts), checks every KPI is in its row, then records one row per KPI and period in KPI
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
    const plan = buildPlan({ setup, asOf: todayIso(ss), existingSheets: state.existing });
    const spec = plan.snapshot;
    const found = locateDashboard(spec.kpis, plan.locale, readAnchored(ss, false));
    let history = markedSheet(state, 'history', spec.historySheet);
    if (!history) {
      // deleted since the last generation: recreate it (header, formats, marker) and write below
      const planned = plan.sheets.filter((s) => s.role === 'history');
      history = applyPlan(ss, { ...plan, sheets: planned, anchors: [] }, state).byRole.history!;
    }
    const w = historyWrites(history.getDataRange().getValues(), found.asOf, found.values, spec.kpis, plan.locale);
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
