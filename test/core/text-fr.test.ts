import { FUNCTIONS } from '../../core/functions';
import { argumentHelp, functionHelp } from '../../core/registry/help-text';
import { FUNCTION_TEXT_FR } from '../../core/registry/text-fr';
import { defineFunction } from '../../core/registry/types';

/**
 * The functions and arguments the registry had when the French table was written. Completeness is
 * required for these only: a function (or argument) added later shows in English until someone
 * translates it, and is listed below as a todo rather than failing, so adding a function to the
 * registry never needs a French text to land. A translation that was there and is lost still fails.
 */
const TRANSLATED_WHEN_WRITTEN: Record<string, readonly string[]> = {
  CAC: ['marketing_spend', 'new_customers', 'sales_spend'],
  CPL: ['spend', 'leads'],
  CONVERSION_RATE: ['conversions', 'base'],
  LEAD_TO_OPP: ['opportunities', 'leads'],
  WIN_RATE: ['won', 'closed'],
  PIPELINE_VELOCITY: ['open_opportunities', 'win_rate', 'avg_deal_size', 'cycle_days'],
  SALES_CYCLE: ['created_dates', 'closed_dates', 'method'],
  FUNNEL: ['stage_counts', 'stage_names'],
  ATV: ['revenue', 'transactions'],
  ARPA: ['revenue', 'customers'],
  LTV: ['arpa', 'churn_rate', 'gross_margin', 'discount_rate'],
  LTV_CAC: ['ltv', 'cac'],
  CAC_PAYBACK: ['cac', 'arpa', 'gross_margin'],
  MRR: ['months', 'amounts', 'month'],
  ARR: ['months', 'amounts', 'month'],
  MRR_MOVEMENTS: ['customers', 'months', 'amounts', 'month'],
  NRR: ['customers', 'months', 'amounts', 'start_month', 'end_month'],
  GRR: ['customers', 'months', 'amounts', 'start_month', 'end_month'],
  REVENUE_CHURN: ['customers', 'months', 'amounts', 'month', 'net'],
  CHURN_RATE: ['customers_at_start', 'customers_lost'],
  RETENTION_RATE: ['customers_start', 'customers_end', 'new_customers'],
  COHORT_RETENTION: ['customers', 'dates', 'basis', 'amounts'],
  QUICK_RATIO: ['new_mrr', 'expansion', 'reactivation', 'contraction', 'churn'],
  ROI: ['gain', 'cost'],
  ROMI: ['revenue', 'marketing_spend', 'gross_margin'],
  ROAS: ['revenue', 'ad_spend'],
  KPI_BY: ['kpi', 'groups', 'arg1', 'arg2', 'arg3'],
  KPI_CHANGE: ['numerator_before', 'denominator_before', 'numerator_after', 'denominator_after'],
  KPI_CHANGE_BY: ['groups', 'numerator', 'denominator', 'dates', 'before_start', 'after_start', 'after_end'],
  KPI_CHANGE_DRIVERS: ['groups', 'numerator', 'denominator', 'dates', 'before_start', 'after_start', 'after_end', 'top', 'language'],
  GOAL_PROGRESS: ['actual', 'target', 'baseline'],
  GOAL_STATUS: ['actual', 'target', 'start_date', 'end_date', 'as_of', 'baseline', 'tolerance'],
  OKR_SCORE: ['scores', 'weights'],
  ATTRIBUTION: ['paths', 'conversions', 'values', 'nulls', 'model', 'half_life'],
  ATTRIBUTION_TOUCHES: ['journeys', 'timestamps', 'channels', 'converted', 'values', 'model', 'half_life_days'],
  PATHS: ['journeys', 'timestamps', 'channels', 'converted', 'values'],
  REMOVAL_EFFECTS: ['paths', 'conversions', 'nulls'],
  FORECAST_ETS: ['target_dates', 'values', 'timeline', 'seasonality', 'data_completion', 'aggregation'],
  FORECAST_ETS_CONFINT: ['target_dates', 'values', 'timeline', 'confidence', 'seasonality', 'data_completion', 'aggregation'],
  FORECAST_ETS_SEASONALITY: ['values', 'timeline', 'data_completion', 'aggregation'],
  KPI_FORECAST: ['values', 'horizon', 'seasonality', 'method'],
  ANOMALIES: ['values', 'period', 'alpha', 'max_share', 'direction'],
  LEAD_LAG: ['leading', 'lagging', 'max_lag'],
  RFM: ['customers', 'dates', 'amounts', 'as_of', 'period'],
  BGNBD_FIT: ['frequency', 'recency', 'T'],
  P_ALIVE: ['frequency', 'recency', 'T', 'params'],
  CHURN_RISK: ['frequency', 'recency', 'T', 'params'],
  EXPECTED_PURCHASES: ['frequency', 'recency', 'T', 'horizon', 'params'],
  GG_FIT: ['frequency', 'monetary'],
  CLV_PREDICT: ['frequency', 'recency', 'T', 'monetary', 'horizon', 'discount_rate', 'margin', 'bgnbd_params', 'gg_params'],
  COMMISSION: ['amount', 'quota', 'tier_starts', 'tier_rates', 'method', 'cap'],
};

const numbersIn = (s: string) => (s.match(/\d+(?:\.\d+)?/g) ?? []).sort();
const quotedIn = (s: string) => (s.match(/"[^"]*"/g) ?? []).sort();

describe('French help of the functions', () => {
  it('covers every function and argument the registry had when the table was written', () => {
    const missing: string[] = [];
    for (const [name, args] of Object.entries(TRANSLATED_WHEN_WRITTEN)) {
      const fr = FUNCTION_TEXT_FR[name];
      if (!fr?.help.trim()) missing.push(name);
      for (const arg of args) if (!fr?.args[arg]?.trim()) missing.push(`${name}.${arg}`);
    }
    expect(missing).toEqual([]);
  });

  it('names only functions and arguments the registry has', () => {
    const registry = new Map(FUNCTIONS.map((f) => [f.name, new Set(f.params.map((p) => p.name))]));
    const unknown: string[] = [];
    for (const [name, fr] of Object.entries(FUNCTION_TEXT_FR)) {
      const params = registry.get(name);
      if (!params) unknown.push(name);
      else for (const arg of Object.keys(fr.args)) if (!params.has(arg)) unknown.push(`${name}.${arg}`);
    }
    expect(unknown).toEqual([]);
  });

  // Functions or arguments added to the registry since: listed, not failed (they show in English).
  const untranslated = FUNCTIONS.flatMap((f) =>
    !FUNCTION_TEXT_FR[f.name]
      ? [f.name]
      : f.params.filter((p) => !(p.name in FUNCTION_TEXT_FR[f.name].args)).map((p) => `${f.name}.${p.name}`),
  );
  for (const name of untranslated) it.todo(`French help for ${name} (shown in English meanwhile)`);

  it('is French, not the English copied, and keeps the numbers and typed values of the English', () => {
    for (const fn of FUNCTIONS) {
      const fr = FUNCTION_TEXT_FR[fn.name];
      if (!fr) continue;
      expect(fr.help).not.toBe(fn.help);
      for (const p of fn.params) {
        const text = fr.args[p.name];
        if (!text) continue;
        expect(text).not.toBe(p.description);
        // Units, bounds and defaults are numbers; allowed values are typed in quotes: both stay as they are.
        expect({ arg: `${fn.name}.${p.name}`, numbers: numbersIn(text), quoted: quotedIn(text) }).toEqual({
          arg: `${fn.name}.${p.name}`,
          numbers: numbersIn(p.description),
          quoted: quotedIn(p.description),
        });
        for (const choice of p.choices ?? []) {
          if (p.description.includes(`"${choice}"`)) expect(text).toContain(`"${choice}"`);
        }
      }
    }
  });

  it('picks the French text on a French page and the English otherwise', () => {
    const cac = FUNCTIONS.find((f) => f.name === 'CAC')!;
    expect(functionHelp(cac, 'fr')).toBe('Coût d’acquisition client : (dépenses marketing + dépenses commerciales) / nouveaux clients.');
    expect(functionHelp(cac, 'en')).toBe(cac.help);
    expect(argumentHelp(cac, 'new_customers', 'fr')).toBe('Nouveaux clients gagnés sur la même période.');
    expect(argumentHelp(cac, 'new_customers', 'en')).toBe('New customers won over the same period.');
    expect(argumentHelp(cac, 'no_such_argument', 'fr')).toBeUndefined();
  });

  it('falls back to English for a function or an argument the table lacks', () => {
    // A function added to the registry without a French text yet.
    const added = defineFunction({
      name: 'KPI_TEST_ONLY_NEW',
      section: 'Test',
      help: 'Change of a KPI between two periods.',
      params: [{ name: 'current', kind: 'number', description: 'Value this period.' }],
      result: 'number',
      example: { formula: '=KPI_TEST_ONLY_NEW(2)', result: 2, working: '2' },
      errors: [],
      impl: (current) => current,
    });
    expect(functionHelp(added, 'fr')).toBe('Change of a KPI between two periods.');
    expect(argumentHelp(added, 'current', 'fr')).toBe('Value this period.');
    // An argument added to a translated function.
    const cac = FUNCTIONS.find((f) => f.name === 'CAC')!;
    const widened = { ...cac, params: [...cac.params, { name: 'other_spend', kind: 'range' as const, description: 'Other spend.' }] };
    expect(argumentHelp(widened, 'other_spend', 'fr')).toBe('Other spend.');
    expect(argumentHelp(widened, 'marketing_spend', 'fr')).toBe('Dépenses marketing de la période (une plage ou un nombre).');
  });
});
