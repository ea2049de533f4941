/**
 * Google Sheets host of the dashboard: SpreadsheetApp calls and time for a 7-KPI SaaS dashboard
 * when the data sheets hold 500 and 50,000 rows, against the SpreadsheetApp fake of
 * test/fakes/spreadsheet-app.ts (it counts every call by kind; see docs/contributing/sheets-host.md). The
 * calls must be the same at both sizes: nothing the add-in does reads the data rows. Times are
 * of our code (plan + applier) with the fake standing in for Sheets, so they show the add-in's
 * own cost, not Google's; the baseline is buildPlan alone. A generation is two server calls around
 * the plan the sidebar builds (read, then write under the lock), so the sheets are read twice. A
 * second table does the same with every extra sheet and alerts on, plus the alerts calls
 * (getAlerts, switching the daily e-mail on, one run of the daily digest trigger). Then the size
 * of what the Goals step's history carries from the server to the page: the mapped columns, which
 * grow with the rows (the months are computed in the page).
 */
import { applyPlan } from '../apps-script/dashboard/apply';
import { readSheets } from '../apps-script/dashboard/workbook';
import { getSidebarState, snapshotNow } from '../apps-script/dashboard/server-api';
import { getAlerts, sendDailyDigest, setDailyAlerts } from '../apps-script/dashboard/alerts';
import { ALERT_SCOPES } from '../apps-script/dashboard/scopes';
import { readDataColumns } from '../apps-script/dashboard/data-history';
import { columnReads } from '../core/dashboard/monthly';
import { buildPlan } from '../core/dashboard/planner';
import { CallCounts } from '../test/fakes/spreadsheet-app';
import { allExtrasSetup, AS_OF, extrasWorkbook, generateNow, sampleSetup, sampleWorkbook } from '../test/apps-script/support';
import { compare, report, section, time } from './harness';

const fmt = (c: CallCounts) =>
  `${String(c.read).padStart(2)} round trips, ${String(c.write).padStart(3)} writes, ${String(c.get).padStart(3)} getters, ${String(c.builder).padStart(3)} builder, ${String(c.service).padStart(2)} service = ${c.total} calls (${c.document} on the document)`;

function calls(rows: number): Record<string, CallCounts> {
  const { fake, uninstall } = sampleWorkbook({ evaluate: () => 1 }, rows);
  const json = JSON.stringify(sampleSetup());
  const out: Record<string, CallCounts> = {};
  const run = (name: string, fn: () => unknown) => {
    fake.resetCounts();
    fn();
    out[name] = fake.counts();
  };
  run('generate (first time)', () => generateNow(json, AS_OF));
  run('generate again (in place)', () => generateNow(json, AS_OF));
  run('open the sidebar (getSidebarState)', () => getSidebarState());
  run('snapshot now', () => snapshotNow());
  uninstall();
  return out;
}

/** The same with every extra sheet and alerts on, and the alerts calls. */
function extrasCalls(rows: number): Record<string, CallCounts> {
  const { fake, uninstall } = extrasWorkbook({ evaluate: () => 1 }, rows);
  fake.grant(...ALERT_SCOPES);
  const json = JSON.stringify(allExtrasSetup());
  const out: Record<string, CallCounts> = {};
  const run = (name: string, fn: () => unknown) => {
    fake.resetCounts();
    fn();
    out[name] = fake.counts();
  };
  run('all extras: generate (first time)', () => generateNow(json, AS_OF));
  run('all extras: generate again', () => generateNow(json, AS_OF));
  run('alerts: getAlerts', () => getAlerts());
  run('alerts: switch the daily e-mail on', () => setDailyAlerts(true));
  run('alerts: one daily digest run', () => sendDailyDigest());
  uninstall();
  return out;
}

export function run(): void {
  const line = (name: string, text: string) => console.log(`${name.padEnd(48)} ${text}`);
  const table = (small: Record<string, CallCounts>, large: Record<string, CallCounts>) => {
    for (const action of Object.keys(small)) {
      line(`${action}, 500 rows`, fmt(small[action]));
      line(
        `${action}, 50,000 rows`,
        `${fmt(large[action])}${JSON.stringify(large[action]) === JSON.stringify(small[action]) ? '  (same)' : '  (DIFFERENT)'}`,
      );
    }
  };
  section('Sheets dashboard: SpreadsheetApp calls, 7-KPI SaaS template');
  table(calls(500), calls(50_000));
  section('Sheets dashboard: every extra sheet and alerts on (+ a Touches sheet of the same size)');
  table(extrasCalls(500), extrasCalls(50_000));
  console.log(
    '(the one difference on a first generation: Sheet.insertRowsAfter, growing Customers at risk to 50,016 rows for the spill of 50,000 orders)',
  );

  section('Sheets dashboard: what the Goals step carries to the page (readDataColumns, JSON)');
  for (const rows of [500, 50_000]) {
    const { uninstall } = sampleWorkbook({}, rows);
    const setup = sampleSetup();
    const bytes = JSON.stringify(readDataColumns(columnReads(setup.kpis, setup.mapping))).length;
    line(`mapped columns of the 7 KPIs, ${rows.toLocaleString('en')} rows`, `${(bytes / 1024).toFixed(0)} KB`);
    uninstall();
  }

  section('Sheets dashboard: time of our code (fake Sheets)');
  const setup = sampleSetup();
  const plan = () => buildPlan({ setup, asOf: AS_OF });
  const planMs = time(plan, 20);
  report('buildPlan (7 KPIs)', planMs);
  for (const rows of [500, 50_000]) {
    const { uninstall } = sampleWorkbook({}, rows);
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    // regenerate in place each run: the sheets exist after the warm-up, as for a returning user
    const apply = time(() => {
      const state = readSheets(ss);
      applyPlan(ss, buildPlan({ setup, asOf: AS_OF, existingSheets: state.existing }), state);
    }, 10);
    compare(`read sheets + buildPlan + applyPlan, ${rows.toLocaleString('en')} rows`, apply, 'buildPlan alone', planMs);
    const full = time(() => generateNow(setup, AS_OF), 10);
    compare(`read + plan (sidebar) + write (lock, properties), ${rows.toLocaleString('en')} rows`, full, 'buildPlan alone', planMs);
    uninstall();
  }
}
