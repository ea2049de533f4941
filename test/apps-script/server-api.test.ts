/** The server API the sidebar calls: state, setup persistence, the lock, and host call counts. */
import { getSidebarState, saveSetup, snapshotNow } from '../../apps-script/dashboard/server-api';
import { applyDashboardPlan, readDashboardInputs } from '../../apps-script/dashboard/generate';
import { GENERATED_KEY, SETUP_KEY } from '../../apps-script/dashboard/store';
import { showSidebar } from '../../apps-script/menu';
import { buildPlan } from '../../core/dashboard/planner';
import { FakeSheets } from '../fakes/spreadsheet-app';
import { AS_OF, sampleSetup, sampleWorkbook, generate, sidebarState } from './support';

let fake: FakeSheets;
let uninstall: () => void;
afterEach(() => uninstall?.());
const open = (options = {}, rows?: number) => ({ fake, uninstall } = sampleWorkbook(options, rows)).fake;

describe('getSidebarState', () => {
  it('reports data sheets with headers and row counts, no markers yet, the user locale and today in the spreadsheet zone', () => {
    open({ locale: 'fr_CA', timeZone: 'Pacific/Kiritimati' });
    const state = getSidebarState();
    expect(state.sheets.map((s) => [s.name, s.headerRow, s.rows, s.headers.length])).toEqual([
      ['Marketing', 1, 9, 9],
      ['Subscriptions', 1, 23, 3],
      ['Deals', 1, 10, 6],
      ['Orders', 1, 7, 4],
    ]);
    expect(state.sheets[0].headers.slice(0, 3)).toEqual(['Month', 'Channel', 'Spend']);
    expect(state.existing.every((s) => s.marker === null)).toBe(true);
    expect(state.locale).toBe('fr');
    expect(state.setup).toBeNull();
    expect(state.history).toEqual({});
    // Kiritimati is UTC+14: its calendar is ahead of UTC for 14 hours of every day
    const now = new Date();
    const expected = new Date(now.getTime() + 14 * 3600000).toISOString().slice(0, 10);
    expect(state.today).toBe(expected);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state); // what google.script.run can carry
  });

  it('after a generation: leaves our sheets out of the data sheets, lists their markers, and reads History per KPI, oldest first', async () => {
    const values: Record<number, number> = { 5: 100 };
    open({ evaluate: (sheet: string, row: number, col: number) => (sheet === 'KPI Dashboard' && col === 2 ? values[row] : undefined) });
    await generate(sampleSetup(), AS_OF);
    snapshotNow();
    values[5] = 120;
    await generate(sampleSetup(), '2026-04-15');
    snapshotNow();
    const state = getSidebarState();
    expect(state.sheets.map((s) => s.name)).toEqual(['Marketing', 'Subscriptions', 'Deals', 'Orders']);
    expect(state.existing.filter((s) => s.marker)).toEqual([
      { name: 'KPI Dashboard', marker: 'dashboard' },
      { name: 'KPI Goals', marker: 'goals' },
      { name: 'KPI Definitions', marker: 'definitions' },
      { name: 'KPI History', marker: 'history' },
    ]);
    expect(state.history).toEqual({ mrr: [100, 120] });
    expect(state.setup).toEqual(sampleSetup());
  });

  it('uses the header row the saved setup maps for a sheet', () => {
    open();
    fake.addSheet('Export', [['HubSpot export, 2026'], ['Deal Name', 'Amount'], ['A', 1], ['B', 2]]);
    saveSetup(JSON.stringify(sampleSetup('saas', { mapping: { deals: { sheet: 'Export', headerRow: 2, columns: { amount: 'B' } } } })));
    const info = getSidebarState().sheets.find((s) => s.name === 'Export')!;
    expect(info).toEqual({ name: 'Export', headerRow: 2, headers: ['Deal Name', 'Amount'], rows: 2 });
  });
});

describe('the setup in document properties', () => {
  it('round-trips through saveSetup and getSidebarState', () => {
    open();
    const setup = sampleSetup('b2b', { locale: 'fr', options: { grossMargin: 0.8 } });
    saveSetup(JSON.stringify(setup));
    expect(JSON.parse(fake.properties.get(SETUP_KEY)!)).toEqual(setup);
    expect(getSidebarState().setup).toEqual(setup);
  });

  it('refuses an invalid or oversized setup with the core message, keeping the saved one', () => {
    open();
    saveSetup(JSON.stringify(sampleSetup()));
    const saved = fake.properties.get(SETUP_KEY);
    expect(() => saveSetup(JSON.stringify({ ...sampleSetup(), kpis: ['nope'] }))).toThrow(/not in the catalog/);
    const huge = sampleSetup();
    huge.goals = huge.kpis.map((kpi) => ({ kpi, owner: 'x'.repeat(1400) }));
    expect(() => saveSetup(JSON.stringify(huge))).toThrow(/more than the 9000/);
    expect(() => saveSetup('{')).toThrow(/not valid JSON/);
    expect(fake.properties.get(SETUP_KEY)).toBe(saved);
  });

  it('reads back null rather than failing when the stored text no longer parses', () => {
    open();
    fake.properties.set(SETUP_KEY, '{"v":99}');
    expect(getSidebarState().setup).toBeNull();
  });

  it.each([
    ['an unknown template', { template: 'nope' }],
    ['a trend longer than allowed', { options: { trendPeriods: 999 } }],
    ['a field no dataset has', { mapping: { marketing: { sheet: 'Marketing', headerRow: 1, columns: { spendings: 'C' } } } }],
  ])(
    'opens the sidebar afresh on a saved setup with %s (an older version, a hand edit), not on a Generate that must fail',
    async (_, change) => {
      open();
      fake.properties.set(SETUP_KEY, JSON.stringify({ ...sampleSetup(), ...change }));
      expect(getSidebarState().setup).not.toBeNull(); // its shape is one the server's readers can use
      expect((await sidebarState()).setup).toBeNull();
    },
  );

  it('keeps the generated setup apart: saving an edit without generating does not move the snapshot', async () => {
    open({ evaluate: (sheet: string, row: number, col: number) => (sheet === 'KPI Dashboard' && col === 2 ? row : undefined) });
    await generate(sampleSetup(), AS_OF);
    saveSetup(JSON.stringify(sampleSetup('saas', { kpis: ['cac'], goals: [] })));
    expect(JSON.parse(fake.properties.get(GENERATED_KEY)!).kpis).toEqual(sampleSetup().kpis);
    expect(snapshotNow().appended).toBe(7);
  });
});

describe('the document lock', () => {
  it('is taken before the first write and released after the last, for generate and snapshot', async () => {
    open({ evaluate: () => 1 });
    await generate(sampleSetup(), AS_OF);
    snapshotNow();
    const log = fake.log;
    const writes = log
      .map((e, i) => [e, i] as const)
      .filter(([e]) => /^(Sheet|Range|RangeList|Spreadsheet)\.(set|insert|add|clear|remove)/.test(e));
    const locks = log.map((e, i) => [e, i] as const).filter(([e]) => /^Lock\./.test(e));
    expect(locks.map(([e]) => e)).toEqual(['Lock.tryLock', 'Lock.releaseLock', 'Lock.tryLock', 'Lock.releaseLock']);
    const [gen, snap] = [writes.filter(([, i]) => i < locks[1][1]), writes.filter(([, i]) => i > locks[2][1])];
    expect(gen[0][1]).toBeGreaterThan(locks[0][1]);
    expect(snap.length).toBeGreaterThan(0);
    expect(snap[snap.length - 1][1]).toBeLessThan(locks[3][1]);
    expect(fake.lock).toMatchObject({ held: false, acquired: 2, released: 2 });
  });

  it('held by another run: generating fails with a clear message and writes nothing to the sheets', async () => {
    open();
    fake.lock.busy = true;
    await expect(generate(sampleSetup(), AS_OF)).rejects.toThrow(/Another KPI Pilot generation or snapshot is running/);
    expect(fake.sheetNames()).toEqual(['Marketing', 'Subscriptions', 'Deals', 'Orders']);
    await expect(generate(sampleSetup('saas', { locale: 'fr' }), AS_OF)).rejects.toThrow(/Une autre génération/);
  });

  it('is not taken for a date that is not one: the read refuses it before anything is planned', async () => {
    open();
    await expect(generate(sampleSetup(), '15/03/2026')).rejects.toThrow(/not a date as YYYY-MM-DD/);
    expect(fake.lock).toMatchObject({ held: false, acquired: 0, released: 0 });
    expect(fake.sheetNames()).toEqual(['Marketing', 'Subscriptions', 'Deals', 'Orders']);
  });

  it('is released when writing the plan fails', async () => {
    open();
    await generate(sampleSetup(), AS_OF);
    const setupJson = JSON.stringify(sampleSetup());
    const inputs = readDashboardInputs(setupJson, AS_OF);
    // a plan that names a user's sheet (only a stale plan could): refused by the applier, under the lock
    const plan = buildPlan({ setup: sampleSetup(), asOf: AS_OF, existingSheets: inputs.existing });
    const stale = { ...plan, sheets: plan.sheets.map((s) => (s.role === 'definitions' ? { ...s, name: 'Marketing' } : s)) };
    expect(() => applyDashboardPlan(JSON.stringify(stale), setupJson, inputs.stamp)).toThrow(/The sheet "Marketing" belongs to you/);
    expect(fake.lock).toMatchObject({ held: false, acquired: 2, released: 2 });
  });
});

describe('host calls', () => {
  /** Counts of one generate, one regenerate, one sidebar load and one snapshot over `rows` data rows per sheet. */
  async function measure(rows: number) {
    open({ evaluate: () => 1 }, rows);
    const json = JSON.stringify(sampleSetup());
    const run = async (fn: () => unknown) => {
      fake.resetCounts();
      await fn();
      return { counts: fake.counts(), byMethod: fake.byMethod(), cellsRead: Object.fromEntries(fake.cellsRead) };
    };
    const out = {
      generate: await run(() => generate(json, AS_OF)),
      regenerate: await run(() => generate(json, AS_OF)),
      state: await run(() => sidebarState()),
      snapshot: await run(() => snapshotNow()),
    };
    uninstall();
    return out;
  }

  it('do not change with the data: 500 and 50,000 rows per sheet make exactly the same calls', async () => {
    const small = await measure(500);
    const large = await measure(50000);
    expect(large).toEqual(small);
    expect(small.generate.counts.total).toBeGreaterThan(0);
    // and no call reads the data rows: only header rows (one row of at most 26 cells per data sheet)
    for (const name of ['Marketing', 'Subscriptions', 'Deals', 'Orders']) {
      expect(large.state.cellsRead[name]).toBe(26);
      for (const action of [large.generate, large.regenerate, large.snapshot]) expect(action.cellsRead[name]).toBeUndefined();
    }
  });

  it('for a 7-KPI dashboard: at most 30 round trips per action, and writes batched per sheet', async () => {
    const m = await measure(500);
    // round trips (reads that make Apps Script flush and wait): a handful per action
    for (const action of Object.values(m)) expect(action.counts.read).toBeLessThanOrEqual(30);
    // the sheets, markers and KPI Goals are read twice: for the plan the sidebar builds, and again
    // under the lock to check nothing changed before it is written
    expect(m.generate.counts.read).toBeLessThanOrEqual(8);
    expect(m.regenerate.counts.read).toBeLessThanOrEqual(11); // more than the first: KPI Goals read back, the anchors listed
    // one setValues and one setNumberFormats per generated sheet, however many blocks it has
    expect(m.generate.byMethod['Range.setValues']).toBe(4);
    expect(m.generate.byMethod['Range.setNumberFormats']).toBe(4);
    expect(m.regenerate.byMethod['Range.setValues']).toBe(3); // History is never rewritten
    expect(m.generate.byMethod['Sheet.setConditionalFormatRules']).toBe(2);
    expect(m.generate.byMethod['Sheet.insertChart']).toBe(7);
    // every document call (reads, batched writes, getters): bounded by sheets, KPIs and charts
    expect(m.generate.counts.document).toBeLessThanOrEqual(113); // + the three anchors recorded, + each sheet's id (what tells a user's copy apart), + the sheets read again under the lock
    expect(m.generate.byMethod['Sheet.getSheetId']).toBe(4);
    expect(m.regenerate.counts.document).toBeLessThanOrEqual(150); // + KPI Goals read back, the anchors moved, each sheet's id, the sheets and KPI Goals read again under the lock
    expect(m.regenerate.byMethod['Sheet.getSheetId']).toBe(4);
    expect(m.state.byMethod['Sheet.getSheetId']).toBeUndefined(); // reading sheets and markers costs no id while no role is doubled
    expect(m.snapshot.byMethod['Sheet.getSheetId']).toBeUndefined();
    // reading for the sidebar and snapshotting are small
    expect(m.state.counts.document).toBeLessThanOrEqual(50);
    expect(m.snapshot.counts.document).toBeLessThanOrEqual(45); // anchors found and read, History read to update its period in place
    expect(m.snapshot.byMethod['Range.setValues']).toBe(1);
  });
});

describe('the menu', () => {
  it('opens the built sidebar file titled KPI Pilot', () => {
    open();
    showSidebar();
    expect(fake.sidebars).toEqual([{ file: 'sidebar', title: 'KPI Pilot' }]);
  });
});
