/**
 * createExcelBridge end to end against the fake workbook and office-addin-mock: the setup in the
 * document settings, what the task pane reads when it opens, "Snapshot now", and the number of
 * syncs at 500 and 50,000 data rows (the budget: at most 10, not growing with the data).
 */
import { KpiError } from '../../core/errors';
import { createExcelBridge } from '../../office-addin/dashboard/bridge';
import { SETUP_SETTING } from '../../office-addin/dashboard/settings';
import { FakeWorkbook } from './fake-excel';
import { officeFake } from './office-fake';
import { bigWorkbook, bridgeFor, companyWorkbook, saasSetup } from './support';

const KPIS = ['mrr', 'mrr_churn', 'nrr', 'cac', 'ltv', 'lead_to_opp', 'cpl'];

describe('the setup in the document settings', () => {
  it('round-trips through settings.set + saveAsync and is read back by a new task pane', async () => {
    const office = officeFake();
    await bridgeFor(new FakeWorkbook(), office).save(saasSetup());
    expect(office.saves).toBe(1);
    expect(typeof office.store[SETUP_SETTING]).toBe('string');
    const info = await bridgeFor(companyWorkbook(), office).load();
    expect(info.setup).toEqual(saasSetup());
  });

  it('is saved by generate before the sheets are written', async () => {
    const office = officeFake();
    await bridgeFor(companyWorkbook(), office).generate(saasSetup(), '2026-03-15');
    expect(JSON.parse(String(office.store[SETUP_SETTING])).kpis).toEqual(KPIS);
  });

  it('gives null the first time and for a setting that no longer parses', async () => {
    expect((await bridgeFor(companyWorkbook(), officeFake()).load()).setup).toBeNull();
    expect((await bridgeFor(companyWorkbook(), officeFake('en-US', { [SETUP_SETTING]: '{"v":99}' })).load()).setup).toBeNull();
  });

  it('refuses an invalid setup with a KpiError and reports a failed save', async () => {
    const bad = { ...saasSetup(), kpis: ['not_a_kpi'] } as unknown as ReturnType<typeof saasSetup>;
    await expect(bridgeFor(new FakeWorkbook(), officeFake()).save(bad)).rejects.toBeInstanceOf(KpiError);
    await expect(bridgeFor(new FakeWorkbook(), officeFake('en-US', {}, true)).save(saasSetup())).rejects.toThrow(
      /could not be saved.*read-only/,
    );
  });
});

describe('load', () => {
  it('lists the data sheets with headers and row counts, our sheets with markers, locale and today, in 2 syncs before a dashboard exists', async () => {
    const book = companyWorkbook();
    const info = await bridgeFor(book, officeFake('fr-CA')).load();
    expect(book.syncs).toBe(2);
    expect(info.locale).toBe('fr');
    expect(info.today).toBe('2026-03-15');
    expect(info.history).toEqual({});
    const marketing = info.sheets.find((s) => s.name === 'Marketing')!;
    expect(marketing.headers).toEqual([
      'Month',
      'Channel',
      'Spend',
      'Leads',
      'Opportunities',
      'New customers',
      'Attributed revenue',
      'Sessions',
      'Active customers',
    ]);
    expect(marketing.headerRow).toBe(1);
    expect(marketing.rows).toBe(9); // the fixture's nine months × channels rows
    expect(info.existing.every((s) => s.marker === null)).toBe(true);
  });

  it('places headers by column and row when the data starts at B3', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Offset', [[], [], [null, 'Date', 'Spend'], [null, 46000, 5], [null, 46001, 6]]);
    const info = await bridgeFor(book, officeFake()).load();
    expect(info.sheets).toEqual([{ name: 'Offset', headers: ['', 'Date', 'Spend'], headerRow: 3, rows: 2 }]);
  });

  it('leaves our sheets out of the data sheets, reads History in a third sync, and handles a blank sheet', async () => {
    const book = companyWorkbook();
    book.addSheet('Notes');
    const bridge = bridgeFor(book, officeFake());
    await bridge.generate(saasSetup(), '2026-03-15');
    const hist = book.sheet('KPI History');
    // two snapshots written by hand, newest first on purpose: history comes back oldest first
    [
      [46096, 'mrr', 520],
      [46065, 'mrr', 500],
      [46096, 'cpl', 12],
    ].forEach((r, i) => r.forEach((v, j) => hist.cells.set((i + 1) * 16384 + j, { input: v })));
    const before = book.syncs;
    const info = await bridge.load();
    expect(book.syncs - before).toBe(3);
    expect(info.sheets.map((s) => s.name)).toEqual(['Marketing', 'Subscriptions', 'Deals', 'Orders', 'Notes']);
    expect(info.sheets[4]).toEqual({ name: 'Notes', headers: [''], headerRow: 1, rows: 0 });
    expect(info.existing.filter((s) => s.marker).map((s) => [s.name, s.marker])).toEqual([
      ['KPI Dashboard', 'dashboard'],
      ['KPI Goals', 'goals'],
      ['KPI Definitions', 'definitions'],
      ['KPI History', 'history'],
    ]);
    expect(info.history).toEqual({ mrr: [500, 520], cpl: [12] });
  });
});

describe('Snapshot now', () => {
  it('records one row per KPI and month, names, ids, dates and formats, in 4 syncs; a second snapshot of the month updates in place', async () => {
    const book = companyWorkbook();
    const bridge = bridgeFor(book, officeFake());
    await bridge.generate(saasSetup(), '2026-03-15');
    const values = [520, 0.05, 1.02, '', 310.5, 0.25, 12]; // CAC has no number (a blank card)
    values.forEach((v, i) => book.setComputed('KPI Dashboard', `B${5 + i}`, v));
    let before = book.syncs;
    const first = await bridge.snapshot();
    expect(book.syncs - before).toBe(4);
    expect(first).toEqual({ appended: 6, updated: 0, skipped: ['cac'], date: '2026-03-15' });
    const expected = [
      ['MRR', 'mrr', 520, '#,##0.00'],
      ['MRR churn rate', 'mrr_churn', 0.05, '0.0%'],
      ['Net revenue retention (12 months)', 'nrr', 1.02, '0.0%'],
      ['Customer lifetime value', 'ltv', 310.5, '#,##0.00'],
      ['Lead-to-opportunity rate', 'lead_to_opp', 0.25, '0.0%'],
      ['Cost per lead', 'cpl', 12, '#,##0.00'],
    ];
    expected.forEach(([name, kpi, v, format], i) => {
      expect(book.input('KPI History', `A${2 + i}`)).toBe(46096); // B2 holds the as-of serial
      expect(book.cell('KPI History', `A${2 + i}`)!.numberFormat).toBe('yyyy-mm-dd');
      expect([
        book.input('KPI History', `B${2 + i}`),
        book.input('KPI History', `C${2 + i}`),
        book.input('KPI History', `D${2 + i}`),
      ]).toEqual([name, kpi, v]);
      expect(book.cell('KPI History', `D${2 + i}`)!.numberFormat).toBe(format);
    });
    book.setComputed('KPI Dashboard', 'B8', 300);
    before = book.syncs;
    expect(await bridge.snapshot()).toEqual({ appended: 1, updated: 6, skipped: [], date: '2026-03-15' });
    expect(book.input('KPI History', 'C8')).toBe('cac'); // March: one row per KPI
    expect(book.input('KPI History', 'D8')).toBe(300);
    expect(book.input('KPI History', 'A9')).toBeUndefined();
    // and regenerating keeps every history row
    await bridge.generate(saasSetup(), '2026-03-15');
    expect(book.inputs('KPI History').size).toBe(4 + 7 * 4);
  });

  it('follows a renamed dashboard and rows inserted above the cards, and refuses when nothing was generated yet', async () => {
    const book = companyWorkbook();
    const office = officeFake();
    const bridge = bridgeFor(book, office);
    await expect(bridge.snapshot()).rejects.toThrow(/generate the dashboard first/);
    await bridge.save(saasSetup());
    await expect(bridge.snapshot()).rejects.toThrow(/generate the dashboard first/);
    await bridge.generate(saasSetup(), '2026-03-15');
    book.sheet('KPI Dashboard').name = 'Board';
    book.insertRows('Board', 1, 1); // the as-of date is now B3
    book.insertRows('Board', 6, 2); // MRR's card is now row 8
    book.setComputed('Board', 'B8', 777);
    expect((await bridge.snapshot()).appended).toBe(1);
    expect(book.input('KPI History', 'D2')).toBe(777);
    expect(book.input('KPI History', 'A2')).toBe(46096);
  });

  it('refuses, writing nothing, an as-of cell without a date or a card table whose name is gone', async () => {
    const book = companyWorkbook();
    const bridge = bridgeFor(book, officeFake());
    await bridge.generate(saasSetup(), '2026-03-15');
    book.sheet('KPI Dashboard').cells.set(1 * 16384 + 1, { input: 'soon' }); // B2
    await expect(bridge.snapshot()).rejects.toThrow(
      'The dashboard’s as-of cell holds "soon", not a date. Nothing was written. Type a date there or generate the dashboard again.',
    );
    book.sheet('KPI Dashboard').cells.set(1 * 16384 + 1, { input: 46096 });
    book.names.delete('KPIPILOT_CARDS');
    await expect(bridge.snapshot()).rejects.toThrow(/cannot find the dashboard’s card table \(its recorded name KPIPILOT_CARDS is gone\)/);
    expect(book.inputs('KPI History').size).toBe(4);
  });
});

describe('the Office.js globals', () => {
  it('createExcelBridge() with no options uses Excel and Office from the page', async () => {
    const book = companyWorkbook();
    const office = officeFake('en-GB');
    const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
    g.Excel = book.Excel;
    g.Office = office.office;
    try {
      const bridge = createExcelBridge();
      expect(bridge.host).toBe('excel');
      const result = await bridge.generate(saasSetup(), '2026-03-15');
      expect(result.sheets[0]).toBe('KPI Dashboard');
      expect((await bridge.load()).locale).toBe('en');
    } finally {
      delete g.Excel;
      delete g.Office;
    }
  });
});

describe('round trips do not grow with the data', () => {
  async function counts(book: FakeWorkbook) {
    const bridge = bridgeFor(book, officeFake());
    const step = async (f: () => Promise<unknown>) => {
      const before = book.syncs;
      await f();
      return book.syncs - before;
    };
    const first = await step(() => bridge.generate(saasSetup(), '2026-03-15'));
    const again = await step(() => bridge.generate(saasSetup(), '2026-03-15'));
    book.setComputed('KPI Dashboard', 'B5', 1);
    const snap = await step(() => bridge.snapshot());
    const load = await step(() => bridge.load());
    return { first, again, snap, load };
  }

  it('7-KPI dashboard: the same syncs at 500 and 50,000 data rows, at most 10', async () => {
    const small = await counts(bigWorkbook(500));
    const large = await counts(bigWorkbook(50000));
    expect(small).toEqual({ first: 6, again: 6, snap: 4, load: 3 });
    expect(large).toEqual(small);
  });

  it('load reports the data row counts it never read', async () => {
    const info = await bridgeFor(bigWorkbook(50000), officeFake()).load();
    expect(info.sheets.map((s) => s.rows)).toEqual([50000, 50000, 50000, 50000]);
  });
});
