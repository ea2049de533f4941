import { kpi, KpiId, Unit } from './catalog';
import { Locale, t, Text, tr } from './i18n';

/**
 * Diagnostic rules, written as native formulas over the trend table so they work without the
 * add-in and follow the data. Every rule always says something: its finding with the numbers,
 * "OK" with the numbers it checked, or the data it still needs.
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
  /** KPIs the rule reads; the first alternative list whose KPIs are all on the dashboard is used. */
  readonly needs: readonly (readonly KpiId[])[];
  /** A formula (without "=") that always yields a non-empty text. */
  readonly formula: (ctx: InsightContext, kpis: readonly KpiId[]) => string;
}

/** A text literal for a formula: double quotes doubled. */
export const str = (s: string) => `"${s.replace(/"/g, '""')}"`;
const num = (cells: string[]) => cells.map((c) => `ISNUMBER(${c})`).join(',');

/** Thresholds, documented in docs/concepts/dashboards.md. */
export const HIGH_FACTOR = 1.2;
export const LOW_FACTOR = 0.8;
export const VELOCITY_DROP = 0.1;
export const LTV_CAC_MIN = 3;
export const PAYBACK_MAX = 12;

/** The KPI's name inside a sentence: lower case except acronyms (MRR, CAC, LTV). */
export function nameInText(id: KpiId, locale: Locale): string {
  const name = tr(kpi(id).name, locale);
  return name.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
}

/**
 * A value as text inside a formula. ROUND rather than TEXT: TEXT's format codes change with the
 * spreadsheet's language in Excel; a rounded number follows the locale's decimal separator everywhere.
 */
export function shown(unit: Unit, cell: string, locale: Locale): string {
  switch (unit) {
    case 'percent':
      return `ROUND(100*${cell},1)&${str(locale === 'fr' ? ' %' : '%')}`;
    case 'currency':
    case 'currency_per_day':
      return `ROUND(${cell},2)`;
    case 'count':
      return `ROUND(${cell},0)`;
    default:
      return `ROUND(${cell},1)`;
  }
}

/** Formula pieces joined into one text: strings become literals, {f: …} stays a formula. */
type Piece = string | { readonly f: string };
const join = (parts: readonly Piece[]) => parts.map((p) => (typeof p === 'string' ? str(p) : p.f)).join('&');
const lang = (locale: Locale, en: readonly Piece[], fr: readonly Piece[]) => join(locale === 'fr' ? fr : en);
const v = (id: KpiId, cell: string, locale: Locale): Piece => ({ f: shown(kpi(id).unit, cell, locale) });

/** "Needs … for the current period" and friends: the data is mapped but the periods are blank. */
function needsPeriods(ids: readonly KpiId[], periods: number, locale: Locale): string {
  const names = ids.map((id) => nameInText(id, locale)).join(locale === 'fr' ? ' et ' : ' and ');
  if (locale === 'fr')
    return str(
      periods === 1
        ? `Il faut des valeurs de ${names} pour la période en cours et les précédentes`
        : `Il faut ${names} sur les ${periods} dernières périodes`,
    );
  return str(periods === 1 ? `Needs ${names} for the current and earlier periods` : `Needs ${names} for the last ${periods} periods`);
}

export const INSIGHT_RULES: readonly InsightRule[] = [
  {
    id: 'high_cpl_low_conversion',
    title: t('Targeting or qualification', 'Ciblage ou qualification'),
    needs: [
      ['cpl', 'conversion_rate'],
      ['cpl', 'lead_to_opp'],
    ],
    formula: (c, [cpl, conv]) => {
      const L = c.locale;
      const [p, q] = [c.at(cpl, 0), c.at(conv, 0)];
      const [avgP, avgQ] = [`AVERAGE(${c.prior(cpl)})`, `AVERAGE(${c.prior(conv)})`];
      const [np, nq] = [nameInText(cpl, L), nameInText(conv, L)];
      const fires = lang(
        L,
        [
          `Cost per lead `,
          v(cpl, p, L),
          ` is over 20% above its average (`,
          v(cpl, avgP, L),
          `) while ${nq} `,
          v(conv, q, L),
          ` is over 20% below its average (`,
          v(conv, avgQ, L),
          `): a targeting or lead-qualification problem. Review audiences, channels and lead scoring.`,
        ],
        [
          `Le coût par lead (`,
          v(cpl, p, L),
          `) dépasse sa moyenne (`,
          v(cpl, avgP, L),
          `) de plus de 20 % alors que ${nq} (`,
          v(conv, q, L),
          `) est inférieur de plus de 20 % à sa moyenne (`,
          v(conv, avgQ, L),
          `) : problème de ciblage ou de qualification des leads. Revoir audiences, canaux et scoring.`,
        ],
      );
      const ok = lang(
        L,
        [
          `OK: ${np} `,
          v(cpl, p, L),
          ` and ${nq} `,
          v(conv, q, L),
          ` are within range of their averages (`,
          v(cpl, avgP, L),
          `, `,
          v(conv, avgQ, L),
          `)`,
        ],
        [
          `OK : ${np} (`,
          v(cpl, p, L),
          `) et ${nq} (`,
          v(conv, q, L),
          `) restent proches de leurs moyennes (`,
          v(cpl, avgP, L),
          `, `,
          v(conv, avgQ, L),
          `)`,
        ],
      );
      return `IF(AND(${num([p, q])},COUNT(${c.prior(cpl)})>0,COUNT(${c.prior(conv)})>0),IF(AND(${p}>${HIGH_FACTOR}*${avgP},${q}<${LOW_FACTOR}*${avgQ}),${fires},${ok}),${needsPeriods([cpl, conv], 1, L)})`;
    },
  },
  {
    id: 'ltv_cac_below_3',
    title: t('Unit economics', 'Économie unitaire'),
    needs: [['ltv_cac']],
    formula: (c, [x]) => {
      const L = c.locale;
      const cur = c.at(x, 0);
      const fires = lang(
        L,
        ['LTV:CAC is ', v(x, cur, L), ', below 3: acquisition costs too much for what customers are worth. Cut CAC or improve retention.'],
        [
          'Le ratio LTV/CAC est de ',
          v(x, cur, L),
          ', sous 3 : l’acquisition coûte trop cher pour la valeur des clients. Réduire le CAC ou améliorer la rétention.',
        ],
      );
      const ok = lang(
        L,
        ['OK: LTV:CAC is ', v(x, cur, L), ', at least 3'],
        ['OK : le ratio LTV/CAC est de ', v(x, cur, L), ', au moins 3'],
      );
      return `IF(ISNUMBER(${cur}),IF(${cur}<${LTV_CAC_MIN},${fires},${ok}),${L === 'fr' ? str('Il faut un ratio LTV/CAC pour la période en cours') : str('Needs LTV:CAC for the current period')})`;
    },
  },
  {
    id: 'cac_payback_over_12',
    title: t('Cash tied in acquisition', 'Trésorerie immobilisée'),
    needs: [['cac_payback']],
    formula: (c, [x]) => {
      const L = c.locale;
      const cur = c.at(x, 0);
      const fires = lang(
        L,
        ['CAC takes ', v(x, cur, L), ' months to pay back, over 12: raise prices, cut CAC or favour annual plans.'],
        ['Le CAC est remboursé en ', v(x, cur, L), ' mois, plus de 12 : augmenter les prix, réduire le CAC ou privilégier l’annuel.'],
      );
      const ok = lang(
        L,
        ['OK: CAC pays back in ', v(x, cur, L), ' months, 12 or less'],
        ['OK : le CAC est remboursé en ', v(x, cur, L), ' mois, 12 ou moins'],
      );
      return `IF(ISNUMBER(${cur}),IF(${cur}>${PAYBACK_MAX},${fires},${ok}),${L === 'fr' ? str('Il faut le délai de retour du CAC pour la période en cours') : str('Needs CAC payback for the current period')})`;
    },
  },
  {
    id: 'churn_rising',
    title: t('Churn trend', 'Tendance du churn'),
    needs: [['mrr_churn']],
    formula: (c, [x]) => {
      const L = c.locale;
      const cells = [0, 1, 2, 3].map((k) => c.at(x, k));
      const series: Piece[] = [];
      [3, 2, 1, 0].forEach((k, i) => series.push(...(i ? [' → '] : []), v(x, cells[k], L)));
      const fires = lang(
        L,
        ['MRR churn has risen three periods in a row (', ...series, '): read the recent cohorts and talk to the accounts that left.'],
        ['Le churn du MRR augmente depuis trois périodes (', ...series, ') : lire les cohortes récentes et interroger les comptes partis.'],
      );
      const ok = lang(
        L,
        ['OK: MRR churn ', ...series, ' has not risen three periods in a row'],
        ['OK : le churn du MRR (', ...series, ') n’augmente pas depuis trois périodes'],
      );
      return `IF(AND(${num(cells)}),IF(AND(${cells[0]}>${cells[1]},${cells[1]}>${cells[2]},${cells[2]}>${cells[3]}),${fires},${ok}),${needsPeriods([x], 4, L)})`;
    },
  },
  {
    id: 'velocity_falling',
    title: t('Pipeline velocity', 'Vélocité du pipeline'),
    needs: [['pipeline_velocity']],
    formula: (c, [x]) => {
      const L = c.locale;
      const [cur, prev] = [c.at(x, 0), c.at(x, 1)];
      const change: Piece = { f: `ROUND(100*ABS(1-${cur}/${prev}),0)` };
      const fires = lang(
        L,
        [
          'Pipeline velocity fell ',
          change,
          '% over the period (',
          v(x, prev, L),
          ' → ',
          v(x, cur, L),
          ' a day): see which factor dropped (open deals, win rate, deal size, cycle).',
        ],
        [
          'La vélocité du pipeline a baissé de ',
          change,
          ' % sur la période (',
          v(x, prev, L),
          ' → ',
          v(x, cur, L),
          ' par jour) : voir lequel des facteurs a chuté (affaires ouvertes, taux, montant, cycle).',
        ],
      );
      const ok = lang(
        L,
        ['OK: pipeline velocity ', v(x, cur, L), ' a day against ', v(x, prev, L), ', no fall of 10% or more'],
        ['OK : vélocité du pipeline de ', v(x, cur, L), ' par jour contre ', v(x, prev, L), ', pas de baisse de 10 % ou plus'],
      );
      return `IF(AND(${num([cur, prev])},${prev}>0),IF(${cur}<=${1 - VELOCITY_DROP}*${prev},${fires},${ok}),${needsPeriods([x], 2, L)})`;
    },
  },
];

/**
 * The KPIs a rule reads on this dashboard, or undefined when it is not shown: the rule must be about
 * KPIs that are cards. Among the alternatives on the dashboard, one whose data is mapped comes first.
 */
export function ruleInputs(rule: InsightRule, onDashboard: (id: KpiId) => boolean, available: (id: KpiId) => boolean): KpiId[] | undefined {
  const shown = rule.needs.filter((alt) => alt.every(onDashboard));
  return (shown.find((alt) => alt.every(available)) ?? shown[0])?.slice();
}

/** The text of a rule whose KPIs lack mapped fields: which fields to map. */
export function needsMapping(fields: readonly string[], locale: Locale): string {
  const list =
    fields.length > 1
      ? `${fields.slice(0, -1).join(', ')}${locale === 'fr' ? ' et ' : ' and '}${fields[fields.length - 1]}`
      : fields.join('');
  return locale === 'fr' ? `Il faut associer ${list}` : `Needs ${list} mapped`;
}
