import { DashboardSetup, detectMapping, template } from '../../core/dashboard';
import { createPlaygroundBridge, SETUP_KEY } from '../../playground/dashboard/bridge';
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
  return { v: 1, locale: 'en', template: 'saas', kpis: [...template('saas').kpis], mapping: detectMapping(sheets).mapping, goals: [{ kpi: 'mrr', baseline: 250000, target: 350000, start: '2026-01-01', end: '2026-12-31', owner: 'Ana' }] };
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
const mrr = sample.sheets.Subscriptions.slice(1).filter((r) => r[1] === '2026-10-01').reduce((t, r) => t + (r[2] as number), 0);

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

it('generating again rewrites the same sheets; snapshots append to history and survive', async () => {
  const bridge = createPlaygroundBridge(wb, { today: AS_OF, locale: 'en', storage: memoryStorage() });
  await bridge.generate(setupFor(wb), AS_OF);
  const before = wb.sheetNames().length;
  const snap = await bridge.snapshot();
  expect(snap).toEqual({ appended: 7, skipped: [] });
  await bridge.snapshot();
  await bridge.generate(setupFor(wb), AS_OF);
  expect(wb.sheetNames().length).toBe(before);
  expect(wb.sheetNames().filter((n) => n.startsWith('KPI'))).toEqual(['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']);
  const history = wb.hf.getSheetValues(wb.sheetId('KPI History'));
  expect(history.length).toBe(1 + 14);
  expect(history[1][1]).toBe('mrr');
  close(history[1][2], mrr);
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
