import { fill, Locale, t, Text, tr } from '../../core/dashboard/i18n';

/** The server's own messages to the manager (the core's KpiError messages pass through as they are). */
const MESSAGES = {
  busy: t(
    'Another KPI Pilot generation or snapshot is running in this spreadsheet. Try again in a minute.',
    'Une autre génération ou un autre instantané KPI Pilot est en cours dans ce classeur. Réessayez dans une minute.',
  ),
  userSheet: t(
    'The sheet "{name}" belongs to you, so KPI Pilot did not write to it. Open the sidebar again and generate.',
    'La feuille « {name} » vous appartient : KPI Pilot n’y a rien écrit. Rouvrez le panneau et générez à nouveau.',
  ),
  noSetup: t(
    'Generate the dashboard first: there is nothing to snapshot yet.',
    'Générez d’abord le tableau de bord : il n’y a encore rien à enregistrer.',
  ),
  noDashboard: t(
    'The KPI Pilot dashboard sheet was not found (deleted?). Generate the dashboard again, then snapshot.',
    'La feuille du tableau de bord KPI Pilot est introuvable (supprimée ?). Générez à nouveau le tableau de bord.',
  ),
  alertScopes: t(
    'Daily alert e-mails need two more permissions: "Send email as you" and "Allow this application to run when you are not present" (and your e-mail address, for digests whose owner has none). Grant them here, then switch daily e-mails on again: {url}',
    'Les e-mails d’alerte quotidiens demandent deux autorisations de plus : « Envoyer des e-mails en votre nom » et « Autoriser cette application à s’exécuter en votre absence » (et votre adresse e-mail, pour les synthèses sans propriétaire). Accordez-les ici, puis réactivez les e-mails quotidiens : {url}',
  ),
  noSpreadsheet: t(
    'The KPI Pilot daily digest could not open its spreadsheet; nothing was sent.',
    'La synthèse quotidienne KPI Pilot n’a pas pu ouvrir son classeur ; rien n’a été envoyé.',
  ),
  digestOff: t(
    'The daily digest is off: switch it on first, then confirm its recipients.',
    'Le récapitulatif quotidien est désactivé : activez-le d’abord, puis confirmez ses destinataires.',
  ),
  notDigestAccount: t(
    'Only {account}, who switched the daily digest on, can confirm its recipients: the e-mails are sent from that account.',
    'Seul {account}, qui a activé le récapitulatif quotidien, peut confirmer ses destinataires : les e-mails partent de ce compte.',
  ),
  badAsOf: t('The as-of date "{asOf}" is not a date as YYYY-MM-DD.', 'La date de référence « {asOf} » n’est pas une date AAAA-MM-JJ.'),
} satisfies Record<string, Text>;

export function message(key: keyof typeof MESSAGES, locale: Locale, values: Record<string, string | number> = {}): string {
  return fill(tr(MESSAGES[key], locale), values);
}
