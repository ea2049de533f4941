import { DatasetId } from '../../core/dashboard/fields';
import { ExistingSheet } from '../../core/dashboard/names';
import { DashboardSetup } from '../../core/dashboard/setup';
import { MARKER_KEY, SHEET_ROLES, SheetRole } from '../../core/dashboard/plan';
import { RecordedSheetIds, setAsideCopies } from '../../core/dashboard/sheet-copies';

/**
 * The marker that makes a sheet ours: a worksheet-scoped, hidden named item KPIPILOT_SHEET whose
 * formula is the role as a text constant (="dashboard"). A name survives renaming the sheet and
 * travels with the file; a user's sheet never has it, so it is never mistaken for ours.
 * (ExcelApi 1.4: worksheet.names.)
 */
export const CHART_PREFIX = 'KPIPILOT_CHART_';

/** The named item's formula for a role. */
export function markerFormula(role: SheetRole): string {
  return `="${role}"`;
}

/** The role a marker formula names, or null for anything else (a user's own name, a typo). */
export function roleFromMarker(formula: unknown): SheetRole | null {
  const m = /^=\s*"([a-z]+)"\s*$/.exec(String(formula ?? ''));
  return m && (SHEET_ROLES as readonly string[]).includes(m[1]) ? (m[1] as SheetRole) : null;
}

/** A sheet of the workbook as discovered: its proxy (valid in this Excel.run), name, role, our charts. */
export interface DiscoveredSheet {
  readonly worksheet: Excel.Worksheet;
  readonly name: string;
  /** Excel's id of the worksheet (stable through renames and moves; a copy gets a new one). */
  readonly id: string;
  readonly marker: SheetRole | null;
  /** A copy of one of our sheets that kept our marker: treated as the user's (core sheet-copies.ts). */
  readonly copyOf?: SheetRole;
  /** Charts on the sheet that the applier made (named KPIPILOT_CHART_n): the only ones 'replace' deletes. */
  readonly ourCharts: readonly Excel.Chart[];
}

/** Extra reads queued with the markers' sync, per sheet (used range for the sidebar's sheet list). */
export type AlongMarkers<T> = (worksheet: Excel.Worksheet) => T;

/**
 * Lists the workbook's sheets with their markers in TWO syncs whatever the data size: the sheets,
 * then every sheet's marker (getItemOrNullObject, no error for user sheets) and chart names at once.
 * Excel cannot load a collection nested in worksheets (names, customProperties) in one load, and
 * workbook.names omits sheet-scoped names, hence the second round trip. `along` queues more reads
 * into that second sync. O(sheets) proxies. The worksheet ids come with the names: when a user
 * copied one of our sheets (the copy keeps the sheet-scoped marker), the sheet whose id was
 * `recorded` at generation is ours and the copy is set aside as the user's, at no extra sync.
 */
export async function discoverSheets<T = undefined>(
  context: Excel.RequestContext,
  along?: AlongMarkers<T>,
  recorded: RecordedSheetIds = {},
): Promise<{ sheets: DiscoveredSheet[]; extra: T[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id');
  await context.sync();
  const pending = worksheets.items.map((worksheet) => {
    const marker = worksheet.names.getItemOrNullObject(MARKER_KEY);
    marker.load('formula,scope');
    const charts = worksheet.charts;
    charts.load('items/name');
    return { worksheet, marker, charts, extra: along ? along(worksheet) : (undefined as T) };
  });
  await context.sync();
  const listed = pending.map(({ worksheet, marker, charts }) => ({
    worksheet,
    name: worksheet.name,
    id: worksheet.id,
    // Excel on the web may list workbook-scoped names under a sheet too (office-js #1011): only a sheet-scoped one counts
    marker: marker.isNullObject || marker.scope !== 'Worksheet' ? null : roleFromMarker(marker.formula),
    ourCharts: charts.items.filter((c) => c.name.startsWith(CHART_PREFIX)),
  }));
  const sheets = setAsideCopies(
    listed,
    (s) => s.id,
    () => recorded,
  );
  return { sheets, extra: pending.map((p) => p.extra) };
}

/** What core resolveSheetNames and buildPlan take. */
export function existingSheets(sheets: readonly DiscoveredSheet[]): ExistingSheet[] {
  return sheets.map((s) => ({ name: s.name, marker: s.marker, ...(s.copyOf ? { copyOf: s.copyOf } : {}) }));
}

/**
 * For discoverSheets' second sync: the used range (values only) of each sheet the setup maps,
 * so generate can give the planner each dataset's row count (PlanRequest.dataRows) without a
 * sync of its own. Rows are counted from the range's size, never read.
 */
export function queueUsedRows(setup: DashboardSetup): AlongMarkers<Excel.Range | null> {
  const mapped = new Set(Object.values(setup.mapping).map((m) => m?.sheet));
  return (worksheet) => {
    if (!mapped.has(worksheet.name)) return null;
    const used = worksheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    return used;
  };
}

/** Each mapped dataset's data rows: the last used row of its sheet minus its header row. */
export function mappedDataRows(
  setup: DashboardSetup,
  sheets: readonly DiscoveredSheet[],
  used: readonly (Excel.Range | null)[],
): Partial<Record<DatasetId, number>> {
  const out: Partial<Record<DatasetId, number>> = {};
  for (const [dataset, m] of Object.entries(setup.mapping) as [DatasetId, NonNullable<DashboardSetup['mapping'][DatasetId]>][]) {
    if (!m) continue;
    const i = sheets.findIndex((s) => s.name === m.sheet && s.marker === null);
    const range = i < 0 ? null : used[i];
    if (!range) continue;
    out[dataset] = range.isNullObject ? 0 : Math.max(0, range.rowIndex + range.rowCount - m.headerRow);
  }
  return out;
}
