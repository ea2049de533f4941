/**
 * French help of the registry's functions: the one-line description and each argument's meaning,
 * keyed by function name and argument name. The registry files keep the English texts; this table
 * sits beside them so they can be edited without touching it. A function or argument missing here
 * is shown in English (see help-text.ts), so a new function never breaks a French page.
 * Function and argument names, units and the values a user types ("mean", TRUE) stay as they are.
 */
export interface FrenchHelp {
  readonly help: string;
  readonly args: Readonly<Record<string, string>>;
}

// Arguments several functions share, written once so they read the same everywhere.
const LEDGER = {
  customers: 'Identifiant client de chaque ligne du registre.',
  months: 'Mois de chaque ligne du registre (n’importe quelle date du mois).',
  amounts: 'MRR de ce client pour ce mois ; plusieurs lignes pour un même client et un même mois s’additionnent.',
};
const MONTH_TOTAL = {
  months: 'Mois de chaque ligne du registre.',
  amounts: 'MRR de chaque ligne du registre.',
  month: 'Le mois à totaliser (n’importe quelle date de ce mois).',
};
const COHORT = {
  start_month: 'Le mois de la cohorte : les clients ayant du MRR ce mois-là.',
  end_month: 'Le mois où leur MRR est mesuré à nouveau.',
};
const MODEL = 'Au choix : "first", "last", "linear", "position", "time_decay", "markov", "shapley" ; par défaut "linear".';
const TOUCHES = {
  journeys: 'Parcours de chaque point de contact : identifiant de client, d’utilisateur ou de session.',
  timestamps: 'Date ou date et heure de chaque point de contact.',
  channels: 'Canal de chaque point de contact.',
  converted: 'TRUE/1 sur les lignes du parcours qui a converti.',
  values: 'Valeur de la conversion sur les lignes du parcours qui a converti.',
};
const PATH_TABLE = {
  paths: 'Un chemin par ligne, par exemple "Email > Search > Direct".',
  conversions: 'Conversions de chaque chemin.',
};
const ETS = {
  target_dates: 'Date(s) à prévoir, après la dernière date de timeline ; une plage donne un résultat par cellule.',
  values: 'Valeurs historiques, alignées sur timeline.',
  timeline: 'Dates (ou nombres) à pas constant ; jusqu’à 30 % peuvent manquer, les doublons sont agrégés.',
  seasonality: '1 = détecter la longueur de la saison (par défaut), 0 = pas de saison, n = une saison de n points (jusqu’à 8760).',
  data_completion: 'Points manquants : 1 = la moyenne de leurs voisins (par défaut), 0 = zéro.',
  aggregation: 'Valeurs à la même date : 1 AVERAGE (par défaut), 2 COUNT, 3 COUNTA, 4 MAX, 5 MEDIAN, 6 MIN, 7 SUM.',
};
/** The rows and the two periods that KPI_CHANGE_BY and KPI_CHANGE_DRIVERS split a ratio KPI's change over. */
const CHANGE_BY_GROUP = {
  groups: 'Groupe de chaque ligne : canal, campagne, segment.',
  numerator: 'Le numérateur du KPI sur chaque ligne (CAC : dépenses), aligné sur groups.',
  denominator: 'Le dénominateur du KPI sur chaque ligne (CAC : nouveaux clients).',
  dates: 'Date de chaque ligne ; les lignes hors des deux périodes sont ignorées.',
  before_start: 'Premier jour de la période précédente.',
  after_start: 'Premier jour de la période suivante (le lendemain de la fin de la précédente).',
  after_end: 'Le lendemain de la fin de la période suivante.',
};
const BUYERS = {
  frequency: 'Achats répétés par client (x) : jours d’achat après le premier, un nombre entier ≥ 0. RFM le calcule.',
  recency: 'Temps entre le premier et le dernier achat (t_x), en périodes ; 0 sans achat répété.',
  T: 'Temps entre le premier achat et la fin de l’observation, dans les mêmes périodes.',
};
const BGNBD_PARAMS = 'r, alpha, a, b dans une plage 1×4 (la ligne de valeurs de BGNBD_FIT sans LogLik) ; omis : ajustés sur ces clients.';
const HORIZON = 'Nombre de périodes à venir, dans l’unité de recency et de T.';

export const FUNCTION_TEXT_FR: Readonly<Record<string, FrenchHelp>> = {
  CAC: {
    help: 'Coût d’acquisition client : (dépenses marketing + dépenses commerciales) / nouveaux clients.',
    args: {
      marketing_spend: 'Dépenses marketing de la période (une plage ou un nombre).',
      new_customers: 'Nouveaux clients gagnés sur la même période.',
      sales_spend: 'Dépenses commerciales de la période ; omis, elles valent 0.',
    },
  },
  CPL: {
    help: 'Coût par lead : dépenses / leads.',
    args: {
      spend: 'Dépenses de la période.',
      leads: 'Leads générés sur la même période.',
    },
  },
  CONVERSION_RATE: {
    help: 'Taux de conversion, en fraction : conversions / base (visiteurs, leads…).',
    args: {
      conversions: 'Conversions (commandes, inscriptions, clients).',
      base: 'La population qui pouvait convertir (visiteurs, leads).',
    },
  },
  LEAD_TO_OPP: {
    help: 'Taux de transformation des leads en opportunités : opportunités / leads (un indicateur avancé).',
    args: {
      opportunities: 'Opportunités issues des leads.',
      leads: 'Leads de la même période.',
    },
  },
  WIN_RATE: {
    help: 'Taux de closing : opportunités gagnées / clôturées, où clôturées = gagnées + perdues (affaires en cours exclues, comme le compte HubSpot).',
    args: {
      won: 'Opportunités gagnées.',
      closed: 'Opportunités clôturées, gagnées et perdues.',
    },
  },
  PIPELINE_VELOCITY: {
    help: 'Vélocité du pipeline, en chiffre d’affaires par jour : opportunités ouvertes × taux de closing × montant moyen des affaires / durée du cycle de vente en jours.',
    args: {
      open_opportunities: 'Nombre d’opportunités ouvertes (un nombre ou une plage additionnée).',
      win_rate: 'Taux de closing en fraction (0.25 pour 25 %).',
      avg_deal_size: 'Montant moyen d’une affaire.',
      cycle_days: 'Durée moyenne du cycle de vente, en jours.',
    },
  },
  SALES_CYCLE: {
    help: 'Nombre moyen de jours entre la création et la clôture, sur les affaires qui ont les deux dates.',
    args: {
      created_dates: 'Date de création de chaque affaire.',
      closed_dates: 'Date de clôture de chaque affaire ; vide pour les affaires en cours.',
      method: '"mean" (moyenne, par défaut) ou "median" (médiane).',
    },
  },
  FUNNEL: {
    help: 'Tableau d’entonnoir : chaque étape avec son effectif, sa conversion d’étape et sa conversion cumulée.',
    args: {
      stage_counts: 'Effectif de chaque étape, en commençant par le haut de l’entonnoir.',
      stage_names: 'Noms des étapes ; omis : Stage 1, Stage 2…',
    },
  },
  ATV: {
    help: 'Valeur moyenne d’une transaction (panier moyen, montant moyen d’une affaire) : chiffre d’affaires / transactions.',
    args: {
      revenue: 'Chiffre d’affaires de la période.',
      transactions: 'Nombre de transactions (commandes, affaires) de la période.',
    },
  },
  ARPA: {
    help: 'Revenu moyen par compte : chiffre d’affaires / clients.',
    args: {
      revenue: 'Revenu récurrent de la période (le MRR pour un ARPA mensuel).',
      customers: 'Nombre de clients (comptes) de la période.',
    },
  },
  LTV: {
    help: 'Valeur vie client : arpa × gross_margin × (1 + discount_rate) / (discount_rate + churn_rate).',
    args: {
      arpa: 'Revenu moyen par compte et par période.',
      churn_rate: 'Taux d’attrition des clients par période, en fraction (0.05 pour 5 %).',
      gross_margin: 'Marge brute en fraction ; par défaut 1 (LTV en chiffre d’affaires).',
      discount_rate: 'Taux d’actualisation par période ; par défaut 0.',
    },
  },
  LTV_CAC: {
    help: 'Ratio LTV / CAC : ltv / cac (3 ou plus est le seuil de bonne santé habituel).',
    args: {
      ltv: 'Valeur vie client.',
      cac: 'Coût d’acquisition client.',
    },
  },
  CAC_PAYBACK: {
    help: 'Nombre de périodes pour rentabiliser le CAC : cac / (arpa × gross_margin).',
    args: {
      cac: 'Coût d’acquisition client.',
      arpa: 'Revenu moyen par compte et par période.',
      gross_margin: 'Marge brute en fraction ; par défaut 1.',
    },
  },
  MRR: {
    help: 'Revenu récurrent mensuel d’un mois civil : la somme des montants datés de ce mois.',
    args: { ...MONTH_TOTAL },
  },
  ARR: {
    help: 'Revenu récurrent annuel : 12 × le MRR du mois.',
    args: { ...MONTH_TOTAL },
  },
  MRR_MOVEMENTS: {
    help: 'Mouvements de MRR d’un mois par rapport au mois précédent : New, Expansion, Contraction, Churn, Reactivation, Net new.',
    args: { ...LEDGER, month: 'Le mois à analyser (n’importe quelle date de ce mois).' },
  },
  NRR: {
    help: 'Rétention nette du revenu : MRR en end_month des clients qui payaient en start_month / leur MRR en start_month.',
    args: { ...LEDGER, ...COHORT },
  },
  GRR: {
    help: 'Rétention brute du revenu : comme NRR, mais chaque client compte au plus pour son MRR de départ (jamais plus de 100 %).',
    args: { ...LEDGER, ...COHORT },
  },
  REVENUE_CHURN: {
    help: 'Attrition du revenu d’un mois : (churn + contraction) / MRR du mois précédent ; net = TRUE déduit l’expansion et la réactivation.',
    args: {
      ...LEDGER,
      month: 'Le mois à mesurer.',
      net: 'TRUE pour l’attrition nette du revenu ; par défaut FALSE (brute).',
    },
  },
  CHURN_RATE: {
    help: 'Taux d’attrition client : clients perdus / clients en début de période.',
    args: {
      customers_at_start: 'Clients en début de chaque période.',
      customers_lost: 'Clients perdus au cours de chaque période.',
    },
  },
  RETENTION_RATE: {
    help: 'Taux de rétention client : (clients en fin de période − nouveaux clients) / clients en début de période.',
    args: {
      customers_start: 'Clients en début de période.',
      customers_end: 'Clients en fin de période.',
      new_customers: 'Clients acquis au cours de la période.',
    },
  },
  COHORT_RETENTION: {
    help: 'Triangle de cohortes : pour chaque mois de première activité, la part des clients (ou du revenu de M0) encore actifs 0, 1, 2… mois plus tard.',
    args: {
      customers: 'Identifiant client de chaque ligne d’activité.',
      dates: 'Date de chaque ligne d’activité.',
      basis: '"customers" (clients, par défaut) ou "revenue" (revenu, demande amounts).',
      amounts: 'Revenu de chaque ligne ; nécessaire avec basis "revenue".',
    },
  },
  QUICK_RATIO: {
    help: 'Quick ratio SaaS : (MRR new + expansion + reactivation) / (MRR contraction + churn).',
    args: {
      new_mrr: 'MRR des nouveaux clients. (Nommé new_mrr car new est un mot réservé dans Apps Script.)',
      expansion: 'MRR d’expansion.',
      reactivation: 'MRR de réactivation.',
      contraction: 'MRR de contraction, en montant positif.',
      churn: 'MRR perdu par attrition, en montant positif.',
    },
  },
  ROI: {
    help: 'Retour sur investissement : (gain − coût) / coût.',
    args: {
      gain: 'Ce que l’investissement a rapporté (chiffre d’affaires ou bénéfice).',
      cost: 'Ce que l’investissement a coûté.',
    },
  },
  ROMI: {
    help: 'Retour sur investissement marketing : (chiffre d’affaires × gross_margin − dépenses marketing) / dépenses marketing.',
    args: {
      revenue: 'Chiffre d’affaires attribué au marketing.',
      marketing_spend: 'Dépenses marketing.',
      gross_margin: 'Marge brute appliquée au chiffre d’affaires ; par défaut 1.',
    },
  },
  ROAS: {
    help: 'Retour sur dépenses publicitaires : chiffre d’affaires / dépenses publicitaires.',
    args: {
      revenue: 'Chiffre d’affaires généré par les annonces.',
      ad_spend: 'Dépenses publicitaires.',
    },
  },
  KPI_BY: {
    help: 'Un KPI de ratio par groupe (canal, campagne, segment) avec une ligne Total, à partir de plages alignées ligne à ligne.',
    args: {
      kpi: 'Le KPI à ventiler, par exemple "CAC" ou "ROMI".',
      groups: 'Groupe de chaque ligne : canal, campagne, segment.',
      arg1: 'La première plage du KPI (CAC : dépenses marketing).',
      arg2: 'La deuxième plage du KPI (CAC : nouveaux clients).',
      arg3: 'Le troisième argument du KPI s’il en a un (CAC : dépenses commerciales ; ROMI : marge brute).',
    },
  },
  KPI_CHANGE: {
    help: 'Pourquoi un KPI de ratio (CAC, CPL, ROAS…) a changé entre deux périodes : la part de son numérateur et celle de son dénominateur.',
    args: {
      numerator_before: 'Le numérateur du KPI sur la période précédente (CAC : dépenses).',
      denominator_before: 'Le dénominateur du KPI sur la période précédente (CAC : nouveaux clients).',
      numerator_after: 'Le numérateur du KPI sur la période suivante.',
      denominator_after: 'Le dénominateur du KPI sur la période suivante.',
    },
  },
  KPI_CHANGE_BY: {
    help: 'La variation d’un KPI de ratio agrégé entre deux périodes, répartie par groupe (canal) entre mix (volume qui passe d’un groupe à l’autre) et taux (ratio propre de chaque groupe).',
    args: { ...CHANGE_BY_GROUP },
  },
  KPI_CHANGE_DRIVERS: {
    help: 'En une phrase : la part de mix et la part de taux dans la variation d’un KPI de ratio, et les groupes (canaux) qui l’ont le plus portée.',
    args: {
      ...CHANGE_BY_GROUP,
      top: 'Nombre de groupes à citer ; par défaut 2.',
      language: 'Langue de la phrase : "en" (par défaut) ou "fr".',
    },
  },
  GOAL_PROGRESS: {
    help: 'Avancement vers un objectif : (actual − baseline) / (target − baseline). Fonctionne aussi pour les objectifs à la baisse.',
    args: {
      actual: 'Valeur actuelle du KPI.',
      target: 'Valeur visée.',
      baseline: 'Valeur au moment où l’objectif a été fixé ; par défaut 0.',
    },
  },
  GOAL_STATUS: {
    help: 'Statut d’un objectif à une date : Achieved (atteint), On track (en bonne voie), At risk (à risque), Off track (en retard), Missed (manqué) ou Not started (pas commencé).',
    args: {
      actual: 'Valeur actuelle du KPI.',
      target: 'Valeur visée.',
      start_date: 'Début de la période de l’objectif.',
      end_date: 'Échéance de l’objectif.',
      as_of: 'La date à laquelle juger (une cellule contenant une date, pas TODAY()).',
      baseline: 'Valeur au moment où l’objectif a été fixé ; par défaut 0.',
      tolerance: 'Retard sur le calendrier jusqu’auquel l’objectif reste At risk ; par défaut 0.1.',
    },
  },
  OKR_SCORE: {
    help: 'Moyenne pondérée des scores des résultats clés, chacun ramené à 0..1 (notation OKR de Google de 0.0 à 1.0).',
    args: {
      scores: 'Score de chaque résultat clé (0.7 est un bon résultat pour un objectif ambitieux).',
      weights: 'Poids de chaque résultat clé ; omis : poids égaux.',
    },
  },
  ATTRIBUTION: {
    help: 'Attribution multi-touch à partir d’une table de chemins : conversions, valeur et part attribuées à chaque canal, pour n’importe quel modèle.',
    args: {
      ...PATH_TABLE,
      values: 'Valeur des conversions de chaque chemin (chiffre d’affaires).',
      nulls: 'Nombre de parcours de chaque chemin qui n’ont pas converti (utilisé par markov).',
      model: MODEL,
      half_life: 'time_decay : nombre d’étapes pour que le poids diminue de moitié ; par défaut 1.',
    },
  },
  ATTRIBUTION_TOUCHES: {
    help: 'Attribution multi-touch à partir des points de contact (parcours, horodatage, canal, conversion) : la table d’ATTRIBUTION.',
    args: {
      ...TOUCHES,
      model: MODEL,
      half_life_days: 'time_decay : nombre de jours pour que le poids diminue de moitié ; par défaut 7.',
    },
  },
  PATHS: {
    help: 'Regroupe les points de contact en la table de chemins que lit ATTRIBUTION : Path, Conversions, Value, Nulls.',
    args: { ...TOUCHES },
  },
  REMOVAL_EFFECTS: {
    help: 'Effet de retrait de chaque canal dans le modèle de Markov d’ordre 1 : la part des conversions perdues sans lui.',
    args: {
      ...PATH_TABLE,
      nulls: 'Nombre de parcours de chaque chemin qui n’ont pas converti.',
    },
  },
  FORECAST_ETS: {
    help: 'FORECAST.ETS d’Excel : prévision Holt-Winters additive pour la ou les dates cibles, mêmes nombres dans Sheets et Excel.',
    args: { ...ETS },
  },
  FORECAST_ETS_CONFINT: {
    help: 'FORECAST.ETS.CONFINT d’Excel : demi-largeur de l’intervalle de prévision autour de FORECAST_ETS.',
    args: { ...ETS, confidence: 'Niveau de confiance, par défaut 0.95.' },
  },
  FORECAST_ETS_SEASONALITY: {
    help: 'FORECAST.ETS.SEASONALITY d’Excel : la longueur de saison détectée par FORECAST_ETS (0 s’il n’y en a pas).',
    args: { values: ETS.values, timeline: ETS.timeline, data_completion: ETS.data_completion, aggregation: ETS.aggregation },
  },
  KPI_FORECAST: {
    help: 'Prévision d’une série régulière sur les prochaines périodes avec un intervalle à 95 % : tableau Step, Forecast, Low, High.',
    args: {
      values: 'L’historique, du plus ancien au plus récent, une valeur par période (cellules vides ignorées).',
      horizon: 'Nombre de périodes à prévoir.',
      seasonality: ETS.seasonality,
      method: '"auto" (par défaut), "theta", "damped", "ses", "naive" ou "snaive".',
    },
  },
  ANOMALIES: {
    help: 'TRUE en face de chaque valeur anormale (Seasonal Hybrid ESD), une ligne par valeur.',
    args: {
      values: 'La série, du plus ancien au plus récent.',
      period: '1 = détecter la saison (par défaut), 0 = aucune, n = une saison de n points.',
      alpha: 'Seuil de signification, par défaut 0.05.',
      max_share: 'Part maximale des valeurs pouvant être signalées, par défaut 0.1.',
      direction: '"both" (les deux, par défaut), "high" (pics) ou "low" (creux).',
    },
  },
  LEAD_LAG: {
    help: 'L’indicateur avancé précède-t-il vraiment ? Corrélation de leading avec lagging décalé de 0 à max_lag périodes, meilleur décalage en tête.',
    args: {
      leading: 'L’indicateur avancé candidat, du plus ancien au plus récent.',
      lagging: 'Le KPI qu’il devrait précéder, aligné période par période.',
      max_lag: 'Plus grand décalage essayé, par défaut 12.',
    },
  },
  RFM: {
    help: 'Frequency, Recency, T et Monetary par client à partir des transactions brutes, prêts pour BGNBD_FIT et GG_FIT.',
    args: {
      customers: 'Identifiant client de chaque transaction.',
      dates: 'Date de chaque transaction (l’heure est ignorée).',
      amounts: 'Montant de chaque transaction, ≥ 0.',
      as_of: 'Fin de l’observation ; par défaut la dernière date des données.',
      period: 'Unité de temps de Recency et de T : "day" (jour), "week" (semaine, par défaut) ou "month" (mois).',
    },
  },
  BGNBD_FIT: {
    help: 'Ajuste le modèle d’achats répétés BG/NBD par maximum de vraisemblance : r, alpha, a, b et la log-vraisemblance.',
    args: { ...BUYERS },
  },
  P_ALIVE: {
    help: 'Probabilité que chaque client soit toujours actif (BG/NBD), une ligne par client.',
    args: { ...BUYERS, params: BGNBD_PARAMS },
  },
  CHURN_RISK: {
    help: 'Probabilité que chaque client soit déjà parti : 1 − P_ALIVE, une ligne par client.',
    args: { ...BUYERS, params: BGNBD_PARAMS },
  },
  EXPECTED_PURCHASES: {
    help: 'Achats attendus de chaque client sur les prochaines périodes (horizon), selon BG/NBD, une ligne par client.',
    args: { ...BUYERS, horizon: HORIZON, params: BGNBD_PARAMS },
  },
  GG_FIT: {
    help: 'Ajuste le modèle de dépense Gamma-Gamma sur les clients ayant racheté : p, q, v et la log-vraisemblance.',
    args: {
      frequency: 'Achats répétés par client.',
      monetary: 'Valeur moyenne des achats répétés de chaque client (Monetary de RFM) ; > 0 là où frequency > 0.',
    },
  },
  CLV_PREDICT: {
    help: 'Marge attendue de chaque client sur l’horizon : achats BG/NBD × dépense Gamma-Gamma × marge, actualisée par période.',
    args: {
      ...BUYERS,
      monetary: 'Valeur moyenne des achats répétés (Monetary de RFM) ; 0 pour les clients sans achat répété.',
      horizon: HORIZON,
      discount_rate: 'Taux d’actualisation par période, en fraction ; par défaut 0.',
      margin: 'Marge sur la dépense, en fraction ; par défaut 1 (chiffre d’affaires).',
      bgnbd_params: 'r, alpha, a, b (1×4) ; omis : ajustés sur ces clients.',
      gg_params: 'p, q, v (1×3) ; omis : ajustés sur ces clients.',
    },
  },
  COMMISSION: {
    help: 'Commission par paliers sur un montant : marginale (chaque tranche au taux de son palier) ou rétroactive (tout au taux du plus haut palier atteint), avec un plafond facultatif.',
    args: {
      amount: 'Montant signé (additionné), ≥ 0.',
      quota: 'Quota de la période, > 0.',
      tier_starts: 'Atteinte du quota à laquelle commence chaque palier, en fractions du quota, par ordre croissant à partir de 0.',
      tier_rates: 'Taux de commission de chaque palier, en fractions (5 % s’écrit 0.05).',
      method: '"marginal" (par défaut) ou "retroactive".',
      cap: 'Versement maximal ; omis : pas de plafond.',
    },
  },
};
