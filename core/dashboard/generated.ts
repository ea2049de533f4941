import { Locale } from './i18n';
import { DashboardPlan, PlannedSheet } from './plan';

/**
 * What the readers of a generated dashboard need from its plan: "Snapshot now", the breaches and
 * the daily digest find the cards' KPIs (in card order), the trend's KPIs and the locale their
 * names were written in, and KPI History as planned so it can be created again when it was
 * deleted. A host keeps this beside the generated setup, so its readers never plan again (the
 * Sheets server does not carry the planner). O(KPIs).
 */
export interface GeneratedDashboard {
  readonly v: 1;
  readonly locale: Locale;
  /** The KPIs of the card table, in card order (the plan's snapshot.kpis). */
  readonly kpis: readonly string[];
  /** The KPIs with a column in the trend table (the keys of the plan's trend.series). */
  readonly trendKpis: readonly string[];
  /** KPI History as planned (header, widths, formats): written again when the sheet is gone; null when the plan had none. */
  readonly history: PlannedSheet | null;
}

/** The record of a plan just applied. */
export function generatedDashboard(plan: DashboardPlan): GeneratedDashboard {
  return {
    v: 1,
    locale: plan.locale,
    kpis: [...plan.snapshot.kpis],
    trendKpis: Object.keys(plan.trend.series),
    history: plan.sheets.find((s) => s.role === 'history') ?? null,
  };
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * The record read back, or null when there is none or it does not read as one (written by an
 * earlier version, edited by hand): the reader then asks for a new generation.
 */
export function parseGeneratedDashboard(text: string | null | undefined): GeneratedDashboard | null {
  if (!text) return null;
  let v: Partial<Record<keyof GeneratedDashboard, unknown>>;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!v || v.v !== 1 || (v.locale !== 'en' && v.locale !== 'fr') || !strings(v.kpis) || !strings(v.trendKpis)) return null;
  const history = v.history as PlannedSheet | null | undefined;
  const plannedHistory = !!history && typeof history === 'object' && history.role === 'history' && Array.isArray(history.blocks);
  return {
    v: 1,
    locale: v.locale,
    kpis: v.kpis,
    trendKpis: v.trendKpis,
    history: plannedHistory ? history : null,
  };
}
