import { AnchoredRead, locateDashboard } from '../anchors';
import { GeneratedDashboard } from '../generated';
import { DashboardPlan } from '../plan';
import { DashboardSetup } from '../setup';
import { Breach, checkAlerts } from './check';

/**
 * The alert rule as every host applies it: the cells read through the dashboard's anchors (as-of
 * cell, card table, trend table with its header) are checked to hold each KPI where its anchor
 * says, then checkAlerts decides, exactly as the sheet's own alert cells do. Hosts read the
 * three anchors and pass what they got; nothing else. O(cards + trend cells).
 * @throws KpiError #VALUE! saying what to do when an anchor is gone or a KPI is not where it was
 */
export function breachesFromAnchors(setup: DashboardSetup, plan: DashboardPlan, read: AnchoredRead): { breaches: Breach[]; asOf: number } {
  return breachesOfGenerated(setup, { locale: plan.locale, kpis: plan.snapshot.kpis, trendKpis: Object.keys(plan.trend.series) }, read);
}

/** The same rule from the record kept at generation (generated.ts), for a host that does not plan again. */
export function breachesOfGenerated(
  setup: DashboardSetup,
  generated: Pick<GeneratedDashboard, 'locale' | 'kpis' | 'trendKpis'>,
  read: AnchoredRead,
): { breaches: Breach[]; asOf: number } {
  const found = locateDashboard(generated.kpis, generated.locale, read, generated.trendKpis);
  return { breaches: checkAlerts({ setup, asOf: found.asOf, values: found.values, series: found.series }), asOf: found.asOf };
}
