/** The server API the sidebar calls: state, setup persistence, the lock, and host call counts. */
import { getSidebarState, generateDashboard, saveSetup, snapshotNow } from '../../apps-script/dashboard/server-api';
import { GENERATED_KEY, SETUP_KEY } from '../../apps-script/dashboard/store';
import { showSidebar } from '../../apps-script/menu';
import { FakeSheets } from '../fakes/spreadsheet-app';
import { AS_OF, sampleSetup, sampleWorkbook } from './support';

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

  it('after a generation: leaves our sheets out of the data sheets, lists their markers, and reads History per KPI, oldest first', () => {
    const values: Record<number, number> = { 5: 100 };
    open({ evaluate: (sheet: string, row: number, col: number) => (sheet === 'KPI Dashboard' && col === 2 ? values[row] : undefined) });
    generateDashboard(JSON.stringify(sampleSetup()), AS_OF);
    snapshotNow();
    values[5] = 120;
    generateDashboard(JSON.stringify(sampleSetup()), '2026-04-15');
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

  it('keeps the generated setup apart: saving an edit without generating does not move the snapshot', () => {
    open({ evaluate: (sheet: string, row: number, col: number) => (sheet === 'KPI Dashboard' && col === 2 ? row : undefined) });
    generateDashboard(JSON.stringify(sampleSetup()), AS_OF);
    saveSetup(JSON.stringify(sampleSetup('saas', { kpis: ['cac'], goals: [] })));
    expect(JSON.parse(fake.properties.get(GENERATED_KEY)!).kpis).toEqual(sampleSetup().kpis);
    expect(snapshotNow().appended).toBe(7);
  });
});

describe('the document lock', () => {
  it('is taken before the first write and released after the last, for generate and snapshot', () => {
    open({ evaluate: () => 1 });
    generateDashboard(JSON.stringify(sampleSetup()), AS_OF);
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

  it('held by another run: generating fails with a clear message and writes nothing to the sheets', () => {
    open();
    fake.lock.busy = true;
    expect(() => generateDashboard(JSON.stringify(sampleSetup()), AS_OF)).toThrow(/Another KPI Pilot generation or snapshot is running/);
    expect(fake.sheetNames()).toEqual(['Marketing', 'Subscriptions', 'Deals', 'Orders']);
    expect(() => generateDashboard(JSON.stringify(sampleSetup('saas', { locale: 'fr' })), AS_OF)).toThrow(/Une autre génération/);
  });

  it('is released when the generation fails', () => {
    open();
    expect(() => generateDashboard(JSON.stringify(sampleSetup()), '15/03/2026')).toThrow(/not a date as YYYY-MM-DD/);
    expect(fake.lock).toMatchObject({ held: false, acquired: 1, released: 1 });
  });
});

describe('host calls', () => {
  /** Counts of one generate, one regenerate, one sidebar load and one snapshot over `rows` data rows per sheet. */
  function measure(rows: number) {
    open({ evaluate: () => 1 }, rows);
    const json = JSON.stringify(sampleSetup());
    const run = (fn: () => unknown) => {
      fake.resetCounts();
      fn();
      return { counts: fake.counts(), byMethod: fake.byMethod(), cellsRead: Object.fromEntries(fake.cellsRead) };
    };
    const out = {
      generate: run(() => generateDashboard(json, AS_OF)),
      regenerate: run(() => generateDashboard(json, AS_OF)),
      state: run(() => getSidebarState()),
      snapshot: run(() => snapshotNow()),
    };
    uninstall();
    return out;
  }

  it('do not change with the data: 500 and 50,000 rows per sheet make exactly the same calls', () => {
    const small = measure(500);
    const large = measure(50000);
    expect(large).toEqual(small);
    expect(small.generate.counts.total).toBeGreaterThan(0);
    // and no call reads the data rows: only header rows (one row of at most 26 cells per data sheet)
    for (const name of ['Marketing', 'Subscriptions', 'Deals', 'Orders']) {
      expect(large.state.cellsRead[name]).toBe(26);
      for (const action of [large.generate, large.regenerate, large.snapshot]) expect(action.cellsRead[name]).toBeUndefined();
    }
  });

  it('for a 7-KPI dashboard: at most 30 round trips per action, and writes batched per sheet', () => {
    const m = measure(500);
    // round trips (reads that make Apps Script flush and wait): a handful per action
    for (const action of Object.values(m)) expect(action.counts.read).toBeLessThanOrEqual(30);
    expect(m.generate.counts.read).toBeLessThanOrEqual(5);
    expect(m.regenerate.counts.read).toBeLessThanOrEqual(8); // more than the first: KPI Goals read back, the anchors listed
    // one setValues and one setNumberFormats per generated sheet, however many blocks it has
    expect(m.generate.byMethod['Range.setValues']).toBe(4);
    expect(m.generate.byMethod['Range.setNumberFormats']).toBe(4);
    expect(m.regenerate.byMethod['Range.setValues']).toBe(3); // History is never rewritten
    expect(m.generate.byMethod['Sheet.setConditionalFormatRules']).toBe(2);
    expect(m.generate.byMethod['Sheet.insertChart']).toBe(7);
    // every document call (reads, batched writes, getters): bounded by sheets, KPIs and charts
    expect(m.generate.counts.document).toBeLessThanOrEqual(104); // + the three anchors recorded, + each sheet's id (what tells a user's copy apart)
    expect(m.generate.byMethod['Sheet.getSheetId']).toBe(4);
    expect(m.regenerate.counts.document).toBeLessThanOrEqual(119); // + KPI Goals read back, the anchors moved, each sheet's id
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
