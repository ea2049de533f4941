/**
 * The Sheets applier with every optional plan field in use: the three extra sheets (markers,
 * the Attribution column chart, Customers at risk's minRows from the data row counts), the alert
 * column and its custom-formula rule, and host calls that stay flat in the data size.
 */
import { buildPlan } from '../../core/dashboard/planner';
import { MARKER_KEY } from '../../core/dashboard/plan';
import { FakeSheets } from '../fakes/spreadsheet-app';
import { allExtrasSetup, AS_OF, extrasWorkbook, generate, sidebarState } from './support';

let fake: FakeSheets;
let uninstall: () => void;
afterEach(() => uninstall?.());
const open = (options = {}, rows?: number) => ({ fake, uninstall } = extrasWorkbook(options, rows)).fake;

const ALL = ['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History', 'Attribution', 'Customers at risk', 'Commissions'];

describe('generating with every extra sheet and alerts', () => {
  it('creates the three extra sheets after the core four, each with its role marker', async () => {
    open();
    const result = await generate(allExtrasSetup(), AS_OF);
    expect(result.sheets).toEqual(ALL);
    expect(result.notices.filter((n) => n.code === 'extra_skipped')).toEqual([]);
    expect(fake.markers()).toEqual(
      ALL.map((name, i) => [
        name,
        MARKER_KEY,
        ['dashboard', 'goals', 'definitions', 'history', 'attribution', 'customers', 'commissions'][i],
      ]),
    );
  });

  it('draws the Attribution comparison as one clustered column chart, one labelled series per model', async () => {
    open();
    await generate(allExtrasSetup(), AS_OF);
    const charts = fake.sheet('Attribution')!.charts.map((c) => c.describe());
    expect(charts).toHaveLength(1);
    const [chart] = charts;
    expect(chart.type).toBe('COLUMN');
    // 12 channel rows from row 6 (attributionChannels default 12): categories A6:A17, models in B..H
    expect(chart.ranges).toEqual(['A6:A17', 'B6:B17', 'C6:C17', 'D6:D17', 'E6:E17', 'F6:F17', 'G6:G17', 'H6:H17']);
    expect(chart.numHeaders).toBe(0);
    expect(chart.options.legend).toEqual({ position: 'bottom' });
    expect(chart.options.series).toEqual({
      0: { labelInLegend: 'First touch' },
      1: { labelInLegend: 'Last touch' },
      2: { labelInLegend: 'Linear' },
      3: { labelInLegend: 'Position (40/20/40)' },
      4: { labelInLegend: 'Time decay' },
      5: { labelInLegend: 'Markov' },
      6: { labelInLegend: 'Shapley' },
    });
    // the dashboard's one-series line charts keep no legend
    expect(
      fake
        .sheet('KPI Dashboard')!
        .charts.every((c) => c.describe().type === 'LINE' && (c.describe().options.legend as { position: string }).position === 'none'),
    ).toBe(true);
  });

  it('colours the KPI name and value of a card in breach with a custom-formula rule, after the value rules', async () => {
    open();
    await generate(allExtrasSetup(), AS_OF);
    const rules = fake.sheet('KPI Dashboard')!.rules.map((r) => r.describe());
    // seven cards in rows 5..11, the alert label in K
    expect(rules[rules.length - 1]).toEqual({
      type: 'CUSTOM_FORMULA',
      value: '=$K5<>""',
      background: '#F4CCCC',
      fontColor: '#990000',
      ranges: ['A5:B11'],
    });
    expect(rules.filter((r) => r.type === 'CUSTOM_FORMULA')).toHaveLength(1);
    // the five alert labels on K, as value rules
    expect(
      rules
        .filter((r) => r.type === 'TEXT_EQ' && r.ranges[0] === 'K5:K11')
        .map((r) => r.value)
        .sort(),
    ).toEqual(['Anomaly', 'Behind pace', 'Behind pace + Anomaly', 'Past threshold', 'Past threshold + Anomaly']);
    expect(fake.sheet('KPI Dashboard')!.widths.K).toBe(150);
  });

  it('gives Customers at risk room for its spill: first data row 6 + the orders rows + 10', async () => {
    open({}, 2000);
    await generate(allExtrasSetup(), AS_OF);
    expect(fake.sheet('Customers at risk')!.maxRows).toBe(6 + 2000 + 10);
    expect(fake.sheet('Attribution')!.maxRows).toBe(1000); // the others keep a new sheet's grid
    // regenerating an existing sheet with the same need does not grow it again
    await generate(allExtrasSetup(), AS_OF);
    expect(fake.sheet('Customers at risk')!.maxRows).toBe(2016);
  });

  it('regenerates in place: one set of seven sheets, identical content', async () => {
    open();
    const json = JSON.stringify(allExtrasSetup());
    await generate(json, AS_OF);
    const first = ALL.map((n) => fake.dump(n));
    await generate(json, AS_OF);
    expect(fake.sheetNames()).toEqual(['Marketing', 'Subscriptions', 'Deals', 'Orders', 'Touches', ...ALL]);
    expect(ALL.map((n) => fake.dump(n))).toEqual(first);
  });

  it('writes what the plan says on every extra sheet', async () => {
    open();
    const setup = allExtrasSetup();
    await generate(setup, AS_OF);
    const plan = buildPlan({ setup, asOf: AS_OF, dataRows: { marketing: 9, ledger: 23, deals: 10, orders: 7, touches: 5 } });
    for (const planned of plan.sheets.slice(4)) {
      const sheet = fake.sheet(planned.name)!;
      expect(sheet.frozenRows).toBe(planned.frozenRows);
      for (const [col, w] of Object.entries(planned.columnWidths)) expect(sheet.widths[col]).toBe(w);
      for (const block of planned.blocks) {
        const got = sheet.getRange(block.range).getFormulas().flat();
        const want = block.cells.flat().map((c) => (c !== null && typeof c === 'object' ? c.formula : ''));
        expect(got).toEqual(want);
      }
    }
  });
});

describe('host calls with every extra', () => {
  async function measure(rows: number) {
    open({ evaluate: () => 1 }, rows);
    const json = JSON.stringify(allExtrasSetup());
    const run = async (fn: () => unknown) => {
      fake.resetCounts();
      await fn();
      return { counts: fake.counts(), byMethod: fake.byMethod() };
    };
    const out = {
      generate: await run(() => generate(json, AS_OF)),
      regenerate: await run(() => generate(json, AS_OF)),
      state: await run(() => sidebarState()),
    };
    uninstall();
    return out;
  }

  it('are the same at 500 and 50,000 data rows but for the one insertRowsAfter of the spill room, with a handful of round trips', async () => {
    const small = await measure(500);
    const large = await measure(50000);
    // 50,000 orders need 50,016 rows on Customers at risk: one call grows the new sheet's 1000 rows
    expect(large.generate.byMethod['Sheet.insertRowsAfter']).toBe(1);
    expect(small.generate.byMethod['Sheet.insertRowsAfter']).toBeUndefined();
    const { 'Sheet.insertRowsAfter': _grow, ...largeRest } = large.generate.byMethod;
    expect(largeRest).toEqual(small.generate.byMethod);
    expect(large.generate.counts).toEqual({
      ...small.generate.counts,
      write: small.generate.counts.write + 1,
      document: small.generate.counts.document + 1,
      total: small.generate.counts.total + 1,
    });
    expect(large.regenerate).toEqual(small.regenerate);
    expect(large.state).toEqual(small.state);
    // the data row counts the planner gets cost one getLastRow per mapped sheet (5), read twice: once for
    // the plan the sidebar builds, once more under the lock to check nothing changed before writing it
    expect(small.generate.byMethod['Sheet.getLastRow']).toBe(10);
    expect(small.generate.counts.read).toBeLessThanOrEqual(18);
    expect(small.regenerate.counts.read).toBeLessThanOrEqual(24); // + the charts of two sheets, the spill sheet's size and KPI Goals read back (twice)
    expect(small.generate.byMethod['Range.setValues']).toBe(7);
    expect(small.generate.byMethod['Sheet.insertChart']).toBe(8);
  });
});
