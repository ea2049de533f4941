import { t } from '../i18n';

/** Words of the extra sheets and of alerts, EN/FR. */
export const XL = {
  extraSkipped: t('The {sheet} sheet is not added: map {fields}.', 'La feuille {sheet} n’est pas ajoutée : associer {fields}.'),
  // attribution
  attributionTitle: t(
    'Attribution: conversions credited to each channel, by model',
    'Attribution : conversions créditées à chaque canal, par modèle',
  ),
  causation: t(
    'Attribution measures association, not causation: a channel that gets credit did not necessarily cause the sale. Test with a holdout before moving budget.',
    'L’attribution mesure une association, pas une causalité : un canal crédité n’a pas forcément causé la vente. Tester avec un groupe témoin avant de déplacer le budget.',
  ),
  attributionNote: t(
    'From the touchpoints on "{sheet}" (ATTRIBUTION_TOUCHES, one call per model; time decay halves every {days} days). Channels in the order of the Markov model; each model\'s full table (value, share) is on the right.',
    'Depuis les points de contact de « {sheet} » (ATTRIBUTION_TOUCHES, un appel par modèle ; le modèle dégressif divise par deux tous les {days} jours). Canaux dans l’ordre du modèle de Markov ; la table complète de chaque modèle (valeur, part) est à droite.',
  ),
  channel: t('Channel', 'Canal'),
  chartTitle: t('Credited conversions by model', 'Conversions créditées par modèle'),
  models: {
    first: t('First touch', 'Premier contact'),
    last: t('Last touch', 'Dernier contact'),
    linear: t('Linear', 'Linéaire'),
    position: t('Position (40/20/40)', 'Position (40/20/40)'),
    time_decay: t('Time decay', 'Dégressif dans le temps'),
    markov: t('Markov', 'Markov'),
    shapley: t('Shapley', 'Shapley'),
  },
  // customers at risk
  customersTitle: t('Customers at risk', 'Clients à risque'),
  customersNote: t(
    'From the transactions on "{sheet}" up to the as-of date, in weeks. Customers still likely active (chance at or above B4), largest value at risk first: churn risk × predicted value over the horizon (BG/NBD; Gamma-Gamma spend × margin). Customers below B4 are already lost and only counted (D4). Both models are fitted on these customers (right) and need repeat buyers.',
    'Depuis les transactions de « {sheet} » jusqu’à la date d’arrêté, en semaines. Les clients encore probablement actifs (probabilité au moins égale à B4), la plus grande valeur à risque d’abord : risque d’attrition × valeur prévue sur l’horizon (BG/NBD ; dépense Gamma-Gamma × marge). Les clients sous B4 sont déjà perdus et seulement comptés (D4). Les deux modèles sont ajustés sur ces clients (à droite) et demandent des clients ayant racheté.',
  ),
  asOf: t('As of', 'Au'),
  horizon: t('Horizon (weeks)', 'Horizon (semaines)'),
  margin: t('Margin', 'Marge'),
  customerHeaders: [
    t('Chance still active', 'Probabilité encore actif'),
    t('Customer', 'Client'),
    t('Repeat purchases', 'Rachats'),
    t('Weeks first to last purchase', 'Semaines du premier au dernier achat'),
    t('Weeks since first purchase', 'Semaines depuis le premier achat'),
    t('Average repeat value', 'Valeur moyenne des rachats'),
    t('Churn risk', 'Risque d’attrition'),
    t('Expected purchases', 'Achats attendus'),
    t('Predicted value', 'Valeur prévue'),
    t('Value at risk', 'Valeur à risque'),
  ],
  aliveFloor: t('Lost below (chance still active)', 'Perdu en dessous de (probabilité encore actif)'),
  alreadyLost: t('Customers already lost', 'Clients déjà perdus'),
  modelData: t('Model data (computed; do not edit)', 'Données des modèles (calculées ; ne pas modifier)'),
  // commissions
  commissionsTitle: t('Commissions', 'Commissions'),
  commissionsNote: t(
    'Won deals of "{sheet}" closed in the period, per owner, paid by the plan on the right (COMMISSION). Edit the plan in the sidebar: regenerating rewrites these cells.',
    'Affaires gagnées de « {sheet} » clôturées sur la période, par responsable, payées selon le plan à droite (COMMISSION). Modifier le plan dans le panneau : la régénération réécrit ces cellules.',
  ),
  period: t('Period', 'Période'),
  from: t('From', 'Du'),
  to: t('To (excluded)', 'Au (exclu)'),
  periods: { month: t('Month', 'Mois'), quarter: t('Quarter', 'Trimestre'), year: t('Year', 'Année') },
  commissionHeaders: [
    t('Owner', 'Responsable'),
    t('Won amount', 'Montant gagné'),
    t('Quota', 'Quota'),
    t('Attainment', 'Atteinte'),
    t('Tier reached', 'Palier atteint'),
    t('Rate', 'Taux'),
    t('Payout', 'Commission'),
  ],
  planHeaders: [t('Tier starts (share of quota)', 'Début du palier (part du quota)'), t('Rate', 'Taux')],
  quota: t('Quota', 'Quota'),
  method: t('Method', 'Méthode'),
  cap: t('Cap', 'Plafond'),
};
