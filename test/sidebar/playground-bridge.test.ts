import { alertLabel, buildPlan, DashboardSetup, detectMapping, template } from '../../core/dashboard';
import { lastRowOf } from '../../playground/dashboard/apply';
import { createPlaygroundBridge, DAILY_UNAVAILABLE, SETUP_KEY } from '../../playground/dashboard/bridge';
import { Workbook } from '../../playground/engine/workbook';
import { generateSample } from '../../playground/sample/company';

/**
 * The playground bridge on the real engine, in node: the plan lands in marked sheets, a second
 * generation rewrites them in place, a user's "KPI Dashboard" is left alone, snapshots append.
 * Expected values come from the sample rows by plain arithmetic here, not from the core.
 */
const sample = generateSample();
const AS_OF = '2026-10-31'; // the sample's last month is October 2026

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

function setupFor(wb: Workbook): DashboardSetup {
  const sheets = wb.sheetNames().map((name) => {
    const id = wb.sheetId(name);
    const headers = Array.from({ length: wb.size(id).cols }, (_, col) => wb.hf.getCellValue({ sheet: id, row: 0, col }));
    return { name, headers, rows: wb.size(id).rows - 1 };
  });
  return {
    v: 1,
    locale: 'en',
    template: 'saas',
    kpis: [...template('saas').kpis],
    mapping: detectMapping(sheets).mapping,
    goals: [{ kpi: 'mrr', baseline: 250000, target: 350000, start: '2026-01-01', end: '2026-12-31', owner: 'Ana' }],
  };
}

/** Relative 1e-9: HyperFormula rounds results to 10 significant digits. */
function close(actual: unknown, expected: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
}

const value = (wb: Workbook, sheet: string, row: number, col: number) => wb.hf.getCellValue({ sheet: wb.sheetId(sheet), row, col });

// October 2026 by hand from the rows: marketing rows of the month, ledger rows of the month
const october = sample.sheets.Marketing.slice(1).filter((r) => r[0] === '2026-10-01');
const spend = october.reduce((t, r) => t + (r[2] as number), 0);
const leads = october.reduce((t, r) => t + (r[3] as number), 0);
const customers = october.reduce((t, r) => t + (r[5] as number), 0);
const mrr = sample.sheets.Subscriptions.slice(1)
  .filter((r) => r[1] === '2026-10-01')
  .reduce((t, r) => t + (r[2] as number), 0);

let wb: Workbook;
beforeAll(() => {
  wb = new Workbook({ ...sample.sheets });
});

it('generates the four marked sheets with the right values', async () => {
  const storage = memoryStorage();
  const bridge = createPlaygroundBridge(wb, { today: AS_OF, locale: 'en-GB', storage });
  const result = await bridge.generate(setupFor(wb), AS_OF);
  expect(result.sheets).toEqual(['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']);
  expect([...wb.markers.values()]).toEqual(['dashboard', 'goals', 'definitions', 'history']);
  // cards: A5.. in template order mrr, mrr_churn, nrr, cac, ltv, lead_to_opp, cpl
  expect(value(wb, 'KPI Dashboard', 4, 0)).toBe('MRR');
  close(value(wb, 'KPI Dashboard', 4, 1), mrr);
  close(value(wb, 'KPI Dashboard', 7, 1), spend / customers);
  close(value(wb, 'KPI Dashboard', 10, 1), spend / leads);
  // the goal: progress (mrr − 250000) / 100000; expected by Oct 31: 303 of 364 days
  const progress = (mrr - 250000) / 100000;
  close(value(wb, 'KPI Goals', 1, 9), progress);
  const expected = 303 / 364;
  const status = progress >= 1 ? 'Achieved' : progress >= expected ? 'On track' : progress >= expected - 0.1 ? 'At risk' : 'Off track';
  expect(value(wb, 'KPI Goals', 1, 10)).toBe(status);
  expect(value(wb, 'KPI Dashboard', 4, 4)).toBe(status);
  expect(JSON.parse(storage.getItem(SETUP_KEY)!).kpis).toEqual(template('saas').kpis);
  expect((await bridge.load()).setup?.goals[0].owner).toBe('Ana');
});

it('generating again rewrites the same sheets; two snapshots of one period leave one row per KPI, which survive', async () => {
  const bridge = createPlaygroundBridge(wb, { today: AS_OF, locale: 'en', storage: memoryStorage() });
  await bridge.generate(setupFor(wb), AS_OF);
  const before = wb.sheetNames().length;
  const snap = await bridge.snapshot();
  expect(snap).toEqual({ appended: 7, updated: 0, skipped: [], date: AS_OF });
  expect(await bridge.snapshot()).toEqual({ appended: 0, updated: 7, skipped: [], date: AS_OF });
  await bridge.generate(setupFor(wb), AS_OF);
  expect(wb.sheetNames().length).toBe(before);
  expect(wb.sheetNames().filter((n) => n.startsWith('KPI'))).toEqual(['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']);
  const history = wb.hf.getSheetValues(wb.sheetId('KPI History'));
  expect(history.length).toBe(1 + 7);
  expect(history[0]).toEqual(['Date', 'KPI', 'KPI id', 'Value']);
  expect(history[1].slice(1, 3)).toEqual(['MRR', 'mrr']);
  close(history[1][3], mrr);
  // the load after a generation feeds "achievable" from the trend table: 12 monthly MRR values
  const info = await bridge.load();
  expect(info.history.mrr).toHaveLength(12);
  close(info.history.mrr[11], mrr);
  expect(info.sheets.map((s) => s.name)).toEqual(['Marketing', 'Subscriptions', 'Deals', 'Touchpoints', 'Transactions']);
});

it('leaves a user sheet named KPI Dashboard untouched and says so', async () => {
  const own = new Workbook({ ...sample.sheets, 'KPI Dashboard': [['my notes'], [42]] });
  const bridge = createPlaygroundBridge(own, { today: AS_OF, locale: 'en', storage: memoryStorage() });
  const result = await bridge.generate(setupFor(own), AS_OF);
  expect(result.sheets[0]).toBe('KPI Dashboard (KPI Pilot)');
  expect(result.notices.map((n) => n.code)).toContain('renamed');
  expect(own.hf.getSheetValues(own.sheetId('KPI Dashboard'))).toEqual([['my notes'], [42]]);
  expect(own.markers.has(own.sheetId('KPI Dashboard'))).toBe(false);
  close(value(own, 'KPI Dashboard (KPI Pilot)', 4, 1), mrr);
});

it('refuses a snapshot before any dashboard exists', async () => {
  const fresh = new Workbook({ Marketing: sample.sheets.Marketing });
  const bridge = createPlaygroundBridge(fresh, { today: AS_OF, locale: 'fr-FR', storage: memoryStorage() });
  await expect(bridge.snapshot()).rejects.toThrow('generate the dashboard first');
  expect((await bridge.load()).locale).toBe('fr');
});

describe('alerts in the playground', () => {
  it('lists nothing before a dashboard exists, and refuses the daily digest with a reason', async () => {
    const bridge = createPlaygroundBridge(new Workbook({ ...sample.sheets }), { today: AS_OF, locale: 'en', storage: memoryStorage() });
    expect(await bridge.alerts()).toEqual({ daily: false, dailyAvailable: false, breaches: [] });
    await expect(bridge.setDailyAlerts(true)).rejects.toThrow(DAILY_UNAVAILABLE);
    expect(DAILY_UNAVAILABLE).toMatch(/only in the Google Sheets add-on/);
  });

  it('computes breaches from the values the dashboard shows, as its alert cells do', async () => {
    const own = new Workbook({ ...sample.sheets });
    const bridge = createPlaygroundBridge(own, { today: AS_OF, locale: 'en', storage: memoryStorage() });
    const setup = setupFor(own);
    // MRR (about 295,000) under an explicit threshold of 400,000; CAC over a threshold of 1 (it is in the hundreds)
    setup.goals = [
      { ...setup.goals[0], threshold: 400000 },
      { kpi: 'cac', threshold: 1, owner: 'Bo' },
    ];
    setup.alerts = { enabled: true };
    await bridge.generate(setup, AS_OF);
    const { breaches, dailyAvailable } = await bridge.alerts();
    expect(dailyAvailable).toBe(false);
    const byKpi = new Map(breaches.map((b) => [b.kpi, b]));
    expect(byKpi.get('mrr')).toMatchObject({ owner: 'Ana', threshold: 400000 });
    expect(byKpi.get('mrr')!.kinds[0]).toBe('threshold');
    close(byKpi.get('mrr')!.value, mrr);
    expect(byKpi.get('cac')).toMatchObject({ owner: 'Bo', threshold: 1 });
    close(byKpi.get('cac')!.value, spend / customers);
    // the dashboard's alert column (K, from its own formulas) says the same for every card
    const kpis = setup.kpis;
    kpis.forEach((id, i) => {
      const b = byKpi.get(id);
      expect(value(own, 'KPI Dashboard', 4 + i, 10)).toBe(b ? alertLabel(b.kinds, 'en') : '');
    });
    // and the card's name is highlighted by the formula format exactly when its alert cell is not empty
    kpis.forEach((id, i) => {
      const style = own.format({ sheet: own.sheetId('KPI Dashboard'), row: 4 + i, col: 0 })?.style;
      expect(!!style?.background && style.background !== '#FFFFFF' ? 'flagged' : 'plain').toBe(byKpi.has(id) ? 'flagged' : 'plain');
    });
  });

  it('sizes the extra sheets for their spills: open ranges of a planned sheet close at its minRows or the largest data sheet', () => {
    const own = new Workbook({ ...sample.sheets });
    const setup = { ...setupFor(own), extras: { customers: true, attribution: true } };
    const rows = own.size(own.sheetId('Transactions')).rows - 1;
    const plan = buildPlan({ setup, asOf: AS_OF, dataRows: { orders: rows } });
    const customersSheet = plan.sheets.find((s) => s.role === 'customers')!;
    expect(customersSheet.minRows).toBeGreaterThan(rows);
    const lastRow = lastRowOf(own, plan);
    expect(lastRow('Customers at risk')).toBe(customersSheet.minRows);
    expect(lastRow('Attribution')).toBe(Math.max(...Object.values(sample.sheets).map((s) => s.length)) + 10);
    expect(lastRow('Deals')).toBe(sample.sheets.Deals.length); // a data sheet: its own last row
  });
});
