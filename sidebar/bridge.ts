import type { DashboardSetup, DataHistory, ExistingSheet, Locale, PlanNotice, SheetInfo } from '../core/dashboard';
import type { Breach, DigestRecipient } from '../core/dashboard/alerts';

/**
 * The one seam between the sidebar UI and its host. The UI (sidebar/) knows nothing of Sheets,
 * Excel or HyperFormula; each host implements this interface:
 * - Sheets: apps-script/ server functions called through google.script.run (a small typed promise wrapper, sidebar/bridges/sheets.ts),
 * - Excel: office-addin/ code running in the task pane with Excel.run,
 * - playground: the HyperFormula workbook in the page.
 * Everything crossing it is plain JSON (google.script.run carries nothing else).
 */
export interface WorkbookInfo {
  /** The user's data sheets (never our generated ones): names, header cells, data row counts. */
  readonly sheets: readonly SheetInfo[];
  /** Every sheet with the KPI Pilot marker role of those that carry one. */
  readonly existing: readonly ExistingSheet[];
  /** From the host: Session.getActiveUserLocale(), Office.context.displayLanguage, navigator.language. */
  readonly locale: Locale;
  /** The setup saved in the document, or null the first time. */
  readonly setup: DashboardSetup | null;
  /** Each KPI's past values read from KPI History (oldest first), for the "achievable" check. */
  readonly history: Readonly<Record<string, readonly number[]>>;
  /** Today in the host's (spreadsheet's) time zone, ISO YYYY-MM-DD: the default as-of date. */
  readonly today: string;
  /**
   * What reading KPI Goals back changed in `setup` (fields edited in the sheet, cells that could
   * not be read): setup already holds the merged goals (core goals-merge.ts). Absent when none.
   */
  readonly goalNotices?: readonly PlanNotice[];
  /** The as-of date in the generated dashboard (ISO), found by its anchor: the date "Snapshot now" records. Absent without a dashboard. */
  readonly dashboardAsOf?: string;
}

export interface GenerateResult {
  /** Names of the generated sheets, dashboard first. */
  readonly sheets: readonly string[];
  /** What the planner and applier want the manager to know (renamed sheets, unmapped fields, goals taken from KPI Goals...). */
  readonly notices: readonly PlanNotice[];
  /** The setup generated, with the goals read back from KPI Goals merged in: what the sidebar shows next. */
  readonly setup?: DashboardSetup;
}

export interface SnapshotResult {
  /** Rows added to KPI History (one per KPI with a number, for a period not recorded yet). */
  readonly appended: number;
  /** Rows of this period already in KPI History, rewritten in place with the new values. */
  readonly updated?: number;
  /** The as-of date recorded (ISO). */
  readonly date?: string;
  /** KPIs whose card held no number, so nothing was recorded for them. */
  readonly skipped: readonly string[];
}

export type Progress = (step: string, done: number, total: number) => void;

/** Alerts: what each host can do with the breaches of the generated dashboard. */
export interface AlertsStatus {
  /** Sheets: whether the daily digest trigger is on. Other hosts: always false. */
  readonly daily: boolean;
  /** Whether this host can send a daily digest at all (Sheets only). */
  readonly dailyAvailable: boolean;
  /** The KPIs in breach now, read back from the generated dashboard (empty when none is generated). */
  readonly breaches: readonly Breach[];
  /** Sheets, while the digest is on: each address the goal owners name and whether the digest may write to it. */
  readonly recipients?: readonly DigestRecipient[];
  /** Sheets: the list differs from what the account that switched the digest on last saw. */
  readonly recipientsChanged?: boolean;
  /** Sheets: this user is that account, the only one who can confirm addresses. */
  readonly canConfirmRecipients?: boolean;
}

/** What "Prepare for sharing", "Make live again" and "Repair KPI Pilot formulas" did. */
export interface ShareResult {
  /** Sheets whose formulas were frozen, restored or re-entered. */
  readonly sheets: readonly string[];
  /** Formula cells frozen, restored or re-entered. */
  readonly formulas: number;
}

/**
 * Share-ready workbooks (core/dashboard/share, docs/concepts/sharing.md): every KPI Pilot formula replaced by
 * its value with a banner, the formulas kept on the hidden sheet "KPI Pilot formulas".
 */
export interface ShareActions {
  /** Freezes every KPI Pilot formula of the workbook. Rejects when it is already share-ready. */
  prepare(): Promise<ShareResult>;
  /** Restores every formula the freeze kept, exactly, and removes the store sheet. */
  makeLive(): Promise<ShareResult>;
  /** Excel: re-enters every KPI Pilot formula of the workbook so cells left at #NAME? compute again. */
  repair?(): Promise<ShareResult>;
}

export interface HostBridge {
  /** Share-ready actions, where the host offers them. */
  readonly share?: ShareActions;
  readonly host: 'sheets' | 'excel' | 'playground';
  /** Reads what the sidebar needs when it opens. */
  load(): Promise<WorkbookInfo>;
  /** Saves the setup in the document (document properties / Excel settings / page storage). */
  save(setup: DashboardSetup): Promise<void>;
  /**
   * Saves the setup, builds the plan (core buildPlan with the workbook's existing sheets) and
   * applies it: only the add-in's own sheets are written; a user's sheet is never touched.
   */
  generate(setup: DashboardSetup, asOf: string, progress?: Progress): Promise<GenerateResult>;
  /**
   * Each chosen KPI's monthly values computed from the mapped data (core monthly.ts goalHistory),
   * merged with KPI History by month: the Goals step's baselines and "achievable" check. The host
   * reads each mapped column in one call. Absent on a host that predates it (the check then reads
   * KPI History alone).
   */
  dataHistory?(setup: DashboardSetup): Promise<DataHistory>;
  /** "Snapshot now": appends the dashboard's current values to KPI History, never rewriting it. */
  snapshot(): Promise<SnapshotResult>;
  /** The breaches now and the daily digest's state. */
  alerts(): Promise<AlertsStatus>;
  /**
   * Sheets: switches the daily digest trigger on or off (switching on is the moment the extra
   * scopes, script.scriptapp and script.send_mail, are asked for). Other hosts reject it.
   */
  setDailyAlerts(on: boolean): Promise<AlertsStatus>;
  /** Sheets: confirms digest recipients outside the domain (none: the list was seen). Other hosts lack it. */
  confirmRecipients?(addresses: string[]): Promise<AlertsStatus>;
}
