import { GoalStatus } from '../kpi/goals';
import { AarrrStage, Direction, KpiKind, Timing, Unit } from './catalog';
import { Locale, t, Text, tr } from './i18n';
import { FREQUENCY_LABELS, GOAL_HEADERS, HISTORY_HEADERS } from './sheet-headers';

/** Words the generated sheets show, in both languages. */
export const STATUS_LABELS: Record<GoalStatus | 'Check dates' | 'Check goal', Text> = {
  Achieved: t('Achieved', 'Atteint'),
  'On track': t('On track', 'En bonne voie'),
  'At risk': t('At risk', 'À risque'),
  'Off track': t('Off track', 'En retard'),
  Missed: t('Missed', 'Manqué'),
  'Not started': t('Not started', 'Non commencé'),
  'Check dates': t('Check dates', 'Vérifier les dates'),
  /** The goal itself is wrong: its target points the wrong way for the KPI, or equals the baseline (docs/concepts/goals.md "Progress and status"). */
  'Check goal': t('Check goal', 'Vérifier l’objectif'),
};

/**
 * Progress is shown between these bounds (PROGRESS_FORMAT), the true value in the goal's note:
 * a baseline typed far from the real value can give progress in the thousands of percent, which
 * says nothing a manager can act on.
 */
export const PROGRESS_DISPLAY = { min: -1, max: 2 } as const;

/** The KPI Goals "Note" column: why a status is "Check goal", or the true progress when the shown one is capped. */
export const GOAL_NOTES = {
  header: t('Note', 'Remarque'),
  wrongWayHigher: t(
    'Higher is better, but the target is below the baseline: raise the target or fix the baseline.',
    'Plus haut est mieux, mais la cible est sous la référence : relever la cible ou corriger la référence.',
  ),
  wrongWayLower: t(
    'Lower is better, but the target is above the baseline: lower the target or fix the baseline.',
    'Plus bas est mieux, mais la cible est au-dessus de la référence : baisser la cible ou corriger la référence.',
  ),
  equal: t(
    'The target equals the baseline: there is no distance to cover.',
    'La cible égale la référence : il n’y a pas d’écart à combler.',
  ),
  capped: t('True progress {p} (shown capped between {min} and {max}).', 'Progression réelle {p} (affichée bornée entre {min} et {max}).'),
};

/** GOAL_STATUS's English result as the dashboard shows it in this locale. */
export function statusLabel(status: GoalStatus | 'Check dates' | 'Check goal', locale: Locale): string {
  return tr(STATUS_LABELS[status], locale);
}

export { FREQUENCY_LABELS };
export const KIND_LABELS: Record<KpiKind, Text> = { impact: t('Impact', 'Impact'), activity: t('Activity', 'Activité') };
export const TIMING_LABELS: Record<Timing, Text> = { leading: t('Leading', 'Avancé'), lagging: t('Lagging', 'Retardé') };
export const DIRECTION_LABELS: Record<Direction, Text> = {
  higher: t('Higher is better', 'Plus haut est mieux'),
  lower: t('Lower is better', 'Plus bas est mieux'),
};
export const STAGE_LABELS: Record<AarrrStage, Text> = {
  acquisition: t('Acquisition', 'Acquisition'),
  activation: t('Activation', 'Activation'),
  retention: t('Retention', 'Rétention'),
  referral: t('Referral', 'Recommandation'),
  revenue: t('Revenue', 'Revenu'),
};
export const UNIT_LABELS: Record<Unit, Text> = {
  currency: t('Currency', 'Devise'),
  count: t('Count', 'Nombre'),
  percent: t('Percent', 'Pourcentage'),
  ratio: t('Ratio', 'Ratio'),
  days: t('Days', 'Jours'),
  months: t('Months', 'Mois'),
  currency_per_day: t('Currency per day', 'Devise par jour'),
};

export const UI = {
  sharedReady: t(
    'This workbook is prepared for sharing (KPI Pilot values are frozen, their formulas kept on the hidden sheet {sheet}): choose "Make live again" first, then generate the dashboard.',
    'Ce classeur est prêt à partager (les valeurs KPI Pilot sont figées, leurs formules gardées dans la feuille masquée {sheet}) : choisissez « Rendre dynamique », puis générez le tableau de bord.',
  ),
  dashboardTitle: t('KPI Dashboard', 'Tableau de bord KPI'),
  asOf: t('As of', 'Au'),
  period: t('Period', 'Période'),
  note: t(
    'Values are computed from the data sheets by ordinary formulas; edit goals and owners in the goals sheet.',
    'Les valeurs sont calculées depuis les feuilles de données par des formules ordinaires ; modifier objectifs et responsables dans la feuille des objectifs.',
  ),
  cardHeaders: [
    t('KPI', 'KPI'),
    t('Value', 'Valeur'),
    t('Target', 'Cible'),
    t('Progress', 'Progression'),
    t('Status', 'Statut'),
    t('Previous', 'Précédent'),
    t('Change', 'Variation'),
    t('Owner', 'Responsable'),
    t('Frequency', 'Fréquence'),
    t('Type', 'Type'),
  ],
  insights: t('Insights', 'Analyses'),
  noRule: t(
    'No diagnostic rule reads the KPIs on this dashboard (rules cover CPL with conversion, LTV:CAC, CAC payback, MRR churn and pipeline velocity).',
    'Aucune règle de diagnostic ne lit les KPI de ce tableau (les règles portent sur le CPL avec la conversion, le LTV/CAC, le retour du CAC, le churn du MRR et la vélocité du pipeline).',
  ),
  trendTitle: t(
    'Trend data (computed from the data sheets; do not edit)',
    'Données de tendance (calculées depuis les données ; ne pas modifier)',
  ),
  periodStart: t('Period start', 'Début de période'),
  nextStart: t('Next period start', 'Début période suivante'),
  northStar: t('North Star', 'Étoile du Nord'),
  input: t('Input', 'Levier'),
  unmapped: t('Map data: {fields}', 'Associer les données : {fields}'),
  goalHeaders: GOAL_HEADERS,
  definitionHeaders: [
    t('KPI', 'KPI'),
    t('KPI id', 'Id KPI'),
    t('Meaning', 'Définition'),
    t('Function', 'Fonction'),
    t('Native formula', 'Formule native'),
    t('Computed by', 'Calculé par'),
    t('Unit', 'Unité'),
    t('Direction', 'Sens'),
    t('Impact / activity', 'Impact / activité'),
    t('Leading / lagging', 'Avancé / retardé'),
    t('AARRR stage', 'Étape AARRR'),
    t('Frequency', 'Fréquence'),
    t('Owner', 'Responsable'),
    t('Data source', 'Source des données'),
    t('Vanity risk', 'Risque de vanité'),
    t('Diagnostic hints', 'Pistes de diagnostic'),
  ],
  computedNative: t('Native formula (works without the add-in)', 'Formule native (fonctionne sans le module)'),
  computedCustom: t('KPI Pilot function (needs the add-in)', 'Fonction KPI Pilot (nécessite le module)'),
  historyHeaders: HISTORY_HEADERS,
  renamed: t(
    'A sheet named "{wanted}" already exists and is not KPI Pilot\'s: the dashboard uses "{used}" instead.',
    'Une feuille « {wanted} » existe déjà et n’appartient pas à KPI Pilot : le tableau utilise « {used} » à la place.',
  ),
  unmappedNotice: t('{name} is not computed: map {fields}.', '{name} n’est pas calculé : associer {fields}.'),
  goalSkipped: t(
    'The goal of {name} is ignored: {name} is not on the dashboard.',
    'L’objectif de {name} est ignoré : {name} n’est pas dans le tableau.',
  ),
};
