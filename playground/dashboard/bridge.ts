import {
  buildPlan,
  DashboardPlan,
  DashboardSetup,
  DatasetId,
  ExistingSheet,
  GoalsReadBack,
  historySeries,
  localeFrom,
  mergeGoals,
  parseSetup,
  planWithSheetGoals,
  readGoalsSheet,
  serializeSetup,
  SheetInfo,
} from '../../core/dashboard';
import { breachesFromAnchors } from '../../core/dashboard/alerts';
import type { AlertsStatus, GenerateResult, HostBridge, SnapshotResult, WorkbookInfo } from '../../sidebar/bridge';
import { Workbook } from '../engine/workbook';
import { applyPlanGradually, sheetWithMarker } from './apply';
import { requireRect, splitSheetRef } from '../../core/dashboard/a1';
import { readAnchored } from './anchors';
import { historyWrites, locateDashboard } from '../../core/dashboard';
import { isoFromSerial } from '../../core/args/cells';
import { playgroundShare } from '../share/bridge';
import { playgroundDataHistory } from './data-history';

/**
 * The sidebar's bridge to the playground: the HyperFormula workbook in the page plays the
 * spreadsheet, localStorage plays the document's saved setup.
 */
export const SETUP_KEY = 'kpipilot.setup';
/** The setup of the last generation: what KPI Goals was written from (core goals-merge.ts tells the sheet's edits by it). */
export const GENERATED_KEY = 'kpipilot.generatedSetup';

export interface PlaygroundBridgeOptions {
  /** The playground's "today": the sample company's last day, so a first dashboard shows numbers. */
  readonly today: string;
  readonly locale?: string;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Called after sheets were added or written, with the dashboard's name to show. */
  readonly onChange?: (show?: string) => void;
}

export function createPlaygroundBridge(
  workbook: Workbook,
  options: PlaygroundBridgeOptions,
): HostBridge & { lastPlan(): DashboardPlan | undefined } {
  const storage = options.storage ?? window.localStorage;
  let plan: DashboardPlan | undefined;
  /** The setup `plan` was built from (the saved one may have changed since). */
  let generatedWith: DashboardSetup | undefined;

  const existing = (): ExistingSheet[] =>
    workbook.sheetNames().map((name) => ({ name, marker: workbook.markers.get(workbook.sheetId(name)) ?? null }));

  const savedSetup = (key: string = SETUP_KEY): DashboardSetup | null => {
    const text = storage.getItem(key);
    if (!text) return null;
    try {
      return parseSetup(text);
    } catch {
      return null; // a setup from another version: start afresh rather than fail to open
    }
  };

  const save = async (setup: DashboardSetup): Promise<void> => {
    storage.setItem(SETUP_KEY, serializeSetup(setup));
  };

  /** KPI Goals read back (values as the engine computes them), or null before the first generation. */
  const goalsBack = (): GoalsReadBack | null => {
    const id = sheetWithMarker(workbook, 'goals');
    return id === undefined ? null : readGoalsSheet(workbook.hf.getSheetValues(id));
  };
  const goalsName = (): string | undefined => {
    const id = sheetWithMarker(workbook, 'goals');
    return id === undefined ? undefined : workbook.hf.getSheetName(id);
  };

  /** The as-of date the dashboard shows now (its anchor), for the snapshot button's text. */
  const dashboardAsOf = (): { dashboardAsOf?: string } => {
    const v = readAnchored(workbook, false).asOf;
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? { dashboardAsOf: isoFromSerial(Math.floor(v)) } : {};
  };

  /** Data rows of each mapped sheet, so the planner can size sheets that spill (Customers at risk). */
  const dataRows = (setup: DashboardSetup): Partial<Record<DatasetId, number>> => {
    const out: Partial<Record<DatasetId, number>> = {};
    for (const [ds, m] of Object.entries(setup.mapping) as [DatasetId, { sheet: string } | undefined][]) {
      if (m && workbook.hf.doesSheetExist(m.sheet)) out[ds] = Math.max(0, workbook.size(workbook.sheetId(m.sheet)).rows - 1);
    }
    return out;
  };

  /** The plan of the dashboard in the workbook: this page's last one, else rebuilt from the saved setup (names resolve to our marked sheets). */
  const currentPlan = (): { plan: DashboardPlan; setup: DashboardSetup } | undefined => {
    if (sheetWithMarker(workbook, 'dashboard') === undefined) return undefined;
    if (plan && generatedWith) return { plan, setup: generatedWith };
    const setup = savedSetup();
    if (!setup) return undefined;
    return { plan: buildPlan({ setup, asOf: options.today, existingSheets: existing() }), setup };
  };

  return {
    host: 'playground',
    lastPlan: () => plan,
    share: playgroundShare(
      workbook,
      options.today,
      () => plan?.locale ?? savedSetup()?.locale ?? localeFrom(options.locale ?? navigator.language),
      () => options.onChange?.(),
    ),

    async load(): Promise<WorkbookInfo> {
      const sheets: SheetInfo[] = [];
      for (const name of workbook.sheetNames()) {
        const id = workbook.sheetId(name);
        if (workbook.markers.has(id)) continue;
        const { rows, cols } = workbook.size(id);
        const headers: unknown[] = [];
        for (let col = 0; col < cols; col++) headers.push(workbook.hf.getCellValue({ sheet: id, row: 0, col }));
        sheets.push({ name, headers, rows: Math.max(0, rows - 1) });
      }
      const saved = savedSetup();
      // KPI Goals is the source of truth once generated: the sidebar opens on the goals merged with it
      const merge = saved ? mergeGoals(saved, goalsBack(), savedSetup(GENERATED_KEY), goalsName()) : null;
      return {
        sheets,
        existing: existing(),
        locale: localeFrom(options.locale ?? navigator.language),
        setup: merge ? merge.setup : saved,
        history: readHistory(workbook, plan),
        today: options.today,
        ...(merge?.notices.length ? { goalNotices: merge.notices } : {}),
        ...dashboardAsOf(),
      };
    },

    save,

    async dataHistory(setup) {
      return playgroundDataHistory(workbook, setup, options.today);
    },

    async generate(setup, asOf, progress): Promise<GenerateResult> {
      progress?.('plan', 0, 5);
      await save(setup);
      const { plan: next, merge } = planWithSheetGoals(
        { setup, asOf, existingSheets: existing(), dataRows: dataRows(setup) },
        goalsBack(),
        savedSetup(GENERATED_KEY),
      );
      await frame(); // let the progress bar paint before the first write
      const applied = await applyPlanGradually(workbook, next, progress);
      plan = next;
      generatedWith = merge.setup;
      await save(merge.setup);
      storage.setItem(GENERATED_KEY, serializeSetup(merge.setup));
      options.onChange?.(applied.sheets[0]);
      return { sheets: applied.sheets, notices: next.notices, setup: merge.setup };
    },

    /**
     * Records the dashboard's values at its as-of date in KPI History (core history.ts): the
     * cards found through their anchors and checked (core anchors.ts), this month's rows
     * updated in place, new rows after the last used one. Nothing is written when the layout
     * cannot be found.
     */
    async snapshot(): Promise<SnapshotResult> {
      const setup = generatedWith ?? savedSetup(GENERATED_KEY) ?? savedSetup();
      let history = sheetWithMarker(workbook, 'history');
      if (!setup || sheetWithMarker(workbook, 'dashboard') === undefined || history === undefined)
        throw new Error('generate the dashboard first');
      const spec = buildPlan({ setup, asOf: options.today, existingSheets: existing() }).snapshot;
      const found = locateDashboard(spec.kpis, setup.locale, readAnchored(workbook, false));
      const w = historyWrites(workbook.hf.getSheetValues(history), found.asOf, found.values, spec.kpis, setup.locale);
      const hf = workbook.hf;
      hf.batch(() => {
        for (const u of w.updates) {
          hf.setCellContents({ sheet: history!, row: u.row - 1, col: u.col }, [[u.value]]);
          workbook.setFormat(history!, u.row - 1, u.col, u.format, undefined);
        }
        w.appends.forEach((r) => {
          hf.setCellContents({ sheet: history!, row: r.row - 1, col: 0 }, [r.cells]);
          r.cells.forEach((_c, col) => workbook.setFormat(history!, r.row - 1, col, r.formats[col], undefined));
        });
      });
      workbook.settle();
      options.onChange?.();
      return { appended: w.appends.length, updated: w.updated, skipped: w.skipped, date: isoFromSerial(w.date) };
    },

    /**
     * Breaches decided by core breachesFromAnchors from the values the dashboard shows now (card
     * values, trend columns, as-of cell), found through the anchors, so they match its alert
     * cells. Whether or not the alert column is on the dashboard, a KPI behind its goal's pace or
     * past its threshold is listed.
     */
    async alerts(): Promise<AlertsStatus> {
      const current = currentPlan();
      if (!current) return { daily: false, dailyAvailable: false, breaches: [] };
      const { plan: p, setup } = current;
      return { daily: false, dailyAvailable: false, breaches: breachesFromAnchors(setup, p, readAnchored(workbook, true)).breaches };
    },

    async setDailyAlerts(): Promise<AlertsStatus> {
      throw new Error(DAILY_UNAVAILABLE);
    },
  };
}

/** Why the playground refuses a daily digest (only the Sheets add-on can run a trigger and send mail). */
export const DAILY_UNAVAILABLE =
  'Daily e-mail digests run only in the Google Sheets add-on: the playground cannot send e-mail. Its breaches are listed here whenever the panel opens.';

/** Monthly values per KPI: the dashboard's trend table when there is one, else the KPI History rows. */
function readHistory(workbook: Workbook, plan: DashboardPlan | undefined): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  if (plan && sheetWithMarker(workbook, 'dashboard') !== undefined) {
    for (const [kpi, ref] of Object.entries(plan.trend.series)) {
      out[kpi] = rangeValues(workbook, ref)
        .map((r) => r[0])
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    }
    return out;
  }
  const history = sheetWithMarker(workbook, 'history');
  if (history === undefined) return out;
  const rows = workbook.hf.getSheetValues(history).slice(1);
  const kpis = new Set(rows.flatMap((r) => [r[1], r[2]]).filter((k): k is string => typeof k === 'string' && k !== ''));
  for (const kpi of kpis) {
    const series = historySeries(rows, kpi);
    if (series.length) out[kpi] = series;
  }
  return out;
}

/** "'KPI Dashboard'!B5:B11" as the sheet id and the 0-based rectangle (core a1.ts parses it). */
function resolve(workbook: Workbook, ref: string): { sheet: number; row: number; col: number; width: number; height: number } {
  const { sheet, a1 } = splitSheetRef(ref);
  return { sheet: workbook.sheetId(sheet), ...requireRect(a1) };
}

function rangeValues(workbook: Workbook, ref: string): unknown[][] {
  const r = resolve(workbook, ref);
  const out: unknown[][] = [];
  for (let i = 0; i < r.height; i++) {
    const row: unknown[] = [];
    for (let j = 0; j < r.width; j++) row.push(workbook.hf.getCellValue({ sheet: r.sheet, row: r.row + i, col: r.col + j }));
    out.push(row);
  }
  return out;
}

function frame(): Promise<void> {
  return new Promise((ok) => {
    setTimeout(ok, 50); // hidden pages get no animation frames
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => ok());
  });
}
