import type { DataHistory, KpiId, PlanNotice, Text } from '../../core/dashboard';
import type { HostBridge, WorkbookInfo } from '../bridge';
import type { SidebarState } from '../state';
import type { AlertsPanel } from './alerts';

/**
 * What every step module reads and writes: the sidebar shell (app.ts) implements it. A step
 * renders from `state` and replaces `state` through the pure functions of state.ts.
 */
export interface StepContext {
  state: SidebarState;
  readonly info: WorkbookInfo;
  readonly bridge: HostBridge;
  /** True while generate or snapshot runs, so a second click waits. */
  busy: boolean;
  /** Each KPI's monthly values from the mapped data (bridge.dataHistory), and what they were computed from. */
  dataHistory: DataHistory | undefined;
  dataHistoryKey: string;
  /** Refreshes a shown goal's baseline box and feedback after the data history arrives. */
  readonly goalRefresh: Map<KpiId, () => void>;
  /** The breaches and the daily digest switch, shown on the generate step. */
  readonly alerts: AlertsPanel;
  /** The text in the manager's language, with its {placeholders} filled. */
  tx(text: Text, values?: Record<string, string | number>): string;
  /** A KPI's name in the manager's language. */
  name(id: KpiId): string;
  /** Says something in the polite status region. */
  say(text: string): void;
  /** Enables Next and the step list as the state allows. */
  refreshNext(): void;
  /** Field names, in the manager's language, joined by commas. */
  fieldNames(refs: readonly string[]): string;
  noticeList(list: readonly PlanNotice[]): Node | null;
  /** What reading KPI Goals back took from the sheet (or could not read), as the host reported when loading. */
  goalSheetNotices(): Node | null;
  /** The "achievable" check's series: the data's months merged with KPI History, else History alone. */
  histories(): Record<string, readonly (number | null)[]>;
  hasDashboard(): boolean;
  /** Re-reads the workbook after a write (new history, our sheets), keeping the manager's state. */
  reload(): Promise<void>;
}

/** An error's message for the status line. */
export function message(e: unknown): string {
  return e instanceof Error ? e.message : String((e as { message?: unknown })?.message ?? e);
}
