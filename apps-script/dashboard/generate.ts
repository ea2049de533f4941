/**
 * Generating a dashboard from the Sheets sidebar, in two server calls around the planner, which
 * runs in the sidebar (the server code, evaluated on every custom-function call, stays small):
 * 1. readDashboardInputs saves the setup and reads what the plan depends on, with a stamp of it;
 * 2. the sidebar plans (core planWithSheetGoals: KPI Goals read back and merged, then buildPlan);
 * 3. applyDashboardPlan, under the document lock, reads the same again and writes only when the
 *    stamp is unchanged, then records the generated setup and what the readers need (core
 *    generated.ts). docs/contributing/sheets-host.md "Generating" explains the round trips.
 */
import type { ExistingSheet } from '../../core/dashboard/names';
import type { DatasetId } from '../../core/dashboard/fields';
import { generatedDashboard } from '../../core/dashboard/generated';
import type { GoalsReadBack } from '../../core/dashboard/goals-sheet';
import { DashboardPlan, PLAN_VERSION } from '../../core/dashboard/plan';
import type { DashboardSetup } from '../../core/dashboard/setup';
import { checkedSetupText, parseSetupShape } from '../../core/dashboard/setup-shape';
import { useSpreadsheetZone } from '../spreadsheet-zone';
import { applyPlan } from './apply';
import { generatedDashboardText, readGeneratedDashboard, writeGeneratedDashboard } from './generated-store';
import { readGoalsBack } from './goals-read';
import { withDocumentLock } from './lock';
import { message } from './messages';
import { stampOf } from './stamp';
import { GENERATED_KEY, readSetup, SETUP_KEY, writeSetup } from './store';
import { readSheets, SheetsState } from './workbook';
import { mappedDataRows, todayIso } from './workbook-info';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What the sidebar plans from (core PlanRequest and planWithSheetGoals' other arguments), plain JSON. */
export interface DashboardInputs {
  /** The as-of date, ISO YYYY-MM-DD: the one asked for, or today in the spreadsheet's zone. */
  readonly asOf: string;
  readonly existing: readonly ExistingSheet[];
  /** KPI Goals read back (null when there is none of ours yet). */
  readonly goals: GoalsReadBack | null;
  /** The setup of the last generation (null before the first). */
  readonly generated: DashboardSetup | null;
  /** Data rows of each mapped dataset, when the setup asks for extra sheets. */
  readonly dataRows?: Partial<Record<DatasetId, number>>;
  /**
   * Fingerprint of the sheets, KPI Goals and the last generated setup: applyDashboardPlan writes
   * only when it is unchanged. Not of the row counts: rows arriving in a mapped sheet (a form, an
   * import) between the two calls only make the spill room a few rows short of the new count, as
   * rows arriving after any generation do, and must not refuse the user's click.
   */
  readonly stamp: string;
}

/** What applyDashboardPlan wrote. */
export interface AppliedDashboard {
  /** Names of the generated sheets, dashboard first. */
  readonly sheets: string[];
}

function workbookInputs(ss: Spreadsheet, setup: DashboardSetup): { state: SheetsState; inputs: Omit<DashboardInputs, 'asOf'> } {
  const state = readSheets(ss);
  const read = { existing: state.existing, goals: readGoalsBack(state), generated: readSetup(GENERATED_KEY) };
  return { state, inputs: { ...read, dataRows: mappedDataRows(state, setup), stamp: stampOf(read) } };
}

/**
 * Saves the setup, then reads what its plan depends on. `asOf` is ISO YYYY-MM-DD; empty means
 * today in the spreadsheet's zone. Reads: the sheets and markers, KPI Goals' data range, one
 * getLastRow per mapped sheet when the setup has extra sheets. Writes nothing but the setup.
 * @throws KpiError for an invalid setup; Error for a date that is not YYYY-MM-DD
 */
export function readDashboardInputs(setupJson: string, asOf: string): DashboardInputs {
  const setup = parseSetupShape(setupJson);
  writeSetup(setup, SETUP_KEY);
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  useSpreadsheetZone(); // KPI Goals dates come back as Date objects
  const day = typeof asOf === 'string' && asOf.trim() ? asOf.trim() : todayIso(ss);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(message('badAsOf', setup.locale, { asOf: day }));
  return { asOf: day, ...workbookInputs(ss, setup).inputs };
}

/** The plan as the sidebar sent it, checked to be one this server writes. */
function parsePlan(planJson: string, setup: DashboardSetup): DashboardPlan {
  let plan: DashboardPlan | null = null;
  try {
    plan = JSON.parse(planJson) as DashboardPlan;
  } catch {
    plan = null;
  }
  const readable =
    !!plan &&
    plan.version === PLAN_VERSION &&
    Array.isArray(plan.sheets) &&
    Array.isArray(plan.snapshot?.kpis) &&
    typeof plan.snapshot.historySheet === 'string' &&
    !!plan.trend?.series &&
    typeof plan.trend.series === 'object';
  if (!readable) throw new Error(message('badPlan', setup.locale));
  return plan as DashboardPlan;
}

/**
 * Writes the plan the sidebar built from readDashboardInputs, under the document lock: reads the
 * same again and, when the stamp differs (a sheet added or renamed, KPI Goals edited, another
 * generation in between), refuses and writes nothing. Then applies it (apply.ts), saves the
 * generated setup (goals merged) under both keys and the record the readers need.
 * @throws Error when the workbook changed, the plan is not one this version writes, or another generation holds the lock; KpiError for an invalid setup
 */
export function applyDashboardPlan(planJson: string, setupJson: string, stamp: string): AppliedDashboard {
  const setup = parseSetupShape(setupJson);
  const plan = parsePlan(planJson, setup);
  const record = generatedDashboardText(generatedDashboard(plan)); // checked to fit before anything is written
  checkedSetupText(setup); // and the setup too: both are saved after the sheets are written
  return withDocumentLock(setup.locale, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    useSpreadsheetZone();
    const { state, inputs } = workbookInputs(ss, setup);
    if (inputs.stamp !== stamp) throw new Error(message('changed', setup.locale));
    const applied = applyPlan(ss, plan, state);
    writeSetup(setup, SETUP_KEY);
    writeSetup(setup, GENERATED_KEY); // what the next merge compares KPI Goals with
    writeGeneratedDashboard(record);
    return { sheets: applied.sheets };
  });
}

/**
 * Records what the readers need for a dashboard generated by an earlier version, which kept no
 * record: the sidebar plans the last generated setup over the sheets as they are (what snapshot
 * and alerts used to do on every call) and sends the plan when it opens. Under the document lock;
 * nothing is written when a record exists by then. Writes one document property, no cell.
 */
export function recordGeneratedDashboard(planJson: string): void {
  const setup = readSetup(GENERATED_KEY);
  if (!setup) return;
  const record = generatedDashboardText(generatedDashboard(parsePlan(planJson, setup)));
  withDocumentLock(setup.locale, () => {
    if (!readGeneratedDashboard()) writeGeneratedDashboard(record);
  });
}
