import type { DashboardPlan, DashboardSetup } from '../../core/dashboard';
import type { DataHistory } from '../../core/dashboard/baselines';
import { mergeGoals, planWithSheetGoals } from '../../core/dashboard/goals-merge';
import { columnReads, goalHistory } from '../../core/dashboard/monthly';
import { serializeSetup } from '../../core/dashboard/setup';
import type { GenerateResult, HostBridge, Progress, WorkbookInfo } from '../bridge';

/**
 * The sidebar's bridge in Google Sheets: each call is google.script.run on the server API of
 * apps-script/sidebar-api.ts, wrapped in a promise. Only JSON crosses, so the setup travels as
 * text, validated here in full first (core serializeSetup). The server cannot stream progress:
 * the bar shows one step, then done.
 *
 * The planner runs here, in the page, as in the Excel task pane: the server only reads and writes
 * cells (it is evaluated on every custom-function call, so it stays small). Generating is a read,
 * the plan, then a write the server refuses when the workbook changed in between.
 */

/** The server functions the sidebar may call, typed from the server module itself (a type import: no server code in the page). */
export type SheetsServerApi = typeof import('../../apps-script/sidebar-api');

/** The part of google.script.run the sidebar uses (the client-side typings are not installed). */
export interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

/** Calls one server function; rejects with the server's error (its message is the KpiError text). */
export function callServer<K extends keyof SheetsServerApi>(
  run: ScriptRun,
  name: K,
  ...args: Parameters<SheetsServerApi[K]>
): Promise<ReturnType<SheetsServerApi[K]>> {
  return new Promise((ok, fail) => {
    const runner = run.withSuccessHandler((v) => ok(v as ReturnType<SheetsServerApi[K]>)).withFailureHandler(fail);
    const fn = runner[name];
    if (typeof fn !== 'function') {
      fail(new Error(`the server has no function ${name}: push the add-on again`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

type SheetsWorkbookState = ReturnType<SheetsServerApi['getSidebarState']>;

/** The workbook as the sidebar opens on it: KPI Goals is the source of truth once generated, so the saved goals are merged with it (core mergeGoals). */
export function workbookInfoOf(state: SheetsWorkbookState): WorkbookInfo {
  const { goals, generated, ...info } = state;
  if (!info.setup) return info;
  const goalsSheet = info.existing.find((s) => s.marker === 'goals')?.name;
  const merge = mergeGoals(info.setup, goals, generated, goalsSheet);
  return { ...info, setup: merge.setup, ...(merge.notices.length ? { goalNotices: merge.notices } : {}) };
}

type DashboardInputs = ReturnType<SheetsServerApi['readDashboardInputs']>;

/**
 * The plan of a setup over what the server read (KPI Goals merged first, core planWithSheetGoals),
 * as the arguments of applyDashboardPlan: the plan, the merged setup, the stamp of the read.
 */
export function planOnInputs(
  setup: DashboardSetup,
  inputs: DashboardInputs,
): { plan: DashboardPlan; setup: DashboardSetup; args: Parameters<SheetsServerApi['applyDashboardPlan']> } {
  const { plan, merge } = planWithSheetGoals(
    { setup, asOf: inputs.asOf, existingSheets: inputs.existing, ...(inputs.dataRows ? { dataRows: inputs.dataRows } : {}) },
    inputs.goals,
    inputs.generated,
  );
  return { plan, setup: merge.setup, args: [JSON.stringify(plan), serializeSetup(merge.setup), inputs.stamp] };
}

/** Reads what the plan depends on, plans here, then has the server write it (refused when the workbook changed meanwhile). */
async function generateOn(run: ScriptRun, setup: DashboardSetup, asOf: string, progress?: Progress): Promise<GenerateResult> {
  progress?.('KPI Dashboard', 0, 1);
  const inputs = await callServer(run, 'readDashboardInputs', serializeSetup(setup), asOf);
  const planned = planOnInputs(setup, inputs);
  const applied = await callServer(run, 'applyDashboardPlan', ...planned.args);
  progress?.('KPI Dashboard', 1, 1);
  return { sheets: applied.sheets, notices: planned.plan.notices, setup: planned.setup };
}

/** The Goals step's monthly history: the server reads the mapped columns and KPI History, the months are computed here (core goalHistory). */
async function dataHistoryOn(run: ScriptRun, setup: DashboardSetup): Promise<DataHistory> {
  const read = await callServer(run, 'readDataColumns', columnReads(setup.kpis, setup.mapping));
  return goalHistory(setup.kpis, read.columns, read.history, read.today, setup.options);
}

export function createSheetsBridge(run: ScriptRun = google!.script.run): HostBridge {
  return {
    host: 'sheets',
    load: async () => workbookInfoOf(await callServer(run, 'getSidebarState')),
    save: async (setup: DashboardSetup) => {
      await callServer(run, 'saveSetup', serializeSetup(setup));
    },
    generate: (setup, asOf, progress) => generateOn(run, setup, asOf, progress),
    snapshot: () => callServer(run, 'snapshotNow'),
    dataHistory: (setup: DashboardSetup) => dataHistoryOn(run, setup),
    alerts: () => callServer(run, 'getAlerts'),
    setDailyAlerts: (on: boolean) => callServer(run, 'setDailyAlerts', on),
    share: { prepare: () => callServer(run, 'prepareForSharing'), makeLive: () => callServer(run, 'makeLiveAgain') },
    confirmRecipients: (addresses: string[]) => callServer(run, 'confirmDigestRecipients', addresses),
  };
}
