import {
  buildPlan, DashboardPlan, DashboardSetup, ExistingSheet, historySeries, localeFrom, parseSetup, serializeSetup, SheetInfo, snapshotRows,
} from '../../core/dashboard';
import type { GenerateResult, HostBridge, SnapshotResult, WorkbookInfo } from '../../sidebar/bridge';
import { Workbook } from '../engine/workbook';
import { applyPlan, parseRange, sheetWithMarker } from './apply';

/**
 * The sidebar's bridge to the playground: the HyperFormula workbook in the page plays the
 * spreadsheet, localStorage plays the document's saved setup.
 */
export const SETUP_KEY = 'kpipilot.setup';

export interface PlaygroundBridgeOptions {
  /** The playground's "today": the sample company's last day, so a first dashboard shows numbers. */
  readonly today: string;
  readonly locale?: string;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Called after sheets were added or written, with the dashboard's name to show. */
  readonly onChange?: (show?: string) => void;
}

export function createPlaygroundBridge(workbook: Workbook, options: PlaygroundBridgeOptions): HostBridge & { lastPlan(): DashboardPlan | undefined } {
  const storage = options.storage ?? window.localStorage;
  let plan: DashboardPlan | undefined;

  const existing = (): ExistingSheet[] => workbook.sheetNames().map((name) => ({ name, marker: workbook.markers.get(workbook.sheetId(name)) ?? null }));

  const savedSetup = (): DashboardSetup | null => {
    const text = storage.getItem(SETUP_KEY);
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

  return {
    host: 'playground',
    lastPlan: () => plan,

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
      return { sheets, existing: existing(), locale: localeFrom(options.locale ?? navigator.language), setup: savedSetup(), history: readHistory(workbook, plan), today: options.today };
    },

    save,

    async generate(setup, asOf, progress): Promise<GenerateResult> {
      progress?.('plan', 0, 5);
      await save(setup);
      const next = buildPlan({ setup, asOf, existingSheets: existing() });
      await frame(); // let the progress bar paint before the synchronous write
      const applied = applyPlan(workbook, next, progress);
      plan = next;
      options.onChange?.(applied.sheets[0]);
      return { sheets: applied.sheets, notices: next.notices };
    },

    async snapshot(): Promise<SnapshotResult> {
      const setup = savedSetup();
      const history = sheetWithMarker(workbook, 'history');
      if (!setup || sheetWithMarker(workbook, 'dashboard') === undefined || history === undefined) throw new Error('generate the dashboard first');
      const spec = buildPlan({ setup, asOf: options.today, existingSheets: existing() }).snapshot;
      const asOf = valueAtRef(workbook, spec.asOfCell);
      const values = rangeValues(workbook, spec.valuesRange);
      const { rows, skipped } = snapshotRows(spec, asOf, values);
      const after = workbook.size(history).rows; // append below the last row: history is never rewritten
      if (rows.length) workbook.hf.setCellContents({ sheet: history, row: after, col: 0 }, rows.map((r) => [...r]));
      options.onChange?.();
      return { appended: rows.length, skipped };
    },
  };
}

/** Monthly values per KPI: the dashboard's trend table when there is one, else the KPI History rows. */
function readHistory(workbook: Workbook, plan: DashboardPlan | undefined): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  if (plan && sheetWithMarker(workbook, 'dashboard') !== undefined) {
    for (const [kpi, ref] of Object.entries(plan.trend.series)) {
      out[kpi] = rangeValues(workbook, ref).map((r) => r[0]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    }
    return out;
  }
  const history = sheetWithMarker(workbook, 'history');
  if (history === undefined) return out;
  const rows = workbook.hf.getSheetValues(history).slice(1);
  const kpis = new Set(rows.map((r) => r[1]).filter((k): k is string => typeof k === 'string'));
  for (const kpi of kpis) out[kpi] = historySeries(rows, kpi);
  return out;
}

/** Splits "'KPI Dashboard'!B5:B11" into the sheet id and the rectangle. */
function resolve(workbook: Workbook, ref: string): { sheet: number; row: number; col: number; width: number; height: number } {
  const bang = ref.lastIndexOf('!');
  const name = ref.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
  return { sheet: workbook.sheetId(name), ...parseRange(ref.slice(bang + 1).replace(/\$/g, '')) };
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

function valueAtRef(workbook: Workbook, ref: string): unknown {
  return rangeValues(workbook, ref)[0][0];
}

function frame(): Promise<void> {
  return new Promise((ok) => {
    setTimeout(ok, 50); // hidden pages get no animation frames
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => ok());
  });
}
