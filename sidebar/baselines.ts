import { baselineFromData, DataHistory, DashboardSetup, kpi, KpiId } from '../core/dashboard';
import type { WorkbookInfo } from './bridge';
import { formatAmount } from './amounts';
import type { SidebarState } from './state';

/**
 * Baselines from the data in the Goals step: a blank baseline is pre-filled with the KPI's value
 * in the last full month before the goal's start (core baselines.ts), and marked so (the input
 * shows "from your data, September 2026"). A baseline the manager typed, or one read back from
 * KPI Goals, is never replaced; a pre-filled one follows the start date until the manager edits it.
 */

/** What the data history was computed from: a new request is made when it changes. */
export function historyKey(setup: DashboardSetup): string {
  return JSON.stringify([setup.kpis, setup.mapping, setup.options ?? null]);
}

/** Pre-fills every blank (or still pre-filled) baseline the data gives a value for. */
export function prefillBaselines(state: SidebarState, history: DataHistory | undefined): SidebarState {
  let next = state;
  for (const id of state.kpis) next = prefillBaseline(next, id, history);
  return next;
}

/** One KPI's baseline from the data at its goal's start date; a typed baseline is left as it is. */
export function prefillBaseline(state: SidebarState, id: KpiId, history: DataHistory | undefined): SidebarState {
  const g = state.goals[id];
  if (!g || (g.baseline.trim() !== '' && !g.baselineFrom)) return state;
  const found = baselineFromData(history, id, g.start || undefined);
  const baseline = found ? formatAmount(found.value, kpi(id).unit, state.locale) : g.baselineFrom ? '' : g.baseline;
  const baselineFrom = found?.month;
  if (baseline === g.baseline && baselineFrom === g.baselineFrom) return state;
  return { ...state, goals: { ...state.goals, [id]: { ...g, baseline, baselineFrom } } };
}

/** The manager typed in the baseline box: it is theirs now, never replaced. */
export function baselineTyped(state: SidebarState, id: KpiId): SidebarState {
  const g = state.goals[id];
  if (!g?.baselineFrom) return state;
  return { ...state, goals: { ...state.goals, [id]: { ...g, baselineFrom: undefined } } };
}

/**
 * The monthly series the "achievable" check reads: the data history (already merged with KPI
 * History by month) where the host computed one for the KPI, else the KPI History snapshots.
 */
export function goalHistories(
  info: Pick<WorkbookInfo, 'history'>,
  data: DataHistory | undefined,
): Record<string, readonly (number | null)[]> {
  return { ...info.history, ...(data?.values ?? {}) };
}
