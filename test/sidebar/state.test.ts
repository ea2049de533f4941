import { parseSetup, serializeSetup } from '../../core/dashboard';
import { formatAmount, parseAmount } from '../../sidebar/amounts';
import type { WorkbookInfo } from '../../sidebar/bridge';
import {
  canLeave,
  chooseTemplate,
  columnChoices,
  datasetsNeeded,
  extraMissing,
  goalCheck,
  goalDraft,
  goalsWithErrors,
  initialState,
  moveKpi,
  selection,
  setAlertsEnabled,
  setExtra,
  setGoalField,
  SidebarState,
  stepAfter,
  toggleKpi,
  toSetup,
  withDailyStatus,
} from '../../sidebar/state';
import { addTier, setPlanField, setTier } from '../../sidebar/steps/commission-input';

/** The sidebar's logic without a DOM: every rule the UI follows, checked against hand-worked values. */
const MARKETING = {
  name: 'Marketing',
  headers: ['Month', 'Channel', 'Spend', 'Leads', 'Opportunities', 'New customers', 'Revenue'],
  rows: 120,
};
const LEDGER = { name: 'Subscriptions', headers: ['Customer', 'Month', 'MRR'], rows: 900 };

function info(extra: Partial<WorkbookInfo> = {}): WorkbookInfo {
  return { sheets: [MARKETING, LEDGER], existing: [], locale: 'en', setup: null, history: {}, today: '2026-10-31', ...extra };
}

describe('numbers as a manager types them', () => {
  it.each([
    ['1200', 'currency', 'en', 1200],
    ['1,200.5', 'currency', 'en', 1200.5],
    ['1,200', 'currency', 'en', 1200], // thousands separator in English
    ['1,5', 'currency', 'en', 1.5], // not a thousands group: a decimal comma
    ['1,200', 'currency', 'fr', 1.2], // French decimal comma
    ['1 200,5', 'currency', 'fr', 1200.5],
    ['1\u202f200,5', 'currency', 'fr', 1200.5], // narrow no-break space, as French number formatting writes it
    ['1.234,5', 'currency', 'fr', 1234.5],
    ['€ 40', 'currency', 'en', 40],
    ['-3', 'count', 'en', -3],
    ['25', 'percent', 'en', 0.25], // percent KPIs are typed in percent
    ['12,5 %', 'percent', 'fr', 0.125],
    ['2e3', 'count', 'en', 2000],
  ] as const)('%s (%s, %s) is %d', (text, unit, locale, expected) => {
    expect(parseAmount(text, unit, locale)).toBeCloseTo(expected, 12);
  });

  it('blank is undefined and text is NaN', () => {
    expect(parseAmount('  ', 'count', 'en')).toBeUndefined();
    expect(parseAmount('lots', 'count', 'en')).toBeNaN();
    expect(parseAmount('1.2.3', 'count', 'en')).toBeNaN();
  });

  it('formats back for the inputs', () => {
    expect(formatAmount(0.25, 'percent', 'en')).toBe('25');
    expect(formatAmount(0.125, 'percent', 'fr')).toBe('12,5');
    expect(formatAmount(1234.5, 'currency', 'fr')).toBe('1234,5');
    expect(formatAmount(null, 'currency', 'en')).toBe('');
  });
});

describe('templates and KPIs', () => {
  it('opens on the template step with the mapping detected from headers', () => {
    const s = initialState(info());
    expect(s.step).toBe('template');
    expect(s.kpis).toEqual([]);
    expect(s.mapping.marketing).toEqual({
      sheet: 'Marketing',
      headerRow: 1,
      columns: { date: 'A', channel: 'B', spend: 'C', leads: 'D', opportunities: 'E', customers: 'F', revenue: 'G' },
    });
    expect(s.mapping.ledger).toEqual({ sheet: 'Subscriptions', headerRow: 1, columns: { customer: 'A', month: 'B', mrr: 'C' } });
  });

  it('SaaS gives its seven KPIs, balanced, with each KPI’s default review frequency', () => {
    const s = chooseTemplate(initialState(info()), 'saas');
    expect(s.kpis).toEqual(['mrr', 'mrr_churn', 'nrr', 'cac', 'ltv', 'lead_to_opp', 'cpl']);
    expect(s.goals.mrr?.frequency).toBe('monthly');
    expect(s.goals.cpl?.frequency).toBe('weekly');
    const check = selection(s);
    expect(check.count).toBe(7);
    expect(check.impactShare).toBeCloseTo(6 / 7, 12); // CPL is the one activity KPI
    expect(check.balanced).toBe(true);
  });

  it('the balance meter warns as KPIs are removed and added', () => {
    let s = chooseTemplate(initialState(info()), 'saas');
    for (const id of ['nrr', 'ltv', 'mrr_churn'] as const) s = toggleKpi(s, id, false);
    // mrr, cac, lead_to_opp, cpl: 4 KPIs, 3 impact = 75%
    expect(selection(s).messages.map((m) => m.code)).toEqual(['too_few']);
    s = toggleKpi(toggleKpi(s, 'leads', true), 'sessions', true);
    // 6 KPIs, 3 impact = 50%, and two vanity metrics
    expect(selection(s).messages.map((m) => m.code)).toEqual(['low_impact', 'vanity', 'vanity']);
    expect(selection(s).impactShare).toBeCloseTo(0.5, 12);
  });

  it('keeps goals typed for KPIs that stay when the template changes', () => {
    let s = chooseTemplate(initialState(info()), 'saas');
    s = setGoalField(s, 'cac', 'owner', 'Ana');
    s = chooseTemplate(s, 'b2b'); // has cac too
    expect(s.goals.cac?.owner).toBe('Ana');
    expect(s.goals.mrr).toBeUndefined();
    expect(chooseTemplate(s, null).kpis).toEqual([]);
  });

  it('moves cards up and down, not past the ends', () => {
    const s = chooseTemplate(initialState(info()), 'north_star');
    expect(moveKpi(s, 'win_rate', -1).kpis).toEqual(['mrr', 'win_rate', 'lead_to_opp', 'arpa', 'mrr_churn']);
    expect(moveKpi(s, 'mrr', -1)).toBe(s);
    expect(moveKpi(s, 'mrr_churn', 1)).toBe(s);
  });

  it('only an empty selection blocks leaving a step; steps clamp at both ends', () => {
    const s = initialState(info());
    expect(canLeave(s, 'template')).toBe(true);
    expect(canLeave(s, 'kpis')).toBe(false);
    expect(canLeave(toggleKpi(s, 'mrr', true), 'kpis')).toBe(true);
    expect(stepAfter('template', -1)).toBe('template');
    expect(stepAfter('goals', 1)).toBe('generate');
    expect(stepAfter('generate', 1)).toBe('generate');
  });
});

describe('mapping', () => {
  it('lists the datasets and fields the chosen KPIs read, dependencies included', () => {
    // LTV is built from ARPA and MRR churn: the ledger's customer, month and MRR
    expect(datasetsNeeded(['ltv', 'cac'])).toEqual([
      {
        dataset: 'marketing',
        fields: [
          { ref: 'marketing.date', name: 'date', required: true },
          { ref: 'marketing.spend', name: 'spend', required: true },
          { ref: 'marketing.customers', name: 'customers', required: true },
          { ref: 'marketing.sales_spend', name: 'sales_spend', required: false },
        ],
      },
      {
        dataset: 'ledger',
        fields: expect.arrayContaining([
          { ref: 'ledger.customer', name: 'customer', required: true },
          { ref: 'ledger.month', name: 'month', required: true },
          { ref: 'ledger.mrr', name: 'mrr', required: true },
        ]),
      },
    ]);
    expect(datasetsNeeded([])).toEqual([]);
  });

  it('offers each column of a sheet with its header', () => {
    expect(columnChoices(LEDGER)).toEqual([
      { letter: 'A', header: 'Customer' },
      { letter: 'B', header: 'Month' },
      { letter: 'C', header: 'MRR' },
    ]);
    expect(columnChoices(undefined)).toEqual([]);
  });
});

describe('goals', () => {
  it('reads typed text for the SMART check: numbers parsed, other text kept so the check can name it', () => {
    expect(
      goalDraft(
        'lead_to_opp',
        { baseline: '18', target: 'a lot', start: '', end: '2026-12-31', owner: 'Bo', frequency: 'weekly', threshold: '' },
        'en',
      ),
    ).toEqual({
      kpi: 'lead_to_opp',
      baseline: 0.18,
      target: 'a lot',
      start: undefined,
      end: '2026-12-31',
      owner: 'Bo',
      frequency: 'weekly',
    });
  });

  it('judges "achievable" from the KPI history', () => {
    let s = chooseTemplate(initialState(info()), 'saas');
    s = setGoalField(s, 'mrr', 'baseline', '100');
    s = setGoalField(s, 'mrr', 'target', '400');
    s = setGoalField(s, 'mrr', 'start', '2026-01-01');
    s = setGoalField(s, 'mrr', 'end', '2026-04-01');
    s = setGoalField(s, 'mrr', 'owner', 'Ana');
    // 300 over 90 days = 300 / (90 / 30.4375) = 101.46 a month; the best month seen was +15, and 101.46 > 1.5 × 15
    const check = goalCheck(s, 'mrr', { mrr: [100, 110, 125] });
    expect(check.requiredPace).toBeCloseTo(300 / (90 / 30.4375), 9);
    expect(check.messages.map((m) => m.code)).toEqual(['far_beyond']);
    // a closer target: 130 needs 10.15 a month, within the best month (+15)
    s = setGoalField(s, 'mrr', 'target', '130');
    expect(goalCheck(s, 'mrr', { mrr: [100, 110, 125] }).messages.map((m) => m.code)).toEqual(['achievable']);
  });

  it('lists touched goals with errors; untouched ones are not nagged', () => {
    let s = chooseTemplate(initialState(info()), 'saas');
    s = setGoalField(s, 'cac', 'target', '500');
    expect(goalsWithErrors(s, {})).toEqual(['cac']); // no dates, no owner
  });
});

describe('the setup', () => {
  function filled(): SidebarState {
    let s = chooseTemplate(initialState(info({ locale: 'fr' })), 'saas');
    s = setGoalField(s, 'lead_to_opp', 'baseline', '18,5');
    s = setGoalField(s, 'lead_to_opp', 'target', '22');
    s = setGoalField(s, 'lead_to_opp', 'start', '2026-07-01');
    s = setGoalField(s, 'lead_to_opp', 'end', '2026-12-31');
    s = setGoalField(s, 'lead_to_opp', 'owner', '  <b>Zoé</b> ');
    s = setGoalField(s, 'cac', 'target', 'bientôt');
    return s;
  }

  it('turns typed goals into numbers and dates, and keeps every mapped dataset', () => {
    const setup = toSetup(filled());
    expect(setup.locale).toBe('fr');
    expect(setup.template).toBe('saas');
    expect(setup.goals.find((g) => g.kpi === 'lead_to_opp')).toEqual({
      kpi: 'lead_to_opp',
      baseline: 0.185,
      target: 0.22,
      start: '2026-07-01',
      end: '2026-12-31',
      owner: '<b>Zoé</b>',
      frequency: 'weekly',
    });
    expect(setup.goals.find((g) => g.kpi === 'cac')).toMatchObject({ target: null }); // not a number: left out
    expect(Object.keys(setup.mapping).sort()).toEqual(['ledger', 'marketing']); // the two sheets of info()
    expect(() => serializeSetup(setup)).not.toThrow();
  });

  it('reopens a saved setup on the generate step with the goals as they were typed', () => {
    const saved = parseSetup(serializeSetup(toSetup(filled())));
    const s = initialState(info({ locale: 'fr', setup: saved }));
    expect(s.step).toBe('generate');
    expect(s.kpis).toEqual(saved.kpis);
    expect(s.goals.lead_to_opp).toEqual({
      baseline: '18,5',
      target: '22',
      start: '2026-07-01',
      end: '2026-12-31',
      owner: '<b>Zoé</b>',
      frequency: 'weekly',
      threshold: '',
    });
    expect(toSetup(s)).toEqual(saved);
  });

  it('writes back what it does not edit: options, extras, alerts, goal thresholds', () => {
    const saved = { ...toSetup(filled()), options: { grossMargin: 0.8 }, extras: { customers: true }, alerts: { enabled: true } };
    saved.goals = saved.goals.map((g) => (g.kpi === 'cac' ? { ...g, threshold: 900 } : g));
    let s = initialState(info({ locale: 'fr', setup: parseSetup(serializeSetup(saved)) }));
    s = setGoalField(s, 'cac', 'owner', 'Léa');
    const out = toSetup(s);
    expect(out.options).toEqual({ grossMargin: 0.8 });
    expect(out.extras).toEqual({ customers: true });
    expect(out.alerts).toEqual({ enabled: true });
    expect(out.goals.find((g) => g.kpi === 'cac')).toMatchObject({ threshold: 900, owner: 'Léa' });
  });
});

describe('extra sheets and alerts', () => {
  const TOUCHES = { name: 'Touchpoints', headers: ['Journey', 'Date', 'Channel', 'Converted', 'Value'], rows: 1200 };
  const DEALS = { name: 'Deals', headers: ['Deal', 'Owner', 'Created', 'Closed', 'Amount', 'Stage'], rows: 300 };
  const TX = { name: 'Transactions', headers: ['Customer', 'Date', 'Amount'], rows: 900 };
  const all = () => info({ sheets: [MARKETING, LEDGER, TOUCHES, DEALS, TX] });
  it('lists the touches dataset only when Attribution is ticked, the others with their extra', () => {
    let s = chooseTemplate(initialState(all()), 'saas');
    expect(datasetsNeeded(s.kpis, s.extras).map((d) => d.dataset)).toEqual(['marketing', 'ledger']);
    s = setExtra(s, 'attribution', true);
    const touches = datasetsNeeded(s.kpis, s.extras).find((d) => d.dataset === 'touches')!;
    expect(touches.fields.map((f) => [f.name, f.required])).toEqual([
      ['journey', true],
      ['timestamp', true],
      ['channel', true],
      ['converted', true],
      ['value', false],
    ]);
    s = setExtra(setExtra(s, 'customers', true), 'commissions', true);
    expect(datasetsNeeded(s.kpis, s.extras).map((d) => d.dataset)).toEqual(['marketing', 'ledger', 'deals', 'orders', 'touches']); // the catalog's order
    expect(
      datasetsNeeded(s.kpis, s.extras)
        .find((d) => d.dataset === 'deals')!
        .fields.map((f) => f.name),
    ).toEqual(['owner', 'amount', 'outcome', 'closed']);
    expect(
      datasetsNeeded(s.kpis, s.extras)
        .find((d) => d.dataset === 'orders')!
        .fields.map((f) => f.name),
    ).toEqual(['customer', 'date', 'amount']);
  });

  it('names what an extra still lacks in the mapping', () => {
    const s = initialState(all());
    expect(extraMissing(s.mapping, 'attribution')).toEqual([]);
    expect(extraMissing({}, 'attribution')).toEqual(['touches.journey', 'touches.timestamp', 'touches.channel', 'touches.converted']);
    expect(extraMissing(initialState(info()).mapping, 'commissions')).toEqual([
      'deals.owner',
      'deals.amount',
      'deals.outcome',
      'deals.closed',
    ]);
  });

  it('saves the ticked extras with a valid plan, keeps the extras’ other settings, and reopens them as typed', () => {
    const saved0 = { ...toSetup(chooseTemplate(initialState(all()), 'saas')), extras: { customerHorizonWeeks: 26 } };
    let s = initialState({ ...all(), setup: parseSetup(serializeSetup(saved0)) });
    s = setExtra(setExtra(s, 'attribution', true), 'commissions', true);
    s = setPlanField(s, 'quota', '200000');
    s = setTier(s, 0, 'rate', '5');
    s = setTier(setTier(addTier(s), 1, 'start', '100'), 1, 'rate', '8');
    const setup = toSetup(s);
    expect(setup.extras).toEqual({
      customerHorizonWeeks: 26,
      attribution: true,
      commissions: { quota: 200000, tiers: [0, 1], rates: [0.05, 0.08], method: 'marginal', period: 'month' },
    });
    expect(setup.mapping.touches).toEqual({
      sheet: 'Touchpoints',
      headerRow: 1,
      columns: { journey: 'A', timestamp: 'B', channel: 'C', converted: 'D', value: 'E' },
    });
    const again = initialState({ ...all(), setup: parseSetup(serializeSetup(setup)) });
    expect(again.extras).toEqual({
      attribution: true,
      customers: false,
      commissions: true,
      plan: {
        quota: '200000',
        tiers: [
          { start: '0', rate: '5' },
          { start: '100', rate: '8' },
        ],
        method: 'marginal',
        cap: '',
        period: 'month',
      },
    });
    expect(toSetup(again)).toEqual(setup);
  });

  it('leaves the Commissions sheet out while its plan is incomplete, and a setup without extras without the field', () => {
    let s = setExtra(chooseTemplate(initialState(all()), 'saas'), 'commissions', true);
    expect(toSetup(s).extras).toBeUndefined(); // no quota yet
    s = setExtra(s, 'customers', true);
    expect(toSetup(s).extras).toEqual({ customers: true });
    expect(toSetup(setExtra(s, 'customers', false)).extras).toBeUndefined();
  });

  it('alerts: on for a new dashboard, as saved for an old one; thresholds typed in the KPI’s unit', () => {
    let s = chooseTemplate(initialState(info({ locale: 'fr' })), 'saas');
    expect(toSetup(s).alerts).toEqual({ enabled: true });
    s = setGoalField(s, 'lead_to_opp', 'threshold', '12,5');
    s = setGoalField(s, 'cac', 'threshold', '1 500');
    expect(toSetup(s).goals.find((g) => g.kpi === 'lead_to_opp')!.threshold).toBeCloseTo(0.125, 12);
    expect(toSetup(s).goals.find((g) => g.kpi === 'cac')!.threshold).toBe(1500);
    s = setGoalField(s, 'cac', 'threshold', '');
    expect(toSetup(s).goals.find((g) => g.kpi === 'cac')).not.toHaveProperty('threshold');
    expect(toSetup(setAlertsEnabled(s, false))).not.toHaveProperty('alerts'); // never switched on, nothing saved
    // a setup saved before alerts existed keeps none until the manager switches them on
    const old = {
      v: 1 as const,
      locale: 'en' as const,
      template: 'saas' as const,
      kpis: ['mrr' as const],
      mapping: {},
      goals: [{ kpi: 'mrr' as const }],
    };
    const reopened = initialState(info({ setup: old }));
    expect(reopened.alertsEnabled).toBe(false);
    expect(toSetup(reopened)).not.toHaveProperty('alerts');
    expect(toSetup(setAlertsEnabled(reopened, true)).alerts).toEqual({ enabled: true });
  });

  it('records the daily digest state the host reports, so saving does not undo it', () => {
    const s = chooseTemplate(initialState(info()), 'saas');
    expect(withDailyStatus(s, { daily: true, dailyAvailable: false })).toBe(s); // Excel, playground: nothing to record
    const on = withDailyStatus(s, { daily: true, dailyAvailable: true });
    expect(toSetup(on).alerts).toEqual({ enabled: true, email: true });
    expect(toSetup(withDailyStatus(on, { daily: false, dailyAvailable: true })).alerts).toEqual({ enabled: true, email: false });
  });

  it('the steps: extras come after the KPIs, before the data they read', () => {
    expect(stepAfter('kpis', 1)).toBe('extras');
    expect(stepAfter('extras', 1)).toBe('mapping');
    expect(canLeave(initialState(info()), 'extras')).toBe(false); // no KPI yet
  });
});
