import { DashboardSetup, DataHistory, detectMapping, template } from '../../core/dashboard';
import type { WorkbookInfo } from '../../sidebar/bridge';
import { baselineTyped, goalHistories, prefillBaseline, prefillBaselines } from '../../sidebar/baselines';
import { chooseTemplate, goalCheck, initialState, setGoalField, toSetup } from '../../sidebar/state';
import { createPlaygroundBridge } from '../../playground/dashboard/bridge';
import { Workbook } from '../../playground/engine/workbook';
import { generateSample } from '../../playground/sample/company';
import { sampleLedgerNrr } from '../support/sample-nrr';

/** Baselines from the data in the Goals step: pre-filled, marked, never over what the manager typed or KPI Goals holds. */
const HISTORY: DataHistory = {
  months: ['2026-07', '2026-08', '2026-09', '2026-10'],
  values: { nrr: [0.8, 0.82, 0.79, 0.81], mrr: [100, 110, 125, null] },
  lastFull: '2026-10',
};

function info(extra: Partial<WorkbookInfo> = {}): WorkbookInfo {
  return { sheets: [], existing: [], locale: 'en', setup: null, history: {}, today: '2026-10-31', ...extra };
}

describe('pre-filled baselines', () => {
  const start = chooseTemplate(initialState(info()), 'saas');

  it('fills blank baselines with the last full month, in the unit as typed (percent in percent), and says which month', () => {
    const s = prefillBaselines(start, HISTORY);
    expect(s.goals.nrr).toMatchObject({ baseline: '81', baselineFrom: '2026-10' });
    expect(s.goals.mrr).toMatchObject({ baseline: '125', baselineFrom: '2026-09' }); // October has no value: the latest month that has one
    expect(toSetup(s).goals.find((g) => g.kpi === 'nrr')!.baseline).toBeCloseTo(0.81, 12);
  });

  it('follows the start date while pre-filled: the month before the start', () => {
    let s = prefillBaselines(start, HISTORY);
    s = setGoalField(s, 'nrr', 'start', '2026-09-15');
    s = prefillBaseline(s, 'nrr', HISTORY);
    expect(s.goals.nrr).toMatchObject({ baseline: '82', baselineFrom: '2026-08' });
    // a start before the data: no value to give, the pre-filled one is taken back
    s = prefillBaseline(setGoalField(s, 'nrr', 'start', '2026-07-01'), 'nrr', HISTORY);
    expect(s.goals.nrr).toMatchObject({ baseline: '', baselineFrom: undefined });
  });

  it('never replaces a baseline the manager typed', () => {
    let s = prefillBaselines(start, HISTORY);
    s = baselineTyped(setGoalField(s, 'nrr', 'baseline', '95'), 'nrr');
    s = prefillBaseline(setGoalField(s, 'nrr', 'start', '2026-09-01'), 'nrr', HISTORY);
    s = prefillBaselines(s, HISTORY);
    expect(s.goals.nrr).toMatchObject({ baseline: '95', baselineFrom: undefined });
  });

  it('never replaces a baseline read back from KPI Goals (a saved or merged setup)', () => {
    const setup: DashboardSetup = {
      v: 1,
      locale: 'en',
      kpis: ['nrr', 'mrr'],
      mapping: {},
      goals: [{ kpi: 'nrr', baseline: 0.9, target: 1 }],
    };
    const s = prefillBaselines(initialState(info({ setup })), HISTORY);
    expect(s.goals.nrr!.baseline).toBe('90');
    expect(s.goals.nrr!.baselineFrom).toBeUndefined();
    expect(s.goals.mrr!.baseline).toBe('125'); // blank in the sheet: filled
  });

  it('judges "achievable" on the data history, KPI History only where the data has none', () => {
    const h = goalHistories(info({ history: { nrr: [0.5], leads: [10, 20, 30] } }), HISTORY);
    expect(h.nrr).toEqual(HISTORY.values.nrr);
    expect(h.leads).toEqual([10, 20, 30]);
    let s = setGoalField(prefillBaselines(start, HISTORY), 'mrr', 'target', '200');
    s = setGoalField(setGoalField(setGoalField(s, 'mrr', 'start', '2026-11-01'), 'mrr', 'end', '2027-04-30'), 'mrr', 'owner', 'Ana');
    s = prefillBaseline(s, 'mrr', HISTORY);
    const codes = goalCheck(s, 'mrr', h).messages.map((m) => m.code);
    expect(codes).not.toContain('not_enough_history');
    expect(codes).toContain('achievable'); // 75 over ~6 months = 12.5 a month; best month +15
  });
});

describe('the playground provides the data history', () => {
  const sample = generateSample();

  it('reads the mapped columns and gives the sample NRR of September 2026 as the NRR function computes it', async () => {
    const wb = new Workbook({ ...sample.sheets });
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const bridge = createPlaygroundBridge(wb, { today: '2026-10-31', locale: 'en', storage });
    const loaded = await bridge.load();
    const setup: DashboardSetup = {
      v: 1,
      locale: 'en',
      template: 'saas',
      kpis: [...template('saas').kpis],
      mapping: detectMapping(loaded.sheets).mapping,
      goals: [],
    };
    const h = await bridge.dataHistory!(setup);
    expect(h.months).toHaveLength(24);
    expect(h.lastFull).toBe('2026-10');
    const nrr = sampleLedgerNrr('2025-09-01', '2026-09-01');
    expect(h.values.nrr![h.months.indexOf('2026-09')]).toBeCloseTo(nrr, 12);
  });
});
