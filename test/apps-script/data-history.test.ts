/** The Goals step's data history in Sheets: the server reads the columns, the sidebar computes the months. Hand-worked months, batched reads. */
import { snapshotNow } from '../../apps-script/dashboard/server-api';
import { columnReads } from '../../core/dashboard/monthly';
import { baselineFromData } from '../../core/dashboard/baselines';
import { FakeSheets } from '../fakes/spreadsheet-app';
import { sampleSetup, sampleWorkbook, generate, sheetsBridge } from './support';

const dataHistory = (setup = sampleSetup('saas')) => sheetsBridge().dataHistory!(setup);

let fake: FakeSheets;
let uninstall: () => void;
afterEach(() => uninstall?.());
const open = (options = {}, rows?: number) => ({ fake, uninstall } = sampleWorkbook(options, rows)).fake;

describe('the data history through the Sheets bridge', () => {
  it('gives each KPI per month from the mapped columns (test/fixtures/dashboard/company.ts, by hand)', async () => {
    open();
    const h = await dataHistory();
    const at = (kpi: string, ym: string) => h.values[kpi]![h.months.indexOf(ym)];
    expect(h.months[0]).toBe('2025-11'); // the ledger's first month
    // February 2026: MRR A 100 + B 120 + C 90 + D 88 + E 50; CAC (1500 + 100) / (4 + 1); CPL 1600 / 60
    expect(at('mrr', '2026-02')).toBe(448);
    expect(at('cac', '2026-02')).toBeCloseTo(320, 12);
    expect(at('cpl', '2026-02')).toBeCloseTo(1600 / 60, 12);
    // MRR churn of March: D's 88 lost of February's 448
    expect(at('mrr_churn', '2026-03')).toBeCloseTo(88 / 448, 12);
    expect(baselineFromData(h, 'mrr', '2026-03-01')).toEqual({ value: 448, month: '2026-02' });
  });

  it('reads column letters mapped in lower case as the setup’s rules allow (a setup typed by hand or imported)', async () => {
    open();
    const setup = sampleSetup('saas');
    const lower = JSON.parse(JSON.stringify(setup).replace(/"([A-Z])"/g, (_, c: string) => `"${c.toLowerCase()}"`));
    expect(lower.mapping.marketing.columns.spend).toBe('c');
    expect(await dataHistory(lower)).toEqual(await dataHistory(setup));
  });

  it('reads each mapped column in one call, whatever the number of rows', async () => {
    const reads = columnReads(sampleSetup('saas').kpis, sampleSetup('saas').mapping).length;
    for (const rows of [20, 2000]) {
      open({}, rows);
      fake.resetCounts();
      await dataHistory();
      const calls = fake.byMethod();
      expect(calls['Range.getValues']).toBe(reads); // no KPI History yet
      expect(calls['Range.getValue'] ?? 0).toBe(0);
      expect(calls['Sheet.getLastRow']).toBe(2); // once per mapped sheet the KPIs read: Marketing and Subscriptions
      uninstall();
    }
  });

  it('fills months the data lacks from KPI History snapshots, read in one call', async () => {
    const values: Record<number, number> = { 5: 100 };
    open({ evaluate: (sheet: string, row: number, col: number) => (sheet === 'KPI Dashboard' && col === 2 ? values[row] : undefined) });
    await generate(sampleSetup('saas', { goals: [] }), '2025-06-30'); // a month before any data row
    snapshotNow();
    fake.resetCounts();
    const h = await dataHistory();
    expect(h.months[0]).toBe('2025-06');
    expect(h.values.mrr![0]).toBe(100); // the snapshot of June 2025
    expect(h.values.mrr![h.months.indexOf('2026-02')]).toBe(448); // the data's own months
    expect(fake.byMethod()['Range.getValues']).toBe(columnReads(sampleSetup('saas').kpis, sampleSetup('saas').mapping).length + 1);
  });
});
