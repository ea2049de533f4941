import { valueError } from '../../core/errors';
import { planWithSheetGoals } from '../../core/dashboard/goals-merge';
import { readGoalsSheet } from '../../core/dashboard/goals-sheet';
import { DashboardSetup } from '../../core/dashboard/setup';
import { AlertsStatus, GenerateResult, HostBridge, Progress, SnapshotResult, WorkbookInfo } from '../../sidebar/bridge';
import { localeFrom } from '../../core/dashboard/i18n';
import { readBreaches } from './alerts';
import { applyPlan } from './apply';
import { isoDate } from './cells';
import { discoverSheets, existingSheets, mappedDataRows, queueUsedRows } from './markers';
import { GENERATED_SETTING, readSetup, readSheetIds, setSheetIds, writeSetup } from './settings';
import { snapshotNow } from './snapshot';
import { readDataHistory } from './data-history';
import { excelShare } from './share';
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
 * the first time), snapshot 4, alerts 2. The setup is kept in the document's add-in settings.
 * There is no daily digest in Excel (dailyAvailable false): setDailyAlerts rejects.
 * @example mountSidebar(root, createExcelBridge()) // in the task pane, after Office.onReady
 */
export function createExcelBridge(options: ExcelBridgeOptions = {}): HostBridge {
  const excel = () => options.excel ?? Excel;
  const office = () => options.office ?? Office;
  const today = () => isoDate(options.now ? options.now() : new Date());
  const settings = () => office().context.document.settings;

  return {
    host: 'excel',
    share: excelShare(excel, today, () => localeFrom(office().context.displayLanguage)),

    load(): Promise<WorkbookInfo> {
      const host = {
        displayLanguage: office().context.displayLanguage,
        setup: readSetup(settings()),
        generated: readSetup(settings(), GENERATED_SETTING),
        today: today(),
        sheetIds: readSheetIds(settings()),
      };
      return excel().run((context) => readWorkbookInfo(context, host));
    },

    save(setup: DashboardSetup): Promise<void> {
      return writeSetup(settings(), setup);
    },

    dataHistory(setup: DashboardSetup) {
      return excel().run((context) => readDataHistory(context, setup, today()));
    },

    async generate(setup: DashboardSetup, asOf: string, progress?: Progress): Promise<GenerateResult> {
      await writeSetup(settings(), setup);
      return excel().run(async (context) => {
        // extra sheets may need the data row counts (Customers at risk): read with the markers, no extra sync
        const { sheets, extra } = await discoverSheets(context, setup.extras ? queueUsedRows(setup) : undefined, readSheetIds(settings()));
        const dataRows = setup.extras ? mappedDataRows(setup, sheets, extra) : undefined;
        // KPI Goals is the source of truth once generated: read it back (one sync) and merge (core goals-merge.ts)
        const goalsSheet = sheets.find((s) => s.marker === 'goals');
        let readBack = null;
        if (goalsSheet) {
          const used = goalsSheet.worksheet.getUsedRangeOrNullObject(true);
          used.load('values,rowIndex,columnIndex');
          await context.sync();
          if (!used.isNullObject)
            readBack = readGoalsSheet(
              used.values.map((r) => [...new Array<unknown>(used.columnIndex).fill(''), ...r]),
              used.rowIndex + 1,
            );
        }
        const { plan, merge } = planWithSheetGoals(
          { setup, asOf, existingSheets: existingSheets(sheets), dataRows },
          readBack,
          readSetup(settings(), GENERATED_SETTING),
        );
        const applied = await applyPlan(context, plan, sheets, progress);
        setSheetIds(settings(), applied.ids); // saved with the setup just below
        await writeSetup(settings(), merge.setup, true);
        return { sheets: applied.sheets, notices: plan.notices, setup: merge.setup };
      });
    },

    snapshot(): Promise<SnapshotResult> {
      const setup = readSetup(settings());
      if (!setup) return Promise.reject(valueError('there is no saved dashboard setup in this workbook: generate the dashboard first'));
      return excel().run((context) => snapshotNow(context, setup, today(), readSheetIds(settings())));
    },

    async alerts(): Promise<AlertsStatus> {
      const setup = readSetup(settings());
      if (!setup) return { daily: false, dailyAvailable: false, breaches: [] };
      const breaches = await excel().run((context) => readBreaches(context, setup, today(), readSheetIds(settings())));
      return { daily: false, dailyAvailable: false, breaches };
    },

    setDailyAlerts(on: boolean): Promise<AlertsStatus> {
      const french = localeFrom(office().context.displayLanguage) === 'fr';
      return Promise.reject(
        valueError(
          french
            ? `les e-mails d’alerte quotidiens n’existent que dans Google Sheets : Excel n’offre pas aux compléments de tâche planifiée. Les alertes restent visibles sur le tableau de bord et dans ce volet à son ouverture${on ? '' : ' (rien à désactiver)'}.`
            : `daily alert e-mails exist only in Google Sheets: Excel gives add-ins no scheduled runs. Alerts stay visible on the dashboard and in this pane when it opens${on ? '' : ' (nothing to switch off)'}.`,
        ),
      );
    },
  };
}
