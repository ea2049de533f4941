/**
 * The Excel host with every optional plan field (the three extra sheets, the Attribution column
 * chart, the alert column's custom-formula format, the data row counts the planner gets) and the
 * task pane's alerts: breaches read back from the dashboard in two syncs, no daily digest.
 * Breaches are worked out by hand from the goals below.
 */
import { KpiError } from '../../core/errors';
import { buildPlan } from '../../core/dashboard/planner';
import { MARKER_KEY } from '../../core/dashboard/plan';
import { DashboardSetup } from '../../core/dashboard/setup';
import { discoverSheets, mappedDataRows, queueUsedRows } from '../../office-addin/dashboard/markers';
import { splitSheetRef } from '../../core/dashboard/a1';
import { FakeWorkbook, parseAddress } from './fake-excel';
import { officeFake } from './office-fake';
import { allExtrasSetup, bigWorkbook, bridgeFor, companyWorkbook, saasSetup } from './support';
import { TOUCHES } from '../fixtures/dashboard/company';

const ALL = ['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History', 'Attribution', 'Customers at risk', 'Commissions'];
const ROLES = ['dashboard', 'goals', 'definitions', 'history', 'attribution', 'customers', 'commissions'];
const AS_OF = '2026-03-15';

async function syncsOf(book: FakeWorkbook, f: () => Promise<unknown>): Promise<number> {
  const before = book.syncs;
  await f();
  return book.syncs - before;
}

describe('generating every extra sheet with alerts', () => {
  let book: FakeWorkbook;
  let first: number;
  beforeAll(async () => {
    book = companyWorkbook(true);
    first = await syncsOf(book, () => bridgeFor(book, officeFake()).generate(allExtrasSetup(), AS_OF));
  });

  it('adds the seven sheets, each with its hidden role marker, in 2 + 7 syncs', () => {
    expect(book.sheets.map((s) => s.name).slice(5)).toEqual(ALL);
    ALL.forEach((name, i) => expect(book.sheet(name).names.get(MARKER_KEY)).toEqual({ formula: `="${ROLES[i]}"`, visible: false }));
    expect(first).toBe(9);
  });

  it('draws the Attribution comparison as a clustered column chart, a named series per model over the 12 channel rows', () => {
    const [chart] = book.sheet('Attribution').charts;
    expect(book.sheet('Attribution').charts).toHaveLength(1);
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.legendVisible).toBe(true);
    expect(chart.series).toEqual(
      ['First touch', 'Last touch', 'Linear', 'Position (40/20/40)', 'Time decay', 'Markov', 'Shapley'].map((name, i) => ({
        name,
        values: `${'BCDEFGH'[i]}6:${'BCDEFGH'[i]}17`,
        categories: 'A6:A17',
      })),
    );
    expect(book.sheet('KPI Dashboard').charts.every((c) => c.type === 'Line')).toBe(true);
  });

  it('colours the KPI name and value of a card in breach with a custom-formula conditional format', () => {
    const custom = book.sheet('KPI Dashboard').conditionalFormats.filter((cf) => cf.type === 'Custom');
    expect(custom).toEqual([{ address: 'A5:B11', type: 'Custom', rule: { formula: '=$K5<>""' }, fill: '#F4CCCC', fontColor: '#990000' }]);
    // the alert labels in K keep their value rules
    expect(
      book
        .sheet('KPI Dashboard')
        .conditionalFormats.filter((cf) => cf.address === 'K5:K11')
        .map((cf) => cf.rule?.formula1)
        .sort(),
    ).toEqual(['="Anomaly"', '="Behind pace + Anomaly"', '="Behind pace"', '="Past threshold + Anomaly"', '="Past threshold"']);
  });

  it('regenerates in place in 2 + 1 + 6 syncs (KPI Goals read back, History kept), leaving one custom format, not two', async () => {
    const again = await syncsOf(book, () => bridgeFor(book, officeFake()).generate(allExtrasSetup(), AS_OF));
    expect(again).toBe(9);
    expect(book.sheets.map((s) => s.name).slice(5)).toEqual(ALL);
    expect(book.sheet('KPI Dashboard').conditionalFormats.filter((cf) => cf.type === 'Custom')).toHaveLength(1);
    expect(book.sheet('Attribution').charts).toHaveLength(1);
  });
});

describe('the data row counts the planner gets', () => {
  it('come from the used ranges read with the markers: rows below each mapped header', async () => {
    const book = companyWorkbook(true);
    const setup = allExtrasSetup();
    const rows = await book.Excel.run(async (context) => {
      const { sheets, extra } = await discoverSheets(context, queueUsedRows(setup));
      return mappedDataRows(setup, sheets, extra);
    });
    // the fixture's sheets: 9 marketing rows, 23 ledger rows, 10 deals, 7 orders; 5 touches above
    expect(rows).toEqual({ marketing: 9, ledger: 23, deals: 10, orders: 7, touches: 5 });
    expect(book.syncs).toBe(2);
  });

  it('cost no sync: every-extra generation takes the same syncs at 500 and 50,000 rows', async () => {
    const count = async (n: number) => {
      const book = bigWorkbook(n);
      book.addSheet('Touches', [TOUCHES[0], ...Array.from({ length: n }, (_, i) => TOUCHES[1 + (i % 5)])]);
      const bridge = bridgeFor(book, officeFake());
      return [
        await syncsOf(book, () => bridge.generate(allExtrasSetup(), AS_OF)),
        await syncsOf(book, () => bridge.generate(allExtrasSetup(), AS_OF)),
        await syncsOf(book, () => bridge.alerts()),
      ];
    };
    const small = await count(500);
    expect(small).toEqual([9, 9, 2]);
    expect(await count(50000)).toEqual(small);
  });
});

/** SaaS cards mrr, mrr_churn, nrr, cac, ltv, lead_to_opp, cpl with two goals and alerts on. */
function alertSetup(): DashboardSetup {
  return {
    ...saasSetup(),
    alerts: { enabled: true },
    goals: [
      // 73 of 364 days in, tolerance 0.1: pace 100 + 100 × (73/364 − 0.1) = 110.0549…; 110 is behind it
      { kpi: 'mrr', baseline: 100, target: 200, start: '2026-01-01', end: '2026-12-31', owner: 'Ana <ana@acme.fr>', frequency: 'monthly' },
      // lower is better; the explicit threshold 50 is crossed by 60
      { kpi: 'cac', baseline: 80, target: 40, start: '2026-01-01', end: '2026-12-31', owner: 'Ben', frequency: 'monthly', threshold: 50 },
    ],
  };
}

/** What Excel computed: the card values and the trend columns the plan says (others stay blank). */
function compute(book: FakeWorkbook, setup: DashboardSetup, sheet = 'KPI Dashboard') {
  const plan = buildPlan({ setup, asOf: AS_OF });
  const cards: Record<string, number> = { mrr: 110, mrr_churn: 0.02, nrr: 1, cac: 60, ltv: 5000, lead_to_opp: 0.2, cpl: 60 };
  const trends: Record<string, number[]> = {
    mrr: [99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110],
    cac: [60, 61.2, 58.8, 60.6, 59.4, 61.8, 58.2, 60, 61.2, 58.8, 60.6, 60],
    cpl: [20, 21, 19, 20, 22, 18, 20, 21, 19, 20, 21, 60], // the last period spikes: an anomaly of a lower-is-better KPI
  };
  const at = (address: string, rowOffset: number) => {
    const r = parseAddress(address);
    return `${address.replace(/\d+.*$/, '')}${r.row + 1 + rowOffset}`;
  };
  const values = splitSheetRef(plan.snapshot.valuesRange).a1;
  plan.snapshot.kpis.forEach((id, i) => book.setComputed(sheet, at(values, i), cards[id]));
  for (const [id, series] of Object.entries(trends)) {
    const ref = splitSheetRef(plan.trend.series[id]).a1;
    series.forEach((v, i) => book.setComputed(sheet, at(ref, i), v));
  }
}

describe('alerts() for the task pane', () => {
  it('without a saved setup: nothing to read, no Excel call, no daily digest in Excel', async () => {
    const book = companyWorkbook();
    expect(await bridgeFor(book, officeFake()).alerts()).toEqual({ daily: false, dailyAvailable: false, breaches: [] });
    expect(book.runs).toBe(0);
  });

  it('reads the breaches back from the dashboard in two syncs, as worked out by hand', async () => {
    const book = companyWorkbook();
    const bridge = bridgeFor(book, officeFake());
    await bridge.generate(alertSetup(), AS_OF);
    compute(book, alertSetup());
    let status!: Awaited<ReturnType<typeof bridge.alerts>>;
    expect(await syncsOf(book, async () => (status = await bridge.alerts()))).toBe(2);
    expect(status.daily).toBe(false);
    expect(status.dailyAvailable).toBe(false);
    expect(status.breaches.map((b) => [b.kpi, b.kinds, b.owner, b.value])).toEqual([
      ['mrr', ['pace'], 'Ana <ana@acme.fr>', 110],
      ['cac', ['threshold'], 'Ben', 60],
      ['cpl', ['anomaly'], null, 60],
    ]);
    expect(status.breaches[0].threshold).toBeCloseTo(100 + 100 * (73 / 364 - 0.1), 9);
    expect(status.breaches[1].threshold).toBe(50);
  });

  it('finds a renamed dashboard by its marker, and reports nothing before a dashboard exists', async () => {
    const book = companyWorkbook();
    const bridge = bridgeFor(book, officeFake());
    await bridge.save(alertSetup());
    expect((await bridge.alerts()).breaches).toEqual([]);
    await bridge.generate(alertSetup(), AS_OF);
    book.sheet('KPI Dashboard').name = 'Board';
    compute(book, alertSetup(), 'Board');
    expect((await bridge.alerts()).breaches.map((b) => b.kpi)).toEqual(['mrr', 'cac', 'cpl']);
  });

  it('nothing in breach: an empty list', async () => {
    const book = companyWorkbook();
    const bridge = bridgeFor(book, officeFake());
    await bridge.generate(saasSetup(), AS_OF); // no goal thresholds crossed, blank trends: no anomaly
    book.setComputed('KPI Dashboard', 'B5', 500); // MRR 500, goal 400 → 600 by June: ahead of pace
    expect((await bridge.alerts()).breaches).toEqual([]);
  });
});

describe('setDailyAlerts in Excel', () => {
  it('rejects with a clear KpiError in the pane’s language, on and off', async () => {
    const book = companyWorkbook();
    const on = bridgeFor(book, officeFake()).setDailyAlerts(true);
    await expect(on).rejects.toBeInstanceOf(KpiError);
    await expect(on).rejects.toThrow(/daily alert e-mails exist only in Google Sheets/);
    await expect(bridgeFor(book, officeFake()).setDailyAlerts(false)).rejects.toThrow(/nothing to switch off/);
    await expect(bridgeFor(book, officeFake('fr-FR')).setDailyAlerts(true)).rejects.toThrow(/n’existent que dans Google Sheets/);
    expect(book.runs).toBe(0);
  });
});

describe('alerts() after rows were inserted above the cards', () => {
  const RENAMED =
    'The dashboard’s card table no longer shows MRR (it was renamed, deleted or moved out of the table). Nothing was written. Generate the dashboard again to restore it.';

  it('follow the anchors to the same breaches, and refuse with a message, writing nothing, when a card is no longer found', async () => {
    const book = companyWorkbook();
    const bridge = bridgeFor(book, officeFake());
    await bridge.generate(alertSetup(), AS_OF);
    compute(book, alertSetup());
    book.insertRows('KPI Dashboard', 1, 1); // the as-of date is now B3
    book.insertRows('KPI Dashboard', 6, 2); // MRR's card is now row 8
    expect(book.input('KPI Dashboard', 'A8')).toBe('MRR');
    expect((await bridge.alerts()).breaches.map((b) => [b.kpi, b.value])).toEqual([
      ['mrr', 110],
      ['cac', 60],
      ['cpl', 60],
    ]);
    book.cell('KPI Dashboard', 'A8')!.input = 'Monthly revenue';
    const before = JSON.stringify(book.sheets.map((s) => [s.name, [...s.cells]]));
    await expect(bridge.alerts()).rejects.toThrow(RENAMED);
    await expect(bridge.snapshot()).rejects.toThrow(RENAMED);
    expect(JSON.stringify(book.sheets.map((s) => [s.name, [...s.cells]]))).toBe(before);
  });
});
