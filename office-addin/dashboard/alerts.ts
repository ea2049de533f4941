import { Breach, breachesFromAnchors } from '../../core/dashboard/alerts';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { RecordedSheetIds } from '../../core/dashboard/sheet-copies';
import { discoverSheets, existingSheets } from './markers';
import { queueAnchoredReads } from './anchors';

/**
 * The breaches of the generated dashboard for the task pane ("In Excel, the task pane lists the
 * breaches when it opens"), in TWO syncs whatever the data size: the sheets together with the
 * anchors' values (workbook names over the as-of cell, the cards and the trend table, core
 * anchors.ts), then every sheet's marker. Each KPI is checked to be where its anchor says before
 * core breachesFromAnchors decides, exactly as the sheet's own alert cells do. No dashboard of ours yet:
 * no breaches. Excel has no scheduled runs an add-in could use to e-mail a digest.
 * @throws KpiError saying what to do when the dashboard's layout cannot be found
 */
export async function readBreaches(
  context: Excel.RequestContext,
  setup: DashboardSetup,
  today: string,
  sheetIds: RecordedSheetIds = {},
): Promise<Breach[]> {
  const anchored = queueAnchoredReads(context, true); // resolved with discovery's first sync
  const { sheets } = await discoverSheets(context, undefined, sheetIds);
  if (!sheets.some((s) => s.marker === 'dashboard')) return [];
  const plan = buildPlan({ setup, asOf: today, existingSheets: existingSheets(sheets) });
  return breachesFromAnchors(setup, plan, anchored.read()).breaches;
}
