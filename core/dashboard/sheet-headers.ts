import { Frequency } from './catalog';
import { t, Text } from './i18n';

/**
 * The header words of the generated sheets that are read back (KPI Goals, KPI History) and the
 * frequency names KPI Goals shows, in both languages: what the readers of those sheets need,
 * apart from the other labels (labels.ts) so a host that only reads cells carries only these.
 */
export const FREQUENCY_LABELS: Record<Frequency, Text> = {
  daily: t('Daily', 'Quotidienne'),
  weekly: t('Weekly', 'Hebdomadaire'),
  monthly: t('Monthly', 'Mensuelle'),
  quarterly: t('Quarterly', 'Trimestrielle'),
};

/** KPI Goals' columns, A onwards. */
export const GOAL_HEADERS: readonly Text[] = [
  t('KPI', 'KPI'),
  t('KPI id', 'Id KPI'),
  t('Baseline', 'Référence'),
  t('Target', 'Cible'),
  t('Start', 'Début'),
  t('End', 'Fin'),
  t('Owner', 'Responsable'),
  t('Frequency', 'Fréquence'),
  t('Current', 'Actuel'),
  t('Progress', 'Progression'),
  t('Status', 'Statut'),
];

/** KPI History's columns, A to D. */
export const HISTORY_HEADERS: readonly Text[] = [t('Date', 'Date'), t('KPI', 'KPI'), t('KPI id', 'Id KPI'), t('Value', 'Valeur')];
