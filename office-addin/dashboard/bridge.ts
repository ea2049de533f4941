import { valueError } from '../../core/errors';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { GenerateResult, HostBridge, Progress, SnapshotResult, WorkbookInfo } from '../../sidebar/bridge';
import { applyPlan } from './apply';
import { isoDate } from './cells';
import { discoverSheets, existingSheets } from './markers';
import { readSetup, writeSetup } from './settings';
import { snapshotNow } from './snapshot';
import { readWorkbookInfo } from './workbook-info';

/** What the bridge takes from its surroundings; defaults are Office.js's globals and the clock. */
export interface ExcelBridgeOptions {
  readonly excel?: Pick<typeof Excel, 'run'>;
  readonly office?: Pick<typeof Office, 'context'>;
  readonly now?: () => Date;
}

/**
 * The sidebar's bridge in the Excel task pane (sidebar/bridge.ts). Each call is one Excel.run with
 * a handful of syncs, none growing with the data: load 3, generate 2 + one per sheet written (6
 * the first time), snapshot 4. The setup is kept in the document's add-in settings.
 * @example mountSidebar(root, createExcelBridge()) // in the task pane, after Office.onReady
 */
export function createExcelBridge(options: ExcelBridgeOptions = {}): HostBridge {
  const excel = () => options.excel ?? Excel;
  const office = () => options.office ?? Office;
  const today = () => isoDate(options.now ? options.now() : new Date());
  const settings = () => office().context.document.settings;

  return {
    host: 'excel',

    load(): Promise<WorkbookInfo> {
      const host = { displayLanguage: office().context.displayLanguage, setup: readSetup(settings()), today: today() };
      return excel().run((context) => readWorkbookInfo(context, host));
    },

    save(setup: DashboardSetup): Promise<void> {
      return writeSetup(settings(), setup);
    },

    async generate(setup: DashboardSetup, asOf: string, progress?: Progress): Promise<GenerateResult> {
      await writeSetup(settings(), setup);
      return excel().run(async (context) => {
        const { sheets } = await discoverSheets(context);
        const plan = buildPlan({ setup, asOf, existingSheets: existingSheets(sheets) });
        const applied = await applyPlan(context, plan, sheets, progress);
        return { sheets: applied.sheets, notices: plan.notices };
      });
    },

    snapshot(): Promise<SnapshotResult> {
      const setup = readSetup(settings());
      if (!setup) return Promise.reject(valueError('there is no saved dashboard setup in this workbook: generate the dashboard first'));
      return excel().run((context) => snapshotNow(context, setup, today()));
    },
  };
}
