import { KpiId } from './catalog';
import { Locale, t, Text, tr } from './i18n';

/**
 * Diagnostic rules, written as native formulas over the trend table so they work without the
 * add-in. Each rule yields its message, or "" when it does not fire (or lacks data).
 */
export interface InsightContext {
  /** Trend cell of the KPI, k periods before the current one (0 = current). */
  readonly at: (id: KpiId, k: number) => string;
  /** The KPI's periods before the current one (a range), for averages. */
  readonly prior: (id: KpiId) => string;
  readonly locale: Locale;
}

export interface InsightRule {
  readonly id: string;
  readonly title: Text;
  /** KPI columns the rule reads; the first alternative list whose KPIs are all available is used. */
  readonly needs: readonly (readonly KpiId[])[];
  readonly formula: (ctx: InsightContext, kpis: readonly KpiId[]) => string;
}

/** A text literal for a formula: double quotes doubled. */
export const str = (s: string) => `"${s.replace(/"/g, '""')}"`;
const num = (cells: string[]) => cells.map((c) => `ISNUMBER(${c})`).join(',');

/** Thresholds, documented in docs/concepts/dashboards.md. */
export const HIGH_FACTOR = 1.2;
export const LOW_FACTOR = 0.8;
export const VELOCITY_DROP = 0.1;

export const INSIGHT_RULES: readonly InsightRule[] = [
  {
    id: 'high_cpl_low_conversion',
    title: t('Targeting or qualification', 'Ciblage ou qualification'),
    needs: [['cpl', 'conversion_rate'], ['cpl', 'lead_to_opp']],
    formula: (c, [cpl, conv]) => {
      const msg = tr(t(
        'Cost per lead is more than 20% above its average while conversion is more than 20% below: a targeting or lead-qualification problem. Review audiences, channels and lead scoring.',
        'Le coût par lead dépasse sa moyenne de plus de 20 % alors que la conversion est inférieure de plus de 20 % : problème de ciblage ou de qualification des leads. Revoir audiences, canaux et scoring.',
      ), c.locale);
      return `IFERROR(IF(AND(${num([c.at(cpl, 0), c.at(conv, 0)])}),IF(AND(${c.at(cpl, 0)}>${HIGH_FACTOR}*AVERAGE(${c.prior(cpl)}),${c.at(conv, 0)}<${LOW_FACTOR}*AVERAGE(${c.prior(conv)})),${str(msg)},""),""),"")`;
    },
  },
  {
    id: 'ltv_cac_below_3',
    title: t('Unit economics', 'Économie unitaire'),
    needs: [['ltv_cac']],
    formula: (c, [x]) => {
      const [a, b] = c.locale === 'fr'
        ? ['Le ratio LTV/CAC est de ', ', sous 3 : l’acquisition coûte trop cher pour la valeur des clients. Réduire le CAC ou améliorer la rétention.']
        : ['LTV:CAC is ', ', below 3: acquisition costs too much for what customers are worth. Cut CAC or improve retention.'];
      return `IF(ISNUMBER(${c.at(x, 0)}),IF(${c.at(x, 0)}<3,${str(a)}&ROUND(${c.at(x, 0)},1)&${str(b)},""),"")`;
    },
  },
  {
    id: 'cac_payback_over_12',
    title: t('Cash tied in acquisition', 'Trésorerie immobilisée'),
    needs: [['cac_payback']],
    formula: (c, [x]) => {
      const [a, b] = c.locale === 'fr'
        ? ['Le CAC est remboursé en ', ' mois, plus de 12 : augmenter les prix, réduire le CAC ou privilégier l’annuel.']
        : ['CAC takes ', ' months to pay back, over 12: raise prices, cut CAC or favour annual plans.'];
      return `IF(ISNUMBER(${c.at(x, 0)}),IF(${c.at(x, 0)}>12,${str(a)}&ROUND(${c.at(x, 0)},1)&${str(b)},""),"")`;
    },
  },
  {
    id: 'churn_rising',
    title: t('Churn trend', 'Tendance du churn'),
    needs: [['mrr_churn']],
    formula: (c, [x]) => {
      const cells = [0, 1, 2, 3].map((k) => c.at(x, k));
      const msg = tr(t(
        'MRR churn has risen three periods in a row: read the recent cohorts and talk to the accounts that left.',
        'Le churn du MRR augmente depuis trois périodes : lire les cohortes récentes et interroger les comptes partis.',
      ), c.locale);
      return `IF(AND(${num(cells)}),IF(AND(${cells[0]}>${cells[1]},${cells[1]}>${cells[2]},${cells[2]}>${cells[3]}),${str(msg)},""),"")`;
    },
  },
  {
    id: 'velocity_falling',
    title: t('Pipeline velocity', 'Vélocité du pipeline'),
    needs: [['pipeline_velocity']],
    formula: (c, [x]) => {
      const [cur, prev] = [c.at(x, 0), c.at(x, 1)];
      const [a, b] = c.locale === 'fr'
        ? ['La vélocité du pipeline a baissé de ', ' % sur la période : voir lequel des facteurs a chuté (affaires ouvertes, taux, montant, cycle).']
        : ['Pipeline velocity fell ', '% over the period: see which factor dropped (open deals, win rate, deal size, cycle).'];
      return `IF(AND(${num([cur, prev])}),IF(AND(${prev}>0,${cur}<=${1 - VELOCITY_DROP}*${prev}),${str(a)}&ROUND(100*(1-${cur}/${prev}),0)&${str(b)},""),"")`;
    },
  },
];

/** The KPIs a rule would use given the KPIs that can be computed, or undefined when it cannot run. */
export function ruleInputs(rule: InsightRule, available: (id: KpiId) => boolean): KpiId[] | undefined {
  return rule.needs.find((alt) => alt.every(available))?.slice();
}
