/**
 * The extra sheets applied to HyperFormula (the playground engine with every KPI function
 * registered), against (a) the core functions run on the same rows and (b) values worked out by
 * hand in the comments.
 */
import { toSerial } from '../../../core/args/cells';
import { compareModels, MODELS } from '../../../core/attribution/models';
import { readTouches } from '../../../core/attribution/touches';
import { detectMapping } from '../../../core/dashboard/mapping';
import { DashboardPlan, SHEET_ROLES } from '../../../core/dashboard/plan';
import { buildPlan } from '../../../core/dashboard/planner';
import { DashboardSetup, parseSetup, serializeSetup } from '../../../core/dashboard/setup';
import { CommissionsExtra } from '../../../core/dashboard/extras/setup';
import { sheetGrid } from '../../../core/dashboard/grid';
import { renderPlan } from '../../../core/dashboard/dialect';
import { callFunction } from '../../../core/hosts';
import { applyToWorkbook, valueAt } from '../hf-apply';
import { AS_OF, cdnowOrders, DEALS, Row, TOUCHES } from './fixture';
import { Workbook } from '../../../playground/engine/workbook';
import { cell } from '../../../core/dashboard/a1';
import { mappingOf } from '../../support/mapping';

const ORDERS = cdnowOrders(400);
const SHEETS: Record<string, Row[]> = { Touchpoints: TOUCHES, Orders: ORDERS, Deals: DEALS };
const data = SHEETS as unknown as Record<string, (string | number | boolean | null)[][]>;
const MAPPING = mappingOf(SHEETS);
const PLAN_RETRO: CommissionsExtra = { quota: 200000, tiers: [0, 0.5, 1], rates: [0.02, 0.05, 0.08], method: 'retroactive' };

function setup(extras: DashboardSetup['extras'], locale: 'en' | 'fr' = 'en'): DashboardSetup {
  return { v: 1, locale, kpis: ['orders', 'win_rate'], mapping: MAPPING, goals: [], extras };
}
const sheetOf = (plan: DashboardPlan, role: string) => plan.sheets.find((s) => s.role === role)!;
const close = (a: unknown, b: number) => {
  expect(typeof a).toBe('number');
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
};

describe('mapping of the extras data', () => {
  it('detects touchpoints, transactions and deals from their headers', () => {
    expect(MAPPING.touches).toEqual({
      sheet: 'Touchpoints',
      headerRow: 1,
      columns: { journey: 'A', timestamp: 'B', channel: 'C', converted: 'D', value: 'E' },
    });
    expect(MAPPING.orders?.columns).toMatchObject({ customer: 'A', date: 'B', amount: 'C' });
    expect(MAPPING.deals?.columns).toMatchObject({ owner: 'B', closed: 'C', amount: 'D', outcome: 'E' });
  });

  it('recognises HubSpot, GA4 and French touchpoint exports', () => {
    const found = (headers: string[]) => detectMapping([{ name: 'Sheet1', headers, rows: 5 }]).mapping.touches?.columns;
    expect(found(['Contact ID', 'Interaction date', 'Interaction source', 'Converted'])).toEqual({
      journey: 'A',
      timestamp: 'B',
      channel: 'C',
      converted: 'D',
    });
    expect(found(['user_pseudo_id', 'event_timestamp', 'source / medium', 'purchased', 'purchase_revenue'])).toEqual({
      journey: 'A',
      timestamp: 'B',
      channel: 'C',
      converted: 'D',
      value: 'E',
    });
    expect(found(['Parcours', 'Horodatage', 'Canal', 'Converti', 'Valeur de conversion'])).toEqual({
      journey: 'A',
      timestamp: 'B',
      channel: 'C',
      converted: 'D',
      value: 'E',
    });
  });
});

describe('setup of the extras', () => {
  it('round-trips and stays far below 9 KB with every extra and alerts on', () => {
    const s: DashboardSetup = {
      ...setup({
        attribution: true,
        customers: true,
        commissions: { ...PLAN_RETRO, cap: 30000, period: 'quarter' },
        attributionChannels: 20,
        halfLifeDays: 3,
        customerHorizonWeeks: 26,
      }),
      alerts: { enabled: true, email: true },
    };
    const text = serializeSetup(s);
    expect(parseSetup(text)).toEqual(s);
    expect(text.length).toBeLessThan(2500);
  });

  it.each([
    [{ commissions: { ...PLAN_RETRO, tiers: [0.1, 0.5, 1] } }, /first tier must start at 0/],
    [{ commissions: { ...PLAN_RETRO, tiers: [0, 1, 0.5] } }, /tier 3 \(0.5\) must start above tier 2/],
    [{ commissions: { ...PLAN_RETRO, rates: [0.02, 0.05] } }, /3 tiers but 2 rates/],
    [{ commissions: { ...PLAN_RETRO, quota: 0 } }, /quota must be a number greater than 0/],
    [{ commissions: { ...PLAN_RETRO, method: 'flat' } }, /method must be "marginal" or "retroactive"/],
    [{ commissions: { ...PLAN_RETRO, rates: [0.02, -0.05, 0.08] } }, /rate 2 must be a number ≥ 0/],
    [{ attribution: 'yes' }, /extras.attribution must be true or false/],
    [{ attributionChannels: 80 }, /attributionChannels must be a whole number from 2 to 50/],
  ])('refuses %j', (extras, message) => {
    expect(() => serializeSetup(setup(extras as never))).toThrow(message);
  });

  it('refuses bad alerts and thresholds', () => {
    expect(() => serializeSetup({ ...setup(undefined), alerts: { enabled: 'on' } as never })).toThrow(
      /alerts must be an object with enabled/,
    );
    expect(() => serializeSetup({ ...setup(undefined), goals: [{ kpi: 'orders', threshold: 'ten' as never }] })).toThrow(
      /threshold must be a number/,
    );
  });
});

describe('plans with extras', () => {
  it('adds the sheets after the core ones, with their markers, and leaves the core sheets unchanged', () => {
    const base = buildPlan({ setup: setup(undefined), asOf: AS_OF });
    const plan = buildPlan({ setup: setup({ attribution: true, customers: true, commissions: PLAN_RETRO }), asOf: AS_OF });
    expect(plan.sheets.map((s) => [s.role, s.name, s.marker.value])).toEqual([
      ['dashboard', 'KPI Dashboard', 'dashboard'],
      ['goals', 'KPI Goals', 'goals'],
      ['definitions', 'KPI Definitions', 'definitions'],
      ['history', 'KPI History', 'history'],
      ['attribution', 'Attribution', 'attribution'],
      ['customers', 'Customers at risk', 'customers'],
      ['commissions', 'Commissions', 'commissions'],
    ]);
    expect(plan.sheets.slice(0, 4)).toEqual(base.sheets);
    expect(plan.alerts).toBeUndefined();
    expect(SHEET_ROLES).toEqual(expect.arrayContaining(['attribution', 'customers', 'commissions']));
    for (const s of plan.sheets.slice(4)) {
      expect(s.mode).toBe('replace');
      expect(s.blocks.length).toBeLessThanOrEqual(10);
      expect(() => sheetGrid(s)).not.toThrow();
    }
  });

  it('skips an extra whose data is not mapped, with a notice naming the fields', () => {
    const { touches: _t, ...noTouches } = MAPPING;
    const plan = buildPlan({ setup: { ...setup({ attribution: true }), mapping: noTouches }, asOf: AS_OF });
    expect(plan.sheets.map((s) => s.role)).not.toContain('attribution');
    expect(plan.notices).toContainEqual(
      expect.objectContaining({
        code: 'extra_skipped',
        sheet: 'attribution',
        text: expect.stringContaining('Journey (customer, user or session id)'),
      }),
    );
  });

  it("renames an extra sheet when a user's sheet has its name, and reports only asked-for sheets", () => {
    const existing = [{ name: 'Commissions' }, { name: 'Attribution' }];
    const plan = buildPlan({ setup: setup({ commissions: PLAN_RETRO }), asOf: AS_OF, existingSheets: existing });
    expect(sheetOf(plan, 'commissions').name).toBe('Commissions (KPI Pilot)');
    expect(plan.notices.filter((n) => n.code === 'renamed').map((n) => n.sheet)).toEqual(['commissions']);
    // our marked sheet is reused under its current name
    const again = buildPlan({
      setup: setup({ commissions: PLAN_RETRO }),
      asOf: AS_OF,
      existingSheets: [...existing, { name: 'Team pay', marker: 'commissions' }],
    });
    expect(sheetOf(again, 'commissions').name).toBe('Team pay');
  });
});

describe('host rendering of the extras', () => {
  const plan = buildPlan({
    setup: setup({ attribution: true, customers: true, commissions: PLAN_RETRO }),
    asOf: AS_OF,
    dataRows: { orders: ORDERS.length - 1 },
  });
  const excel = renderPlan(plan, 'excel');
  const formulaAt = (p: DashboardPlan, role: string, range: string, i = 0, j = 0) =>
    (sheetOf(p, role).blocks.find((b) => b.range === range)!.cells[i][j] as { formula: string }).formula;

  it('prefixes the custom functions for Excel and closes the open ranges, natives untouched', () => {
    expect(formulaAt(plan, 'attribution', 'K4:AR5', 1, 0)).toBe(
      `=ATTRIBUTION_TOUCHES('Touchpoints'!A2:A,'Touchpoints'!B2:B,'Touchpoints'!C2:C,'Touchpoints'!D2:D,'Touchpoints'!E2:E,"first",7)`,
    );
    expect(formulaAt(excel, 'attribution', 'K4:AR5', 1, 0)).toBe(
      `=KPIPILOT.ATTRIBUTION_TOUCHES('Touchpoints'!A2:A1048576,'Touchpoints'!B2:B1048576,'Touchpoints'!C2:C1048576,'Touchpoints'!D2:D1048576,'Touchpoints'!E2:E1048576,"first",7)`,
    );
    expect(formulaAt(excel, 'attribution', 'A6:H17', 0, 1)).toBe(`=IF($A6="","",VLOOKUP($A6,'Attribution'!K6:L1048576,2,0))`);
    expect(formulaAt(excel, 'customers', 'A6')).toMatch(
      /^=SORT\(HSTACK\(FILTER\('Customers at risk'!L6:L1048576,\('Customers at risk'!M6:M1048576<>""\)\*\('Customers at risk'!L6:L1048576>=\$B\$4\)\),.*,11,1\)$/,
    );
    expect(formulaAt(excel, 'customers', 'A4:D4', 0, 3)).toBe(`=COUNTIF('Customers at risk'!L6:L1048576,"<"&$B$4)`);
    expect(formulaAt(excel, 'customers', 'L5:T6', 1, 0)).toBe(
      `=KPIPILOT.P_ALIVE('Customers at risk'!N6:N1048576,'Customers at risk'!O6:O1048576,'Customers at risk'!P6:P1048576,$V$6:$Y$6)`,
    );
    expect(formulaAt(excel, 'commissions', 'A6:G55', 0, 6)).toBe('=IF($A6="","",KPIPILOT.COMMISSION(B6,C6,$H$6:$H$8,$I$6:$I$8,$L$6,$L$7))');
  });

  it('asks for room for the customers spill when the host gives the data rows', () => {
    expect(sheetOf(plan, 'customers').minRows).toBe(6 + ORDERS.length - 1 + 10);
    expect(sheetOf(buildPlan({ setup: setup({ customers: true }), asOf: AS_OF }), 'customers').minRows).toBeUndefined();
  });
});

describe('Attribution sheet in HyperFormula', () => {
  const plan = buildPlan({ setup: setup({ attribution: true }), asOf: AS_OF });
  const wb = applyToWorkbook(plan, data);
  const at = (a: string) => valueAt(wb, 'Attribution', a);
  const rows = TOUCHES.slice(1);
  const core = compareModels(
    readTouches({
      journeys: rows.map((r) => r[0] as string),
      timestamps: rows.map((r) => r[1] as number),
      channels: rows.map((r) => r[2] as string),
      converted: rows.map((r) => r[3] === 1),
      values: rows.map((r) => r[4] as number | null),
    }),
    7,
  );

  it('shows every model side by side, equal to compareModels on the same touches', () => {
    expect(core.length).toBe(5); // header + Search, Ads, Email, Social
    core.slice(1).forEach((row, i) => {
      expect(at(`A${6 + i}`)).toBe(row[0]);
      MODELS.forEach((_, j) => close(at(cell(2 + j, 6 + i)), row[1 + j] as number));
    });
    // rows beyond the channels stay blank
    for (let r = 10; r <= 17; r++) for (const c of ['A', 'B', 'H']) expect(at(`${c}${r}`)).toBe('');
  });

  it('gives the hand-worked rule credits', () => {
    const byChannel = Object.fromEntries(core.slice(1).map((r) => [r[0], r]));
    const col = (m: string) => 1 + MODELS.indexOf(m as never);
    const sheetRow = (ch: string) => 6 + core.slice(1).findIndex((r) => r[0] === ch);
    // first touch: u1 Ads, u2 Search, u3 Email, u6 Social; last touch: Search for all four
    for (const ch of ['Ads', 'Search', 'Email', 'Social']) close(at(`B${sheetRow(ch)}`), 1);
    close(at(`C${sheetRow('Search')}`), 4);
    close(at(`C${sheetRow('Ads')}`), 0);
    // linear: Search 1/3 + 1 + 1/2 + 1/3 = 13/6; Ads 1/3 + 1/3; Email 1/3 + 1/2; Social 1/3
    close(at(`D${sheetRow('Search')}`), 13 / 6);
    close(at(`D${sheetRow('Ads')}`), 2 / 3);
    close(at(`D${sheetRow('Email')}`), 5 / 6);
    close(at(`D${sheetRow('Social')}`), 1 / 3);
    // position 40/20/40: Search 0.4 + 1 + 0.5 + 0.4 = 2.3; Ads 0.4 + 0.2; Email 0.2 + 0.5; Social 0.4
    close(at(`E${sheetRow('Search')}`), 2.3);
    close(at(`E${sheetRow('Ads')}`), 0.6);
    close(at(`E${sheetRow('Email')}`), 0.7);
    close(at(`E${sheetRow('Social')}`), 0.4);
    // Shapley equals linear here: no path repeats a channel
    close(at(`H${sheetRow('Search')}`), 13 / 6);
    expect(byChannel.Search[col('shapley')]).toBeCloseTo(13 / 6, 12);
  });

  it("spills each model's full table, with values, and says association is not causation", () => {
    expect(at('K4')).toBe('First touch');
    expect(at('K5')).toBe('Channel');
    expect(at('N5')).toBe('Share');
    // first touch value: each converting journey's value to its first channel (Ads 300, Search 100, Email 200, Social 150)
    const firstValues = Object.fromEntries([6, 7, 8, 9].map((r) => [at(`K${r}`), at(`M${r}`)]));
    expect(firstValues).toEqual({ Ads: 300, Search: 100, Email: 200, Social: 150 });
    expect(String(at('A2'))).toMatch(/association, not causation/);
  });

  it('plans a column chart of the models over the comparison rows', () => {
    const chart = sheetOf(plan, 'attribution').charts[0];
    expect(chart).toMatchObject({ type: 'column', categories: 'A6:A17', anchor: 'A19' });
    expect(chart.series.map((s) => s.values)).toEqual(['B6:B17', 'C6:C17', 'D6:D17', 'E6:E17', 'F6:F17', 'G6:G17', 'H6:H17']);
  });

  it('writes the causation line in French', () => {
    const fr = buildPlan({ setup: setup({ attribution: true }, 'fr'), asOf: AS_OF });
    expect(sheetOf(fr, 'attribution').blocks[1].cells[0][0]).toMatch(/association, pas une causalité/);
  });

  it('omits the value argument when no value column is mapped', () => {
    const { value: _v, ...cols } = MAPPING.touches!.columns;
    const plan2 = buildPlan({
      setup: { ...setup({ attribution: true }), mapping: { ...MAPPING, touches: { ...MAPPING.touches!, columns: cols } } },
      asOf: AS_OF,
    });
    const wb2 = applyToWorkbook(plan2, data);
    close(valueAt(wb2, 'Attribution', `D${6 + core.slice(1).findIndex((r) => r[0] === 'Search')}`), 13 / 6);
    expect(valueAt(wb2, 'Attribution', 'M6')).toBe(null);
  });
});

describe('Commissions sheet in HyperFormula', () => {
  const run = (plan: CommissionsExtra) => {
    const wb = applyToWorkbook(buildPlan({ setup: setup({ commissions: plan }), asOf: AS_OF }), data);
    return (a: string) => valueAt(wb, 'Commissions', a);
  };

  it('pays each owner by the retroactive plan (hand-worked)', () => {
    const at = run(PLAN_RETRO);
    expect([at('D3'), at('F3')]).toEqual([toSerial('2026-03-01'), toSerial('2026-04-01')]);
    // owners sorted; Ana: 120,000 + 100,000 won in March (the lost deal and the February win do not count)
    expect(['A6', 'A7', 'A8', 'A9', 'A10'].map(at)).toEqual(['Ana', 'Ben', 'Chloé', 'Dan', null]);
    // Ana 220,000 / 200,000 = 110% reaches tier 3 (8%): 17,600 (a retroactive plan's textbook case)
    expect(['B6', 'C6', 'D6', 'E6', 'F6', 'G6'].map(at)).toEqual([220000, 200000, 1.1, 3, 0.08, 17600]);
    // Ben 90,000 (closed 31 March at noon) = 45%: tier 1 (2%): 1,800
    expect(['B7', 'D7', 'E7', 'F7', 'G7'].map(at)).toEqual([90000, 0.45, 1, 0.02, 1800]);
    // Chloé lost only, Dan won in April: 0
    expect(['B8', 'G8', 'B9', 'G9'].map(at)).toEqual([0, 0, 0, 0]);
    expect(['A11', 'B11', 'G11'].map(at)).toEqual([null, '', '']);
  });

  it('pays the marginal plan with a cap, as COMMISSION does', () => {
    const at = run({ ...PLAN_RETRO, method: 'marginal', cap: 8000 });
    // Ana marginal: 100,000 × 2% + 100,000 × 5% + 20,000 × 8% = 8,600, capped at 8,000
    expect(at('G6')).toBe(8000);
    // Ben: 90,000 × 2% = 1,800
    expect(at('G7')).toBe(1800);
    const core = callFunction('COMMISSION', [[[220000]], 200000, [[0], [0.5], [1]], [[0.02], [0.05], [0.08]], 'marginal']);
    expect(core).toEqual({ ok: true, value: 8600 });
  });

  it('counts the quarter when asked', () => {
    const at = run({ ...PLAN_RETRO, period: 'quarter' });
    expect([at('D3'), at('F3')]).toEqual([toSerial('2026-01-01'), toSerial('2026-04-01')]);
    expect(at('B6')).toBe(290000); // the February win counts too
  });
});

describe('Customers at risk sheet in HyperFormula (CDNOW, 400 customers)', () => {
  const plan = buildPlan({ setup: setup({ customers: true }), asOf: '1997-09-30' });
  const wb = applyToWorkbook(plan, data);
  const at = (a: string) => valueAt(wb, 'Customers at risk', a);
  const tx = ORDERS.slice(1);
  const ok = (name: string, args: unknown[]) => {
    const out = callFunction(name, args);
    if (!out.ok) throw out.error;
    return out.value as (string | number | null)[][];
  };
  const rfm = ok('RFM', [tx.map((r) => [r[0]]), tx.map((r) => [r[1]]), tx.map((r) => [r[2]]), toSerial('1997-09-30'), 'week']).slice(1);
  const [x, tx_, T, m] = [1, 2, 3, 4].map((k) => rfm.map((r) => [r[k]]));
  const bg = [ok('BGNBD_FIT', [x, tx_, T])[1].slice(0, 4)];
  const gg = [ok('GG_FIT', [x, m])[1].slice(0, 3)];
  const alive = ok('P_ALIVE', [x, tx_, T, bg]).map((r) => r[0] as number);
  const churn = ok('CHURN_RISK', [x, tx_, T, bg]).map((r) => r[0] as number);
  const expected = ok('EXPECTED_PURCHASES', [x, tx_, T, 52, bg]).map((r) => r[0] as number);
  const value = ok('CLV_PREDICT', [x, tx_, T, m, 52, 0, 1, bg, gg]).map((r) => r[0] as number);
  // ranked by value at risk = churn risk × predicted value, largest first, over the customers whose
  // P(alive) is at least the 10% floor; the others are counted as already lost
  const atRisk = value.map((v, i) => churn[i] * v);
  const kept = rfm.map((_, i) => i).filter((i) => alive[i] >= 0.1);
  const order = [...kept].sort((a, b) => atRisk[b] - atRisk[a]);
  let lost = 0;
  for (const p of alive) if (p < 0.1) lost++;

  it('lists the customers still likely active with the core values, by value at risk', () => {
    expect(rfm.length).toBe(400);
    expect(order.length).toBeGreaterThan(0);
    expect(order.length).toBeLessThan(400);
    order.forEach((i, k) => {
      const r = 6 + k;
      close(at(`A${r}`), alive[i]);
      expect(at(`B${r}`)).toBe(rfm[i][0]);
      for (const [c, v] of [
        ['C', rfm[i][1]],
        ['D', rfm[i][2]],
        ['E', rfm[i][3]],
        ['F', rfm[i][4]],
        ['G', churn[i]],
        ['H', expected[i]],
        ['I', value[i]],
        ['J', atRisk[i]],
      ] as const)
        close(at(`${c}${r}`), v as number);
    });
    expect(at(`B${6 + order.length}`)).toBe(null);
  });

  it('lists no customer below the floor and orders rows by value at risk, largest first', () => {
    expect(at('A4')).toBe('Lost below (chance still active)');
    expect(at('B4')).toBe(0.1);
    let prev = Infinity;
    for (let r = 6; r < 6 + order.length; r++) {
      expect(at(`A${r}`) as number).toBeGreaterThanOrEqual(0.1);
      const v = at(`J${r}`) as number;
      close(v, (at(`G${r}`) as number) * (at(`I${r}`) as number));
      expect(v).toBeLessThanOrEqual(prev);
      prev = v;
    }
  });

  it('counts the customers already lost apart, equal to an independent count', () => {
    expect(at('C4')).toBe('Customers already lost');
    expect(lost).toBeGreaterThan(0);
    expect(at('D4')).toBe(lost);
    expect(lost + order.length).toBe(400);
  });

  it('follows the floor cell', () => {
    const w = applyToWorkbook(plan, data) as Workbook;
    w.setCell({ sheet: w.sheetId('Customers at risk'), row: 3, col: 1 }, 0.5);
    const lost50 = alive.filter((p) => p < 0.5).length;
    expect(valueAt(w, 'Customers at risk', 'D4')).toBe(lost50);
    expect(valueAt(w, 'Customers at risk', `B${6 + 400 - lost50}`)).toBe(null);
    expect(valueAt(w, 'Customers at risk', `B${5 + 400 - lost50}`)).not.toBe(null);
  });

  it('fits BG/NBD and Gamma-Gamma once, as on the data (r 0.221 on this subset)', () => {
    expect(at('V5')).toBe('r');
    close(at('V6'), bg[0][0] as number);
    close(at('X9'), gg[0][2] as number);
  });

  it('follows the horizon and margin cells', () => {
    const w = applyToWorkbook(plan, data) as Workbook;
    const id = w.sheetId('Customers at risk');
    w.setCell({ sheet: id, row: 2, col: 3 }, 26);
    w.setCell({ sheet: id, row: 2, col: 5 }, 0.5);
    const i = order[0];
    const e26 = ok('EXPECTED_PURCHASES', [x, tx_, T, 26, bg])[i][0] as number;
    const v26 = ok('CLV_PREDICT', [x, tx_, T, m, 26, 0, 0.5, bg, gg])[i][0] as number;
    close(valueAt(w, 'Customers at risk', 'H6'), e26);
    close(valueAt(w, 'Customers at risk', 'I6'), v26);
  });
});
