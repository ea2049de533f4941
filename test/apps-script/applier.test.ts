/**
 * The Sheets applier against the SpreadsheetApp fake: plans built by core buildPlan for the
 * sample company, written through the server API exactly as the sidebar triggers it.
 */
import { gridRect } from '../../apps-script/dashboard/grid';
import { applyPlan } from '../../apps-script/dashboard/apply';
import { readSheets } from '../../apps-script/dashboard/workbook';
import { snapshotNow } from '../../apps-script/dashboard/server-api';
import { buildPlan } from '../../core/dashboard/planner';
import { MARKER_KEY, PlanCell } from '../../core/dashboard/plan';
import { TemplateId } from '../../core/dashboard/templates';
import { FakeSheets } from '../fakes/spreadsheet-app';
import { AS_OF, day, sampleSetup, sampleWorkbook, generate } from './support';

let fake: FakeSheets;
let uninstall: () => void;
afterEach(() => uninstall?.());

function open(options = {}): FakeSheets {
  ({ fake, uninstall } = sampleWorkbook(options));
  return fake;
}

/** What a plan cell should look like in the fake once entered. */
function expected(cell: PlanCell): { v?: unknown; f?: string } {
  if (cell === null || cell === '') return {};
  if (typeof cell === 'object') return { f: cell.formula };
  if (typeof cell === 'string' && /^'[=+\-@]/.test(cell)) return { v: cell.slice(1) };
  return { v: cell };
}

describe.each(['saas', 'ecommerce', 'b2b', 'aarrr', 'north_star'] as TemplateId[])('generating the %s template', (id) => {
  it('writes every block, format, rule and chart of the plan on four marked sheets, and leaves the data sheets alone', async () => {
    open();
    const dataBefore = ['Marketing', 'Subscriptions', 'Deals', 'Orders'].map((n) => fake.dump(n));
    const setup = sampleSetup(id);
    const result = await generate(setup, AS_OF);
    const plan = buildPlan({ setup, asOf: AS_OF });

    expect(result.sheets).toEqual(['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']);
    expect(result.notices).toEqual(plan.notices);
    expect(fake.markers()).toEqual(plan.sheets.map((s) => [s.name, MARKER_KEY, s.role]));
    expect(['Marketing', 'Subscriptions', 'Deals', 'Orders'].map((n) => fake.dump(n))).toEqual(dataBefore);

    for (const planned of plan.sheets) {
      const sheet = fake.sheet(planned.name)!;
      for (const block of planned.blocks) {
        const r = gridRect(block.range);
        block.cells.forEach((row, y) =>
          row.forEach((c, x) => {
            const got = sheet.cell(r.row + y, r.col + x) ?? {};
            expect({ v: got.v, f: got.f }).toEqual({ v: undefined, f: undefined, ...expected(c) });
            const fmt = block.numberFormats?.[y]?.[x];
            if (fmt) expect(got.fmt).toBe(fmt);
            if (block.style?.bold) expect(got.style?.fontWeight).toBe('bold');
            if (block.style?.background) expect(got.style?.background).toBe(block.style.background);
          }),
        );
      }
      expect(sheet.frozenRows).toBe(planned.frozenRows);
      for (const [col, w] of Object.entries(planned.columnWidths)) expect(sheet.widths[col]).toBe(w);
      expect(sheet.rules.map((r) => r.describe().ranges)).toEqual(planned.conditionalFormats.map((c) => c.ranges));
      expect(sheet.charts.map((c) => c.describe())).toEqual(
        planned.charts.map((c) => ({
          type: 'LINE',
          ranges: [c.categories, ...c.series.map((s) => s.values)],
          options: {
            title: c.title,
            legend: { position: 'none' },
            width: c.widthPx,
            height: c.heightPx,
            vAxis: { format: c.numberFormat },
          },
          position: [gridRect(c.anchor).row, gridRect(c.anchor).col, 0, 0],
          numHeaders: 0,
        })),
      );
    }
    expect(fake.spreadsheet.active?.name).toBe('KPI Dashboard');
  });
});

describe('conditional formats', () => {
  it('colours statuses by text and changes by sign, as the plan says', async () => {
    open();
    await generate(sampleSetup(), AS_OF);
    const rules = fake.sheet('KPI Dashboard')!.rules.map((r) => r.describe());
    expect(rules[0]).toEqual({ type: 'TEXT_EQ', value: 'Achieved', background: '#D9EAD3', fontColor: '#274E13', ranges: ['E5:E11'] });
    expect(rules.filter((r) => r.type === 'NUMBER_GREATER_THAN').length + rules.filter((r) => r.type === 'NUMBER_LESS_THAN').length).toBe(
      4,
    );
  });
});

describe('text the manager typed', () => {
  it('stays text: an owner "2024" is not turned into a number, "=1+1" is not a formula', async () => {
    open();
    const setup = sampleSetup('saas');
    setup.goals = [
      { kpi: setup.kpis[0], owner: '2024', target: 1 },
      { kpi: setup.kpis[1], owner: '=1+1', target: 1 },
    ];
    await generate(setup, AS_OF);
    const goals = fake.sheet('KPI Goals')!;
    expect(goals.cell(2, 7)).toMatchObject({ v: '2024', fmt: '@' });
    expect(goals.cell(3, 7)!.v).toBe('=1+1');
    expect(goals.cell(3, 7)!.f).toBeUndefined();
  });
});

describe('regenerating', () => {
  it('twice leaves one set of sheets with identical content, rewritten in place', async () => {
    open();
    const json = JSON.stringify(sampleSetup());
    await generate(json, AS_OF);
    const first = fake.sheetNames().map((n) => fake.dump(n));
    const ids = fake.sheetNames().map((n) => fake.sheet(n)!.id);
    await generate(json, AS_OF);
    await generate(json, AS_OF);
    expect(fake.sheetNames()).toEqual([
      'Marketing',
      'Subscriptions',
      'Deals',
      'Orders',
      'KPI Dashboard',
      'KPI Goals',
      'KPI Definitions',
      'KPI History',
    ]);
    expect(fake.sheetNames().map((n) => fake.sheet(n)!.id)).toEqual(ids); // the same sheets, not new ones
    expect(fake.sheetNames().map((n) => fake.dump(n))).toEqual(first);
    expect(fake.markers()).toHaveLength(4);
  });

  it('with fewer KPIs leaves nothing of the old cards, charts or rules behind', async () => {
    open();
    await generate(sampleSetup(), AS_OF);
    const small = sampleSetup('saas', { kpis: ['mrr', 'cac'], goals: [] });
    await generate(small, AS_OF);
    const dash = fake.sheet('KPI Dashboard')!;
    expect(dash.charts).toHaveLength(2);
    expect(dash.getRange('A7:J7').getValues()).toEqual([new Array(10).fill('')]); // the third card's row: now the gap before the insights
    expect(dash.getRange('A7:J7').getFormulas()).toEqual([new Array(10).fill('')]);
    expect(dash.rules.map((r) => r.describe().ranges[0])).toContain('E5:E6');
    expect(fake.sheet('KPI Goals')!.getLastRow()).toBe(3);
  });

  it('finds a renamed generated sheet by its marker and rewrites it under its new name', async () => {
    open();
    await generate(sampleSetup(), AS_OF);
    fake.sheet('KPI Dashboard')!.name = 'Board';
    const result = await generate(sampleSetup(), AS_OF);
    expect(result.sheets[0]).toBe('Board');
    expect(fake.sheetNames().filter((n) => /Dashboard|Board/.test(n))).toEqual(['Board']);
    expect(fake.sheet('KPI Goals')!.cell(2, 9)!.f).toBe("='Board'!B5");
  });
});

describe("a user's sheet named like ours", () => {
  it('is never touched: the plan uses another name and says so', async () => {
    open();
    const mine = fake.addSheet('KPI Dashboard', [['My own dashboard'], [1, 2, 3]]);
    mine.frozenRows = 2;
    const before = fake.dump('KPI Dashboard');
    const result = await generate(sampleSetup(), AS_OF);
    expect(result.sheets[0]).toBe('KPI Dashboard (KPI Pilot)');
    expect(result.notices.find((n) => n.code === 'renamed')).toMatchObject({ level: 'warning', sheet: 'dashboard' });
    expect(fake.dump('KPI Dashboard')).toEqual(before);
    expect(fake.markers().map((m) => m[0])).not.toContain('KPI Dashboard');
    // and again: the marked copy is reused, the user's sheet still untouched
    await generate(sampleSetup(), AS_OF);
    expect(fake.sheetNames().filter((n) => n.startsWith('KPI Dashboard'))).toEqual(['KPI Dashboard', 'KPI Dashboard (KPI Pilot)']);
    expect(fake.dump('KPI Dashboard')).toEqual(before);
  });
});

describe('KPI History', () => {
  /** Card values the fake hands back for the dashboard's value column. */
  const cards = (values: Record<number, unknown>) => (sheet: string, row: number, col: number) =>
    sheet === 'KPI Dashboard' && col === 2 ? values[row] : undefined;

  it('gets one row per KPI and period: names, ids, dates and formats; a second snapshot of the period updates in place', async () => {
    const values: Record<number, unknown> = { 5: 1200, 6: 0.05, 7: '', 8: 310.5, 9: 'n/a', 10: 4, 11: 0.25 };
    open({ evaluate: cards(values) });
    const json = JSON.stringify(sampleSetup());
    await generate(json, AS_OF);
    const history = fake.sheet('KPI History')!;
    const kpis = sampleSetup().kpis;
    expect(history.getRange(1, 1, 1, 4).getValues()).toEqual([['Date', 'KPI', 'KPI id', 'Value']]);

    const first = snapshotNow();
    expect(first).toEqual({ appended: 5, updated: 0, skipped: [kpis[2], kpis[4]], date: AS_OF });
    const firstRows = history.getRange(2, 1, 5, 4).getValues();
    expect(firstRows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ['MRR', kpis[0], 1200],
      ['MRR churn rate', kpis[1], 0.05],
      ['Customer acquisition cost', kpis[3], 310.5],
      ['Lead-to-opportunity rate', kpis[5], 4],
      ['Cost per lead', kpis[6], 0.25],
    ]);
    expect(history.cell(2, 1)).toMatchObject({ v: day(AS_OF), fmt: 'yyyy-mm-dd' }); // the as-of date, shown as a date
    expect([history.cell(2, 4)!.fmt, history.cell(3, 4)!.fmt, history.cell(3, 2)!.fmt]).toEqual(['#,##0.00', '0.0%', '@']); // each KPI's own format

    // a row the manager added below is never touched; a second snapshot of March rewrites March's rows in place
    history.getRange(7, 1, 1, 4).setValues([['my note', 'x', 'y', 'z']]);
    values[5] = 1250;
    expect(snapshotNow()).toMatchObject({ appended: 0, updated: 5 });
    expect(history.getLastRow()).toBe(7);
    expect(history.cell(2, 4)!.v).toBe(1250);
    expect(history.getRange(7, 1, 1, 4).getValues()).toEqual([['my note', 'x', 'y', 'z']]);

    await generate(json, '2026-04-15'); // regenerating does not touch History
    expect(history.getLastRow()).toBe(7);
    values[5] = 1300;
    expect(snapshotNow()).toMatchObject({ appended: 5, updated: 0, date: '2026-04-15' });
    expect(history.getLastRow()).toBe(12);
    expect(history.cell(8, 1)!.v).toBe(day('2026-04-15'));
    expect(history.cell(8, 4)!.v).toBe(1300);
    expect(history.cell(2, 4)!.v).toBe(1250); // March kept
  });

  it('grows its grid past the 1,000 rows a new sheet has', async () => {
    open({ evaluate: cards({ 5: 1, 6: 0.1, 7: 1, 8: 1, 9: 1, 10: 1, 11: 0.1 }) });
    await generate(sampleSetup(), AS_OF);
    const history = fake.sheet('KPI History')!;
    // 997 rows of earlier periods (months before 2026) fill the sheet to row 998
    const old = Array.from({ length: 997 }, (_, i) => [day('2020-01-01') + i, 'MRR', 'mrr', i]);
    history.getRange(2, 1, old.length, 4).setValues(old);
    expect(history.getMaxRows()).toBe(1000);
    expect(snapshotNow().appended).toBe(7);
    expect(history.getMaxRows()).toBe(1005);
    expect(history.getLastRow()).toBe(1005);
    expect(history.cell(1005, 3)!.v).toBe('cpl');
  });

  it('follows its anchors when rows are inserted above the cards, and refuses, writing nothing, when the layout is gone', async () => {
    // values by KPI, wherever its row is: the fake computes each card from the name in its row
    const byName: Record<string, number> = { MRR: 1200, 'MRR churn rate': 0.05, 'Net revenue retention (12 months)': 0.9 };
    open({
      evaluate: (sheet: string, row: number, col: number) =>
        sheet === 'KPI Dashboard' && col === 2 ? byName[fake.sheet(sheet)!.cell(row, 1)?.v as string] : undefined,
    });
    await generate(sampleSetup(), AS_OF);
    const dash = fake.sheet('KPI Dashboard')!;
    dash.insertRowsBefore(1, 1); // a row at the top: the as-of date is now B3
    dash.insertRowsBefore(6, 2); // two rows above the cards
    dash.getRange('B3').setValue('my text'); // hmm: over the as-of cell itself
    expect(() => snapshotNow()).toThrow(/as-of cell holds "my text", not a date. Nothing was written/);
    dash.getRange('B3').setValue(day(AS_OF));
    dash.getRange('B2').setValue('user text in B2');
    snapshotNow();
    const history = fake.sheet('KPI History')!;
    expect(history.getRange(2, 2, 3, 3).getValues()).toEqual([
      ['MRR', 'mrr', 1200],
      ['MRR churn rate', 'mrr_churn', 0.05],
      ['Net revenue retention (12 months)', 'nrr', 0.9],
    ]);
    expect(dash.cell(2, 2)!.v).toBe('user text in B2');
    // a card's row renamed: refused, nothing written
    const before = fake.dump('KPI History');
    dash.getRange('A8').setValue('Monthly revenue');
    expect(() => snapshotNow()).toThrow(
      'The dashboard’s card table no longer shows MRR (it was renamed, deleted or moved out of the table). Nothing was written. Generate the dashboard again to restore it.',
    );
    // the card table's name deleted: refused, nothing written
    dash.getRange('A8').setValue('MRR');
    fake.spreadsheet.removeNamedRange('KPIPILOT_CARDS');
    expect(() => snapshotNow()).toThrow(
      /cannot find the dashboard’s card table \(its recorded name KPIPILOT_CARDS is gone\)\. Nothing was read or written\. Generate the dashboard again/,
    );
    expect(fake.dump('KPI History')).toEqual(before);
    // regenerating records the anchors again
    await generate(sampleSetup(), AS_OF);
    expect(snapshotNow()).toMatchObject({ updated: 3 });
  });

  it('reads the as-of date on the spreadsheet calendar, east and west of UTC', async () => {
    for (const timeZone of ['Europe/Paris', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      open({ timeZone, evaluate: cards({ 5: 1 }) });
      await generate(sampleSetup(), AS_OF);
      snapshotNow();
      expect(fake.sheet('KPI History')!.cell(2, 1)!.v).toBe(day(AS_OF));
      uninstall();
    }
  });

  it('is recreated with its header when deleted, then appended to', async () => {
    open({ evaluate: cards({ 5: 7 }) });
    await generate(sampleSetup(), AS_OF);
    fake.spreadsheet.deleteSheet(fake.sheet('KPI History')!);
    expect(snapshotNow().appended).toBe(1);
    const history = fake.sheet('KPI History')!;
    expect(history.cell(1, 1)!.v).toBe('Date');
    expect(history.cell(2, 4)!.v).toBe(7);
    expect(
      fake
        .markers()
        .filter((m) => m[2] === 'history')
        .map((m) => m[0]),
    ).toEqual(['KPI History']);
  });

  it('follows our History sheet when renamed, and never writes to a user sheet that took its name', async () => {
    open({ evaluate: cards({ 5: 7 }) });
    await generate(sampleSetup(), AS_OF);
    fake.sheet('KPI History')!.setName('Snapshots');
    expect(snapshotNow().appended).toBe(1);
    expect(fake.sheet('Snapshots')!.cell(2, 4)!.v).toBe(7);
    expect(fake.sheet('KPI History')).toBeUndefined();
    // ours deleted, and a sheet of the user's now named KPI History: ours is created again beside it
    fake.spreadsheet.deleteSheet(fake.sheet('Snapshots')!);
    fake.addSheet('KPI History', [['my notes']]);
    expect(snapshotNow().appended).toBe(1);
    expect(fake.sheet('KPI History')!.cell(1, 1)!.v).toBe('my notes');
    expect(fake.sheet('KPI History (KPI Pilot)')!.cell(2, 4)!.v).toBe(7);
  });

  it('cannot be snapshotted before a generation', () => {
    open();
    expect(() => snapshotNow()).toThrow(/Generate the dashboard first/);
  });
});

describe('safety guards', () => {
  it('refuses a stale plan whose name now belongs to a user sheet, writing nothing to it', () => {
    open();
    const stale = buildPlan({ setup: sampleSetup(), asOf: AS_OF, existingSheets: [] }); // planned before the user made the sheet
    fake.addSheet('KPI Dashboard', [['mine']]);
    const before = fake.dump('KPI Dashboard');
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(() => applyPlan(ss, stale, readSheets(ss))).toThrow(/"KPI Dashboard" belongs to you/);
    expect(fake.dump('KPI Dashboard')).toEqual(before);
  });

  it('regenerates the original when a user duplicated ours (the copy keeps the marker), whatever the tab order', async () => {
    open();
    await generate(sampleSetup(), AS_OF);
    const copy = fake.addSheet('Copy of KPI Dashboard', [['my notes on the copy']]);
    copy.addDeveloperMetadata(MARKER_KEY, 'dashboard');
    fake.spreadsheet.sheets.unshift(fake.spreadsheet.sheets.pop()!); // moved first
    const before = fake.dump('Copy of KPI Dashboard');
    const result = await generate(sampleSetup(), AS_OF);
    expect(result.sheets[0]).toBe('KPI Dashboard');
    expect(fake.dump('Copy of KPI Dashboard')).toEqual(before);
  });
});
