/**
 * The dashboard PLAN: the contract between the core planner and the host appliers (Apps Script,
 * Excel, playground). Plain JSON-serialisable data; every address is A1 on the sheet it belongs
 * to. docs/contributing/dashboard-plan.md explains how to apply it. Changing these types is a breaking change:
 * bump PLAN_VERSION.
 */
import type { PlanAnchor } from './anchors';

export const PLAN_VERSION = 1;

/** The key of the marker every generated sheet carries (Sheets developer metadata key; Excel sheet-scoped name). */
export const MARKER_KEY = 'KPIPILOT_SHEET';

export type SheetRole = 'dashboard' | 'goals' | 'definitions' | 'history' | ExtraSheetRole;
/** Optional sheets the sidebar can add (setup.extras): core/dashboard/extras, docs/concepts/dashboards.md "Extra sheets". */
export type ExtraSheetRole = 'attribution' | 'customers' | 'commissions';
export const EXTRA_SHEET_ROLES: readonly ExtraSheetRole[] = ['attribution', 'customers', 'commissions'];
/** Every role a marker may name (appliers recognise our sheets by these). */
export const SHEET_ROLES: readonly SheetRole[] = ['dashboard', 'goals', 'definitions', 'history', ...EXTRA_SHEET_ROLES];

/** A formula cell. `formula` starts with "=", uses English function names and comma separators. */
export interface FormulaCell {
  readonly formula: string;
}
/**
 * One cell of a block: a number (dates are day serials with a date format), text, boolean,
 * null (write an empty cell) or a formula. Text never starts with = + - @ (the planner prefixes
 * an apostrophe to user text that would), so a block can be written in one call through the
 * host's formulas API (Excel range.formulas, Sheets setFormulas / setValues).
 */
export type PlanCell = number | string | boolean | null | FormulaCell;

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** #RRGGBB */
  readonly background?: string;
  readonly fontColor?: string;
  readonly fontSize?: number;
  readonly wrap?: boolean;
  readonly horizontalAlignment?: 'left' | 'center' | 'right';
}

/** A rectangle written in one call. cells has exactly the rectangle's rows × columns. */
export interface CellBlock {
  /** e.g. "A4:J11" (or "B2" for one cell). */
  readonly range: string;
  readonly cells: readonly (readonly PlanCell[])[];
  /** Number format of each cell (same shape as cells); null means the host's General. Absent: leave formats alone. */
  readonly numberFormats?: readonly (readonly (string | null)[])[];
  /** One style for the whole block. */
  readonly style?: CellStyle;
  /** Formula cells in this block call custom functions (bare names, e.g. NRR): Excel adds the KPI. prefix. */
  readonly customFunctions?: readonly string[];
}

export type ConditionalRule =
  | { readonly type: 'textEquals'; readonly text: string }
  | { readonly type: 'greaterThan'; readonly value: number }
  | { readonly type: 'lessThan'; readonly value: number };

/**
 * A conditional format whose condition is a formula (Sheets whenFormulaSatisfied, Excel custom
 * conditional format), e.g. a whole card row coloured when its alert cell is not empty. The
 * formula is written for the top-left cell of the first range, with $ where it must not move.
 * Optional in the plan (alerts only): an applier that ignores it still shows the alert cells,
 * which carry ordinary textEquals rules.
 */
export interface FormulaConditionalFormat {
  readonly ranges: readonly string[];
  /** Starts with "=", Sheets syntax, e.g. =$K5<>"" */
  readonly formula: string;
  readonly style: { readonly background?: string; readonly fontColor?: string };
}

export interface ConditionalFormat {
  /** One or more A1 ranges of this sheet sharing the rule. */
  readonly ranges: readonly string[];
  readonly rule: ConditionalRule;
  readonly style: { readonly background?: string; readonly fontColor?: string };
}

export interface ChartSeries {
  readonly name: string;
  /** A1 range of the values, one column, same length as the categories. */
  readonly values: string;
}

export interface ChartSpec {
  /** 'column' (clustered columns) is used only by the optional Attribution sheet; an applier drawing every chart as a line still shows the data. */
  readonly type: 'line' | 'column';
  readonly title: string;
  /** Top-left cell the chart sits on. */
  readonly anchor: string;
  readonly widthPx: number;
  readonly heightPx: number;
  /** A1 range of the x-axis labels (period start dates). */
  readonly categories: string;
  readonly series: readonly ChartSeries[];
  /** Number format of the value axis. */
  readonly numberFormat: string;
}

export interface PlannedSheet {
  readonly role: SheetRole;
  /** The name to use: the standard one, or another when a user's sheet already has it (see PlanNotice 'renamed'). */
  readonly name: string;
  /** Write as developer metadata / sheet-scoped name MARKER_KEY = role, to find the sheet again. */
  readonly marker: { readonly key: typeof MARKER_KEY; readonly value: SheetRole };
  /**
   * 'replace': clear the sheet's contents, formats, conditional formats and charts (ours only), then write.
   * 'append': create with its blocks if absent; if it exists, leave every row as it is (KPI History).
   */
  readonly mode: 'replace' | 'append';
  readonly frozenRows: number;
  /** Column widths in pixels, by column letter. */
  readonly columnWidths: Readonly<Record<string, number>>;
  /** Number formats of whole columns, by letter (for rows appended later, e.g. History dates). */
  readonly columnFormats?: Readonly<Record<string, string>>;
  readonly blocks: readonly CellBlock[];
  readonly conditionalFormats: readonly ConditionalFormat[];
  /** Optional (alerts): formula-based conditional formats; absent on plans without alerts. */
  readonly formulaFormats?: readonly FormulaConditionalFormat[];
  readonly charts: readonly ChartSpec[];
  /** Optional: print area and page setup (print.ts); absent on KPI History. Hosts without print settings ignore it. */
  readonly print?: PrintSetup;
  /**
   * Optional: rows the sheet should have at least, for tables that spill down from a custom
   * function (Sheets does not add rows for a custom function's result). Absent: the host's default.
   */
  readonly minRows?: number;
}

/** How a generated sheet prints. */
export interface PrintSetup {
  /** A1 range ("A1:J60") or whole columns ("A:K") of the sheet. */
  readonly area: string;
  readonly orientation: 'landscape' | 'portrait';
  /** 'page': the area on one page; 'width': one page wide, as many down as needed. */
  readonly fit: 'page' | 'width';
}

export type PlanNoticeCode =
  | 'renamed'
  | 'unmapped'
  | 'goal_skipped'
  | 'custom_functions'
  | 'extra_skipped'
  | 'goal_from_sheet'
  | 'goal_unreadable'
  | 'duplicate_sheet';
export interface PlanNotice {
  readonly code: PlanNoticeCode;
  readonly level: 'info' | 'warning';
  readonly text: string;
  readonly kpi?: string;
  readonly sheet?: SheetRole;
}

/** Where "Snapshot now" reads and appends: see snapshot.ts. */
export interface SnapshotSpec {
  readonly historySheet: string;
  /** Full reference ('KPI Dashboard'!B2) of the as-of date cell. */
  readonly asOfCell: string;
  /** Full reference of the card values, one column, in the order of kpis. */
  readonly valuesRange: string;
  readonly kpis: readonly string[];
}

export interface DashboardPlan {
  readonly version: typeof PLAN_VERSION;
  readonly locale: 'en' | 'fr';
  /** Day serial written in the as-of cell. */
  readonly asOf: number;
  /** In the order to create them; the dashboard is the sheet to activate. */
  readonly sheets: readonly PlannedSheet[];
  readonly snapshot: SnapshotSpec;
  /**
   * The trend table (full references): period starts, oldest first, and each computed KPI's
   * values beside them. A host reads a series back here to feed checkGoal's history.
   */
  readonly trend: { readonly periods: string; readonly series: Readonly<Record<string, string>> };
  /** Card value cell of each KPI (full reference), for hosts that read values back. */
  readonly valueCells: Readonly<Record<string, string>>;
  readonly notices: readonly PlanNotice[];
  /** Present when setup.alerts.enabled: where the alert cells are (core/dashboard/alerts). */
  readonly alerts?: AlertsSpec;
  /**
   * Names the applier records over cells of the dashboard (anchors.ts): snapshot, alerts and the
   * digest find the cells through them, wherever rows were inserted since. Optional: a plan built
   * by hand may have none, and then the readers refuse rather than guess.
   */
  readonly anchors?: readonly PlanAnchor[];
}

/**
 * Where a host reads the alerts back (full references). Breaches can also be recomputed in
 * TypeScript with checkAlerts from valueCells and trend.series (the Sheets daily trigger does).
 */
export interface AlertsSpec {
  /** The dashboard's alert cells, one per card in snapshot.kpis order: '' or the alert label. */
  readonly labelsRange: string;
  /** The KPI Goals sheet's "Threshold in use" cells, same order: a number or ''. */
  readonly thresholdsRange: string;
  readonly kpis: readonly string[];
  /** Owner of each KPI's goal (as typed), same order; null when none. */
  readonly owners: readonly (string | null)[];
}
