import { KpiId } from './catalog';
import { t, Text } from './i18n';

export type TemplateId = 'saas' | 'ecommerce' | 'b2b' | 'aarrr' | 'north_star';

export interface Template {
  readonly id: TemplateId;
  readonly name: Text;
  readonly description: Text;
  /** The KPIs in card order. Each template passes the selection rules (5-7, >= 70% impact, leading and lagging). */
  readonly kpis: readonly KpiId[];
  /** North Star template: the one metric the inputs drive (also the first of kpis). */
  readonly northStar?: KpiId;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'saas',
    name: t('SaaS / tech', 'SaaS / tech'),
    description: t('Recurring revenue, churn, retention and unit economics.', 'Revenu récurrent, churn, rétention et économie unitaire.'),
    kpis: ['mrr', 'mrr_churn', 'nrr', 'cac', 'ltv', 'lead_to_opp', 'cpl'],
  },
  {
    id: 'ecommerce',
    name: t('E-commerce / retail', 'E-commerce / commerce'),
    description: t(
      'Revenue, conversion, basket, retention and ad return.',
      'Chiffre d’affaires, conversion, panier, rétention et retour publicitaire.',
    ),
    kpis: ['order_revenue', 'ecom_conversion', 'aov', 'retention_rate', 'roas', 'cac'],
  },
  {
    id: 'b2b',
    name: t('B2B services', 'Services B2B'),
    description: t(
      'Pipeline velocity, win rate, sales cycle and deal size.',
      'Vélocité du pipeline, taux de transformation, cycle de vente et montant des affaires.',
    ),
    kpis: ['pipeline_velocity', 'win_rate', 'sales_cycle', 'avg_deal_size', 'lead_to_opp', 'opportunities', 'cac'],
  },
  {
    id: 'aarrr',
    name: t('AARRR pirate metrics', 'Métriques pirates AARRR'),
    description: t(
      'One KPI per stage: acquisition, activation, retention, referral, revenue.',
      'Un KPI par étape : acquisition, activation, rétention, recommandation, revenu.',
    ),
    kpis: ['cpl', 'conversion_rate', 'mrr_churn', 'referral_share', 'arpa'],
  },
  {
    id: 'north_star',
    name: t('North Star and its inputs', 'Étoile du Nord et ses leviers'),
    description: t(
      'MRR as the North Star, with the inputs that drive it.',
      'Le MRR comme Étoile du Nord, avec les leviers qui le font bouger.',
    ),
    kpis: ['mrr', 'lead_to_opp', 'win_rate', 'arpa', 'mrr_churn'],
    northStar: 'mrr',
  },
];

export function template(id: TemplateId): Template {
  const found = TEMPLATES.find((x) => x.id === id);
  if (!found) throw new Error(`unknown template ${id}`);
  return found;
}
