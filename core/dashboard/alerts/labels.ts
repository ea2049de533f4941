import { t, Text, tr, Locale } from '../i18n';

/** Why a KPI is in breach. 'pace' and 'threshold' never come together (an explicit threshold replaces the pace). */
export type BreachKind = 'pace' | 'threshold' | 'anomaly';

export const BREACH_LABELS: Record<BreachKind, Text> = {
  pace: t('Behind pace', 'En retard sur le rythme'),
  threshold: t('Past threshold', 'Seuil franchi'),
  anomaly: t('Anomaly', 'Anomalie'),
};

/** The alert cell's text for these kinds, as the dashboard formula writes it: "Behind pace + Anomaly", "" for none. */
export function alertLabel(kinds: readonly BreachKind[], locale: Locale): string {
  const order: BreachKind[] = ['pace', 'threshold', 'anomaly'];
  return order
    .filter((k) => kinds.includes(k))
    .map((k) => tr(BREACH_LABELS[k], locale))
    .join(' + ');
}

/** Every label the alert cell can show (for the conditional formats). */
export function allAlertLabels(locale: Locale): { text: string; anomalyOnly: boolean }[] {
  return [['pace'], ['threshold'], ['anomaly'], ['pace', 'anomaly'], ['threshold', 'anomaly']].map((kinds) => ({
    text: alertLabel(kinds as BreachKind[], locale),
    anomalyOnly: kinds.length === 1 && kinds[0] === 'anomaly',
  }));
}

export const AL = {
  alertHeader: t('Alert', 'Alerte'),
  thresholdHeaders: [t('Alert threshold (optional)', 'Seuil d’alerte (facultatif)'), t('Threshold in use', 'Seuil appliqué')],
  subject: t('KPI Pilot: {n} KPI need attention ({date})', 'KPI Pilot : {n} KPI à surveiller ({date})'),
  subjectOne: t('KPI Pilot: {kpi} needs attention ({date})', 'KPI Pilot : {kpi} à surveiller ({date})'),
  hello: t('Hello,', 'Bonjour,'),
  intro: t('As of {date}, these KPIs need attention:', 'Au {date}, ces KPI demandent votre attention :'),
  introNoOwner: t(
    'As of {date}, these KPIs without an owner need attention:',
    'Au {date}, ces KPI sans responsable demandent votre attention :',
  ),
  introWithheld: t(
    'As of {date}, these KPIs need attention. Their owner’s address is outside your domain, so this digest comes to you until you confirm that address in the KPI Pilot sidebar:',
    'Au {date}, ces KPI demandent votre attention. L’adresse de leur responsable est hors de votre domaine : ce récapitulatif vous parvient tant que vous ne l’avez pas confirmée dans le panneau KPI Pilot :',
  ),
  paceLine: t('behind the pace its goal needs ({threshold} by now)', 'en retard sur le rythme de son objectif ({threshold} à ce jour)'),
  thresholdLine: t('past its alert threshold ({threshold})', 'au-delà de son seuil d’alerte ({threshold})'),
  anomalyLine: t('unusual for its history (anomaly)', 'inhabituel par rapport à son historique (anomalie)'),
  open: t('Open the dashboard: {url}', 'Ouvrir le tableau de bord : {url}'),
  openHtml: t('Open the dashboard', 'Ouvrir le tableau de bord'),
  footer: t(
    'KPI Pilot sends one digest a day while alerts are switched on in the sidebar; switch them off there.',
    'KPI Pilot envoie un récapitulatif par jour tant que les alertes sont activées dans le panneau ; les désactiver au même endroit.',
  ),
};
