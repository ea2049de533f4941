import { isKpiId, kpi, KpiId } from './catalog';
import { fill, Locale, t, Text, tr } from './i18n';

/**
 * The balance rules of a dashboard (docs/concepts/dashboards.md, "Selection rules"), checked live as
 * the manager ticks KPIs. Warnings never block: the manager may have reasons.
 */
export const MIN_KPIS = 5;
export const MAX_KPIS = 7;
export const MIN_IMPACT_SHARE = 0.7;

export type SelectionCode = 'too_few' | 'too_many' | 'low_impact' | 'no_leading' | 'no_lagging' | 'vanity' | 'duplicate' | 'unknown';

export interface SelectionMessage {
  readonly level: 'warning' | 'info';
  readonly code: SelectionCode;
  /** The KPI concerned, for per-KPI messages (vanity). */
  readonly kpi?: string;
  readonly text: string;
}

export interface SelectionCheck {
  readonly count: number;
  /** Impact KPIs / all KPIs; 0 when none is chosen. */
  readonly impactShare: number;
  readonly leading: number;
  readonly lagging: number;
  readonly vanity: readonly KpiId[];
  /** True when no warning was raised. */
  readonly balanced: boolean;
  readonly messages: readonly SelectionMessage[];
}

const MSG: Record<SelectionCode, Text> = {
  too_few: t(
    '{n} KPIs chosen: pick at least {min} to see the business from more than one side.',
    '{n} KPI choisis : en choisir au moins {min} pour voir l’activité sous plus d’un angle.',
  ),
  too_many: t(
    '{n} KPIs chosen: keep at most {max}; more dilutes attention.',
    '{n} KPI choisis : en garder au plus {max} ; au-delà, l’attention se dilue.',
  ),
  low_impact: t(
    'Impact KPIs are {share}% of the dashboard: aim for at least {min}% results (revenue, conversion) rather than efforts.',
    'Les KPI d’impact font {share} % du tableau : viser au moins {min} % de résultats (revenu, conversion) plutôt que d’efforts.',
  ),
  no_leading: t(
    'No leading indicator: add one that predicts results (pipeline velocity, lead-to-opportunity rate).',
    'Aucun indicateur avancé : en ajouter un qui prédit les résultats (vélocité du pipeline, taux lead-opportunité).',
  ),
  no_lagging: t(
    'No lagging indicator: add a result KPI (revenue, CAC, churn) to confirm the leading ones.',
    'Aucun indicateur de résultat : ajouter un KPI de résultat (revenu, CAC, churn) pour confirmer les indicateurs avancés.',
  ),
  vanity: t('{name} can be a vanity metric: {risk} Consider {alt}.', '{name} peut être une métrique de vanité : {risk} Envisager {alt}.'),
  duplicate: t('{name} is chosen twice.', '{name} est choisi deux fois.'),
  unknown: t('"{name}" is not a KPI of the catalog.', '« {name} » n’est pas un KPI du catalogue.'),
};

/**
 * Checks a selection against the rules. O(KPIs).
 * @example checkSelection(['mrr', 'cac', 'leads'], 'en').messages[0].code // => 'too_few'
 */
export function checkSelection(ids: readonly string[], locale: Locale = 'en'): SelectionCheck {
  const messages: SelectionMessage[] = [];
  const seen = new Set<string>();
  const chosen: KpiId[] = [];
  for (const id of ids) {
    if (!isKpiId(id)) {
      messages.push({ level: 'warning', code: 'unknown', kpi: id, text: fill(tr(MSG.unknown, locale), { name: id }) });
      continue;
    }
    if (seen.has(id)) {
      messages.push({
        level: 'warning',
        code: 'duplicate',
        kpi: id,
        text: fill(tr(MSG.duplicate, locale), { name: tr(kpi(id).name, locale) }),
      });
      continue;
    }
    seen.add(id);
    chosen.push(id);
  }
  const defs = chosen.map(kpi);
  const count = defs.length;
  const impact = defs.filter((k) => k.kind === 'impact').length;
  const leading = defs.filter((k) => k.timing === 'leading').length;
  const lagging = count - leading;
  const impactShare = count ? impact / count : 0;

  if (count < MIN_KPIS)
    messages.push({ level: 'warning', code: 'too_few', text: fill(tr(MSG.too_few, locale), { n: count, min: MIN_KPIS }) });
  if (count > MAX_KPIS)
    messages.push({ level: 'warning', code: 'too_many', text: fill(tr(MSG.too_many, locale), { n: count, max: MAX_KPIS }) });
  if (count > 0 && impactShare < MIN_IMPACT_SHARE) {
    messages.push({
      level: 'warning',
      code: 'low_impact',
      text: fill(tr(MSG.low_impact, locale), { share: Math.round(impactShare * 100), min: MIN_IMPACT_SHARE * 100 }),
    });
  }
  if (count > 0 && leading === 0) messages.push({ level: 'warning', code: 'no_leading', text: tr(MSG.no_leading, locale) });
  if (count > 0 && lagging === 0) messages.push({ level: 'warning', code: 'no_lagging', text: tr(MSG.no_lagging, locale) });
  const vanity: KpiId[] = [];
  for (const k of defs) {
    if (!k.vanity) continue;
    vanity.push(k.id);
    const alt = k.vanity.alternatives.map((a) => tr(kpi(a).name, locale)).join(locale === 'fr' ? ' ou ' : ' or ');
    messages.push({
      level: 'warning',
      code: 'vanity',
      kpi: k.id,
      text: fill(tr(MSG.vanity, locale), { name: tr(k.name, locale), risk: tr(k.vanity.risk, locale), alt }),
    });
  }
  return { count, impactShare, leading, lagging, vanity, balanced: messages.length === 0, messages };
}
