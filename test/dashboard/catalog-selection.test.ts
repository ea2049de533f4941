import { CATALOG, fieldsNeeded, kpi, withDependencies } from '../../core/dashboard/catalog';
import { FIELDS } from '../../core/dashboard/fields';
import { kpiFormula } from '../../core/dashboard/formulas';
import { checkSelection } from '../../core/dashboard/selection';
import { DEFAULT_OPTIONS, DataMapping } from '../../core/dashboard/setup';
import { TEMPLATES } from '../../core/dashboard/templates';
import { getFunction } from '../../core/functions';

/** A mapping with every field on its own column, to build every formula. */
const FULL: DataMapping = {};
for (const f of FIELDS) {
  const [ds, name] = f.ref.split('.') as [keyof DataMapping, string];
  const m = (FULL[ds] ??= { sheet: ds, headerRow: 1, columns: {} });
  m.columns[name] = String.fromCharCode(65 + Object.keys(m.columns).length);
}

describe('the KPI catalog', () => {
  it.each(CATALOG.map((k) => k.id))('%s is complete in both languages and consistent', (id) => {
    const k = kpi(id);
    for (const text of [k.name, k.description, ...k.hints]) {
      expect(text.en.trim()).not.toBe('');
      expect(text.fr.trim()).not.toBe('');
    }
    if (k.fn) expect(getFunction(k.fn)?.name).toBe(k.fn);
    expect(k.coreFormula).toMatch(k.fn ? new RegExp(`^${k.fn}\\(`) : /^(SUM|COUNT)\(/);
    k.vanity?.alternatives.forEach((a) => expect(kpi(a).vanity).toBeNull());
    expect(k.needs.length).toBeGreaterThan(0);
    // custom functions exactly where the catalog says no native formula exists
    const built = kpiFormula(id, { mapping: FULL, options: DEFAULT_OPTIONS, start: '$L5', next: '$M5', kpiCell: (o) => `[${o}]` });
    expect(built.custom.length > 0).toBe(k.nativeFormula === null);
    // a formula reads only fields the KPI declares (through the KPIs it uses)
    const allowed = new Set(
      fieldsNeeded(id)
        .concat(k.optional ?? [])
        .map((f) => f.split('.')[0]),
    );
    for (const sheet of built.text.match(/'([a-z]+)'!/g) ?? []) expect(allowed.has(sheet.slice(1, -2))).toBe(true);
  });

  it('orders dependencies before the KPIs built from them', () => {
    expect(withDependencies(['ltv_cac'])).toEqual(['arpa', 'mrr_churn', 'ltv', 'cac', 'ltv_cac']);
    expect(withDependencies(['pipeline_velocity', 'win_rate'])).toEqual(['win_rate', 'avg_deal_size', 'sales_cycle', 'pipeline_velocity']);
  });
});

describe('checkSelection', () => {
  it.each(TEMPLATES.map((t) => t.id))('template %s is balanced', (id) => {
    const check = checkSelection(TEMPLATES.find((t) => t.id === id)!.kpis, 'en');
    expect(check.messages).toEqual([]);
    expect(check.balanced).toBe(true);
  });

  it('counts impact share, leading and lagging, and flags vanity metrics', () => {
    // leads (activity, leading, vanity), sessions (activity, leading, vanity), cpl (activity, leading), mrr, cac (impact, lagging)
    const check = checkSelection(['leads', 'sessions', 'cpl', 'mrr', 'cac'], 'en');
    expect(check.count).toBe(5);
    expect(check.impactShare).toBeCloseTo(0.4, 12);
    expect([check.leading, check.lagging]).toEqual([3, 2]);
    expect(check.vanity).toEqual(['leads', 'sessions']);
    expect(check.messages.map((m) => m.code)).toEqual(['low_impact', 'vanity', 'vanity']);
    expect(check.messages[0].text).toBe(
      'Impact KPIs are 40% of the dashboard: aim for at least 70% results (revenue, conversion) rather than efforts.',
    );
    expect(check.messages[1].text).toMatch(/^Leads can be a vanity metric: .* Consider Lead-to-opportunity rate or Cost per lead\.$/);
  });

  it('warns below 5 and above 7 KPIs, and without leading or lagging indicators', () => {
    expect(checkSelection(['mrr', 'cac', 'nrr', 'ltv'], 'en').messages.map((m) => m.code)).toEqual(['too_few', 'no_leading']);
    const eight = ['mrr', 'arr', 'cac', 'nrr', 'ltv', 'win_rate', 'lead_to_opp', 'pipeline_velocity'];
    expect(checkSelection(eight, 'en').messages.map((m) => m.code)).toEqual(['too_many']);
    expect(
      checkSelection(['lead_to_opp', 'pipeline_velocity', 'ecom_conversion', 'referral_share', 'cpl'], 'en').messages.map((m) => m.code),
    ).toEqual(['no_lagging']);
    // exactly 70% impact passes: 7 KPIs with 5 impact would be 71%; 10 with 7 is 70%
    const ten = ['mrr', 'cac', 'nrr', 'ltv', 'win_rate', 'lead_to_opp', 'arpa', 'cpl', 'opportunities', 'leads'];
    expect(checkSelection(ten, 'en').messages.map((m) => m.code)).toEqual(['too_many', 'vanity']);
  });

  it('speaks French', () => {
    const check = checkSelection(['mrr', 'cac', 'nrr'], 'fr');
    expect(check.messages[0].text).toBe('3 KPI choisis : en choisir au moins 5 pour voir l’activité sous plus d’un angle.');
  });

  it('reports unknown and duplicate ids without counting them', () => {
    const check = checkSelection(['mrr', 'mrr', 'nope', 'cac', 'nrr', 'ltv', 'lead_to_opp'], 'en');
    expect(check.count).toBe(5);
    expect(check.messages.map((m) => m.code)).toEqual(['duplicate', 'unknown']);
  });
});
