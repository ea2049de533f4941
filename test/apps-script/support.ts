/** Shared set-up of the Apps Script host tests: the fake installed as globals, sample setups and data. */
import { serialFromYmd } from '../../core/args/cells';
import { DashboardSetup } from '../../core/dashboard/setup';
import { template, TemplateId } from '../../core/dashboard/templates';
import { ALL_EXTRAS, MAPPING, SHEETS, TOUCHES, TOUCHES_MAPPING } from '../fixtures/dashboard/company';
import { FakeOptions, FakeSheets } from '../fakes/spreadsheet-app';
import { inProcessRun } from '../fakes/script-run';
import { createSheetsBridge, planOnInputs } from '../../sidebar/bridges/sheets';
import { applyDashboardPlan, readDashboardInputs } from '../../apps-script/dashboard/generate';
import type { GenerateResult, HostBridge, WorkbookInfo } from '../../sidebar/bridge';

export { AS_OF } from '../fixtures/dashboard/company';

/** A template's setup over the sample company, with one goal, as the sidebar would send it. */
export function sampleSetup(id: TemplateId = 'saas', extra: Partial<DashboardSetup> = {}): DashboardSetup {
  const kpis = [...template(id).kpis];
  return {
    v: 1,
    locale: 'en',
    template: id,
    kpis,
    mapping: MAPPING,
    goals: [{ kpi: kpis[0], baseline: 100, target: 200, start: '2026-01-01', end: '2026-12-31', owner: 'Ana', frequency: 'monthly' }],
    ...extra,
  };
}

/** The fake with the sample company's sheets (dates as day serials with a date format, as Sheets holds them), installed as globals. */
export function sampleWorkbook(options: FakeOptions = {}, rowsPerSheet?: number): { fake: FakeSheets; uninstall: () => void } {
  const fake = new FakeSheets(options);
  for (const [name, rows] of Object.entries(SHEETS)) fake.addSheet(name, rowsPerSheet ? grow(rows, rowsPerSheet) : rows);
  const uninstall = fake.install();
  return { fake, uninstall };
}

/** The sheet's header and its data rows repeated until there are `n` data rows. */
export function grow(rows: readonly (readonly unknown[])[], n: number): unknown[][] {
  const [header, ...data] = rows;
  const out: unknown[][] = [[...header]];
  for (let i = 0; i < n; i++) out.push([...data[i % data.length]]);
  return out;
}

export const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return serialFromYmd(y, m - 1, d);
};

/** Every extra sheet and alerts on, over the sample company plus a Touches sheet. */
export function allExtrasSetup(): DashboardSetup {
  return sampleSetup('saas', { mapping: { ...MAPPING, ...TOUCHES_MAPPING }, extras: ALL_EXTRAS, alerts: { enabled: true, email: true } });
}

/** The sample workbook with the Touches sheet too. */
export function extrasWorkbook(options: FakeOptions = {}, rowsPerSheet?: number): { fake: FakeSheets; uninstall: () => void } {
  const fake = new FakeSheets(options);
  for (const [name, rows] of Object.entries(SHEETS)) fake.addSheet(name, rowsPerSheet ? grow(rows, rowsPerSheet) : rows);
  fake.addSheet('Touches', rowsPerSheet ? grow(TOUCHES, rowsPerSheet) : TOUCHES);
  const uninstall = fake.install();
  return { fake, uninstall };
}

/** The sidebar's Sheets bridge over the server functions run in-process on the fake (test/fakes/script-run.ts). */
export function sheetsBridge(calls?: string[], before?: (name: string) => void): HostBridge {
  return createSheetsBridge(inProcessRun(calls, before));
}

/** "Generate" as the sidebar does it: read on the server, plan in the page, write on the server. */
export function generate(setup: DashboardSetup | string, asOf: string): Promise<GenerateResult> {
  return sheetsBridge().generate(typeof setup === 'string' ? (JSON.parse(setup) as DashboardSetup) : setup, asOf);
}

/** What the sidebar shows when it opens (KPI Goals merged into the saved setup in the page). */
export function sidebarState(): Promise<WorkbookInfo> {
  return sheetsBridge().load();
}

/**
 * The same three steps without google.script.run's promises, for benches that time them: the
 * server read, the sidebar's plan (sidebar/bridges/sheets.ts planOnInputs), the server write.
 */
export function generateNow(setup: DashboardSetup | string, asOf: string): { sheets: string[] } {
  const json = typeof setup === 'string' ? setup : JSON.stringify(setup);
  const inputs = readDashboardInputs(json, asOf);
  return applyDashboardPlan(...planOnInputs(JSON.parse(json) as DashboardSetup, inputs).args);
}
