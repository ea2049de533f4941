/**
 * End to end through the BUILT Apps Script project (npm run build first): dist/apps-script's
 * kpi-core.js and functions.js loaded into one vm global scope as Apps Script does, the fake's
 * services as globals, and the sidebar's calls made to the generated top-level stubs.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import vm from 'vm';
import { FakeSheets } from '../fakes/spreadsheet-app';
import { SHEETS } from '../fixtures/dashboard/company';
import { DIST } from '../support/hosts';
import { scriptRun } from '../fakes/script-run';
import { createSheetsBridge } from '../../sidebar/bridges/sheets';
import type * as SidebarApi from '../../apps-script/sidebar-api';
import { AS_OF, sampleSetup } from './support';

/** The server's size budget in KB of 1000 bytes: Sheets evaluates kpi-core.js on every custom-function call (bench/apps-script-size.bench.ts times it). */
const BUDGET_KB = 150;

function project(fake: FakeSheets): vm.Context {
  const context = vm.createContext({ console });
  fake.options.DateCtor = vm.runInContext('Date', context);
  fake.install(context);
  for (const file of ['kpi-core.js', 'functions.js'])
    vm.runInContext(readFileSync(join(DIST, 'apps-script', file), 'utf8'), context, { filename: file });
  return context;
}

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** The sidebar's Sheets bridge over the project's global stubs, as google.script.run reaches them. */
function bridgeOver(gas: vm.Context) {
  const names: (keyof typeof SidebarApi)[] = ['getSidebarState', 'saveSetup', 'readDashboardInputs', 'applyDashboardPlan', 'snapshotNow'];
  return createSheetsBridge(scriptRun(Object.fromEntries(names.map((n) => [n, (...args: unknown[]) => gas[n](...args)]))));
}

describe('the size of the built server', () => {
  const core = readFileSync(join(DIST, 'apps-script/kpi-core.js'), 'utf8');

  it(`is under ${BUDGET_KB} KB`, () => {
    expect(Buffer.byteLength(core)).toBeLessThan(BUDGET_KB * 1000);
  });

  it('carries no planner: the sidebar plans, the server reads and writes cells', () => {
    // texts only the planner writes (core/dashboard/planner.ts, sheets/definitions.ts), present in the sidebar's page
    const page = readFileSync(join(DIST, 'apps-script/sidebar.html'), 'utf8');
    for (const text of ['choose at least one KPI for the dashboard', 'Native formula (works without the add-in)']) {
      expect(page).toContain(text);
      expect(core).not.toContain(text);
    }
  });
});

describe('the built Apps Script project', () => {
  it('declares the sidebar API as top-level functions', () => {
    const code = readFileSync(join(DIST, 'apps-script/functions.js'), 'utf8');
    for (const fn of [
      'getSidebarState()',
      'saveSetup(setupJson)',
      'readDashboardInputs(setupJson, asOf)',
      'applyDashboardPlan(planJson, setupJson, stamp)',
      'recordGeneratedDashboard(planJson)',
      'snapshotNow()',
      'readDataColumns(reads)',
      'showSidebar()',
      'getAlerts()',
      'setDailyAlerts(on)',
      'confirmDigestRecipients(addresses)',
      'sendDailyDigest(e)',
    ]) {
      expect(code).toContain(`\nfunction ${fn} {`);
    }
  });

  it('generates, regenerates and snapshots through the global stubs, planning in the sidebar', async () => {
    const fake = new FakeSheets({
      timeZone: 'Europe/Paris',
      evaluate: (sheet, row, col) => (sheet === 'KPI Dashboard' && col === 2 ? row * 10 : undefined),
    });
    for (const [name, rows] of Object.entries(SHEETS)) fake.addSheet(name, rows);
    const gas = project(fake);

    const first = plain(gas.getSidebarState());
    expect(first.sheets.map((s: { name: string }) => s.name)).toEqual(['Marketing', 'Subscriptions', 'Deals', 'Orders']);
    expect(first.setup).toBeNull();

    const setup = sampleSetup();
    const bridge = bridgeOver(gas);
    const result = await bridge.generate(setup, AS_OF);
    expect(result.sheets).toEqual(['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']);
    expect(fake.markers().map((m) => m[2])).toEqual(['dashboard', 'goals', 'definitions', 'history']);
    expect(fake.sheet('KPI Dashboard')!.cell(2, 2)).toMatchObject({ v: 46096, fmt: 'yyyy-mm-dd' }); // 2026-03-15
    expect(fake.sheet('KPI Dashboard')!.charts).toHaveLength(7);

    const dump = fake.dump('KPI Dashboard');
    await bridge.generate(setup, AS_OF);
    expect(fake.dump('KPI Dashboard')).toEqual(dump);
    expect(fake.sheetNames()).toHaveLength(8);

    expect(plain(gas.snapshotNow())).toEqual({ appended: 7, updated: 0, skipped: [], date: '2026-03-15' });
    expect(fake.sheet('KPI History')!.cell(2, 1)!.v).toBe(46096); // read back as a Paris-midnight Date from the vm's realm
    const after = await bridge.load();
    expect(after.setup).toEqual(setup);
    expect(after.history[setup.kpis[0]]).toEqual([50]);
  });

  it('switches the daily alert e-mail on and runs its trigger through the global stubs', async () => {
    const fake = new FakeSheets({ evaluate: (sheet, _row, col) => (sheet === 'KPI Dashboard' && col === 2 ? 50 : undefined) });
    for (const [name, rows] of Object.entries(SHEETS)) fake.addSheet(name, rows);
    const gas = project(fake);
    const setup = { ...sampleSetup(), alerts: { enabled: true } };
    setup.goals = [{ kpi: 'mrr', baseline: 100, target: 200, start: '2026-01-01', end: '2026-12-31', owner: 'ana@acme.fr', threshold: 60 }];
    await bridgeOver(gas).generate(setup, AS_OF);
    expect(plain(gas.getAlerts())).toMatchObject({
      daily: false,
      dailyAvailable: true,
      breaches: [{ kpi: 'mrr', kinds: ['threshold'], value: 50 }],
    });
    expect(() => gas.setDailyAlerts(true)).toThrow(/two more permissions/);
    fake.grant(
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/userinfo.email',
    );
    const on = plain(gas.setDailyAlerts(true));
    expect(on.daily).toBe(true);
    // the owner is outside the domain of the account switching it on (ana@example.com): listed, waiting
    expect(on.recipients).toEqual([{ address: 'ana@acme.fr', status: 'unconfirmed', kpis: ['mrr'] }]);
    expect(plain(gas.confirmDigestRecipients(['ana@acme.fr'])).recipients[0].status).toBe('confirmed');
    expect(fake.triggers.map((t) => t.handler)).toEqual(['sendDailyDigest']);
    expect(typeof gas[fake.triggers[0].handler]).toBe('function'); // what the trigger will call exists at top level
    const run = plain(gas.sendDailyDigest({ authMode: 'FULL', triggerUid: fake.triggers[0].id }));
    expect(run.sent).toEqual([{ to: 'ana@acme.fr', kpis: ['mrr'] }]);
    expect(fake.mail.sent[0].htmlBody).toContain('MRR');
    // once a day per spreadsheet
    expect(plain(gas.sendDailyDigest({ authMode: 'FULL', triggerUid: fake.triggers[0].id })).skipped).toBe('already sent today');
    expect(fake.mail.sent).toHaveLength(1);
    expect(plain(gas.setDailyAlerts(false)).daily).toBe(false);
    expect(fake.triggers).toEqual([]);
  });

  it('opens the sidebar from the menu', () => {
    const fake = new FakeSheets();
    const gas = project(fake);
    gas.showSidebar();
    expect(fake.sidebars).toEqual([{ file: 'sidebar', title: 'KPI Pilot' }]);
  });
});
