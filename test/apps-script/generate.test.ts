/**
 * Generating from the Sheets sidebar: the server reads, the sidebar plans, the server writes only
 * when the workbook is as it was read. Through the real bridge, with google.script.run calling the
 * server functions in-process on the fake.
 */
import { GENERATED_DASHBOARD_KEY } from '../../apps-script/dashboard/generated-store';
import { snapshotNow } from '../../apps-script/dashboard/server-api';
import { GENERATED_KEY } from '../../apps-script/dashboard/store';
import { kpi } from '../../core/dashboard/catalog';
import { parseGeneratedDashboard } from '../../core/dashboard/generated';
import { MAX_SETUP_BYTES } from '../../core/dashboard/setup';
import { FakeSheets } from '../fakes/spreadsheet-app';
import { allExtrasSetup, AS_OF, extrasWorkbook, generate, sampleSetup, sampleWorkbook, sheetsBridge } from './support';

let fake: FakeSheets;
let uninstall: () => void;
afterEach(() => uninstall?.());

const CHANGED = /The workbook changed while the dashboard was prepared.*Nothing was written: generate again/;

describe('a generation', () => {
  it('reads, plans in the sidebar, then writes: two server calls, the plan never built on the server', async () => {
    ({ fake, uninstall } = sampleWorkbook());
    const calls: string[] = [];
    const result = await sheetsBridge(calls).generate(sampleSetup(), AS_OF);
    expect(calls).toEqual(['readDashboardInputs', 'applyDashboardPlan']);
    expect(result.sheets).toEqual(['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']);
    expect(JSON.parse(fake.properties.get(GENERATED_KEY)!)).toEqual(sampleSetup());
  });

  it('is refused, writing nothing, when a sheet is added between the read and the write', async () => {
    ({ fake, uninstall } = sampleWorkbook());
    const bridge = sheetsBridge([], (name) => {
      if (name === 'applyDashboardPlan') fake.addSheet('KPI Dashboard', [['my own dashboard']]); // another editor, meanwhile
    });
    await expect(bridge.generate(sampleSetup(), AS_OF)).rejects.toThrow(CHANGED);
    expect(fake.sheetNames()).toEqual(['Marketing', 'Subscriptions', 'Deals', 'Orders', 'KPI Dashboard']);
    expect(fake.sheet('KPI Dashboard')!.cell(1, 1)!.v).toBe('my own dashboard');
    expect(fake.properties.has(GENERATED_KEY)).toBe(false);
    expect(fake.properties.has(GENERATED_DASHBOARD_KEY)).toBe(false);
    expect(fake.lock).toMatchObject({ held: false, acquired: 1, released: 1 });
    // the next generation plans with that sheet and goes round it
    expect((await generate(sampleSetup(), AS_OF)).sheets[0]).toBe('KPI Dashboard (KPI Pilot)');
  });

  it('is refused when KPI Goals is edited meanwhile, and the edit is kept for the next generation', async () => {
    ({ fake, uninstall } = sampleWorkbook());
    await generate(sampleSetup(), AS_OF);
    const before = fake.dump('KPI Dashboard');
    const bridge = sheetsBridge([], (name) => {
      if (name === 'applyDashboardPlan') fake.sheet('KPI Goals')!.getRange('D2').setValue(250); // mrr's target, typed meanwhile
    });
    await expect(bridge.generate(sampleSetup('saas', { locale: 'fr' }), AS_OF)).rejects.toThrow(
      /Le classeur a changé pendant la préparation du tableau de bord.*Rien n’a été écrit : générez à nouveau/,
    );
    expect(fake.dump('KPI Dashboard')).toEqual(before);
    expect(fake.sheet('KPI Goals')!.cell(2, 4)!.v).toBe(250);
    const again = await generate(sampleSetup(), AS_OF);
    expect(again.setup!.goals[0]).toMatchObject({ kpi: 'mrr', target: 250 });
  });

  it('is not refused when rows arrive in a mapped sheet meanwhile (a form, an import): they are data, not layout', async () => {
    ({ fake, uninstall } = extrasWorkbook());
    const orders = fake.sheet('Orders')!;
    const bridge = sheetsBridge([], (name) => {
      if (name === 'applyDashboardPlan') orders.getRange(orders.getLastRow() + 1, 1, 1, 3).setValues([['late order', 45962, 10]]);
    });
    const rowsBefore = orders.getLastRow();
    const result = await bridge.generate(allExtrasSetup(), AS_OF);
    expect(orders.getLastRow()).toBe(rowsBefore + 1);
    expect(result.sheets[0]).toBe('KPI Dashboard');
    expect(fake.properties.has(GENERATED_KEY)).toBe(true);
  });

  it('is refused when the server gets something that is not a plan of this version', async () => {
    ({ fake, uninstall } = sampleWorkbook());
    const server = await import('../../apps-script/dashboard/generate');
    const inputs = server.readDashboardInputs(JSON.stringify(sampleSetup()), AS_OF);
    for (const plan of ['{', '{"version":99,"sheets":[]}', '[]'])
      expect(() => server.applyDashboardPlan(plan, JSON.stringify(sampleSetup()), inputs.stamp)).toThrow(/cannot write/);
    expect(fake.sheetNames()).toEqual(['Marketing', 'Subscriptions', 'Deals', 'Orders']);
  });
});

describe('the record of the generated dashboard', () => {
  it('holds the cards, the trend, the locale and KPI History as planned, well under a document property', async () => {
    ({ fake, uninstall } = extrasWorkbook());
    await generate(allExtrasSetup(), AS_OF);
    const text = fake.properties.get(GENERATED_DASHBOARD_KEY)!;
    const record = parseGeneratedDashboard(text)!;
    expect(record.kpis).toEqual(allExtrasSetup().kpis);
    expect(record.locale).toBe('en');
    expect(record.history!.name).toBe('KPI History');
    expect(record.history!.blocks[0].cells).toEqual([['Date', 'KPI', 'KPI id', 'Value']]);
    // seven KPIs, every extra: a few hundred bytes of the 9000 a property holds
    expect(text.length).toBeLessThan(MAX_SETUP_BYTES / 4);
  });

  it('is made for a dashboard generated by an earlier version when the sidebar opens', async () => {
    ({ fake, uninstall } = sampleWorkbook({ evaluate: () => 1 }));
    await generate(sampleSetup(), AS_OF);
    const recorded = fake.properties.get(GENERATED_DASHBOARD_KEY);
    fake.properties.delete(GENERATED_DASHBOARD_KEY); // as an earlier version left it
    const calls: string[] = [];
    await sheetsBridge(calls).load();
    expect(calls).toEqual(['getSidebarState', 'recordGeneratedDashboard']);
    expect(JSON.parse(fake.properties.get(GENERATED_DASHBOARD_KEY)!)).toEqual(JSON.parse(recorded!));
    expect(snapshotNow().appended).toBe(7);
    // once recorded, opening the sidebar reads only
    calls.length = 0;
    await sheetsBridge(calls).load();
    expect(calls).toEqual(['getSidebarState']);
  });

  it('lets "Snapshot now" work without planning, also for a dashboard generated by an earlier version (no record)', async () => {
    ({ fake, uninstall } = sampleWorkbook({ evaluate: () => 1 }));
    await generate(sampleSetup(), AS_OF);
    fake.properties.delete(GENERATED_DASHBOARD_KEY); // generated by an earlier version
    expect(snapshotNow()).toMatchObject({ appended: 7, updated: 0 });
    expect(
      fake
        .sheet('KPI History')!
        .getDataRange()
        .getValues()
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(sampleSetup().kpis.map((id) => kpi(id).name.en));
  });

  it('says to generate again when KPI History was deleted and no record says how it was planned', async () => {
    ({ fake, uninstall } = sampleWorkbook({ evaluate: () => 1 }));
    await generate(sampleSetup(), AS_OF);
    fake.properties.delete(GENERATED_DASHBOARD_KEY); // generated by an earlier version
    fake.spreadsheet.deleteSheet(fake.sheet('KPI History')!);
    expect(() => snapshotNow()).toThrow(/generated by an earlier version of KPI Pilot. Generate it again/);
    expect(fake.sheetNames()).not.toContain('KPI History');
  });
});
