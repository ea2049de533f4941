import { FieldRef } from './fields';
import { t, Text } from './i18n';

/**
 * The KPI catalog: what each KPI means, how it is computed (a KPI Pilot function and, where
 * one exists, the native formula the dashboard writes), and how to read it. Pure data: the
 * formulas themselves are built in formulas.ts from the same ids.
 */
export type KpiId =
  | 'leads'
  | 'sessions'
  | 'opportunities'
  | 'cpl'
  | 'cac'
  | 'lead_to_opp'
  | 'conversion_rate'
  | 'romi'
  | 'roas'
  | 'referral_share'
  | 'retention_rate'
  | 'mrr'
  | 'arr'
  | 'arpa'
  | 'mrr_churn'
  | 'nrr'
  | 'grr'
  | 'ltv'
  | 'ltv_cac'
  | 'cac_payback'
  | 'win_rate'
  | 'avg_deal_size'
  | 'sales_cycle'
  | 'pipeline_velocity'
  | 'order_revenue'
  | 'orders'
  | 'aov'
  | 'ecom_conversion';

export type Unit = 'currency' | 'count' | 'percent' | 'ratio' | 'days' | 'months' | 'currency_per_day';
export type Direction = 'higher' | 'lower';
export type KpiKind = 'impact' | 'activity';
export type Timing = 'leading' | 'lagging';
export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly';
export type AarrrStage = 'acquisition' | 'activation' | 'retention' | 'referral' | 'revenue';

export const FREQUENCIES: readonly Frequency[] = ['daily', 'weekly', 'monthly', 'quarterly'];

export interface KpiDefinition {
  readonly id: KpiId;
  readonly name: Text;
  readonly description: Text;
  /** The KPI Pilot function (core/functions) that computes it, or null for a plain total (native SUMIFS only). */
  readonly fn: string | null;
  /** The function call in words, e.g. "CAC(marketing spend, new customers)". */
  readonly coreFormula: string;
  /** The native formula in words, or null when only the custom function can compute it. */
  readonly nativeFormula: Text | null;
  readonly unit: Unit;
  readonly direction: Direction;
  readonly kind: KpiKind;
  readonly timing: Timing;
  /** Set for metrics that can look good while the business does not: why, and what to watch instead. */
  readonly vanity: { readonly risk: Text; readonly alternatives: readonly KpiId[] } | null;
  readonly frequency: Frequency;
  readonly stage: AarrrStage;
  /** Data fields the KPI reads directly (all required). */
  readonly needs: readonly FieldRef[];
  /** Data fields used when mapped (e.g. sales spend in CAC). */
  readonly optional?: readonly FieldRef[];
  /** Other KPIs its formula is built from (their columns are computed too). */
  readonly uses?: readonly KpiId[];
  /** What to look at when the KPI moves the wrong way. */
  readonly hints: readonly Text[];
  /**
   * Set for a KPI that is a numerator over a denominator (both positive): the parts' names as read
   * in a sentence, for the change explanations (insights-change.ts). formulas.ts builds the parts.
   */
  readonly ratio?: { readonly numerator: Text; readonly denominator: Text };
}

const N = (en: string, fr: string): Text => t(en, fr);

export const CATALOG: readonly KpiDefinition[] = [
  // ---- acquisition and funnel (marketing sheet) ---------------------------------------------
  {
    id: 'leads',
    name: t('Leads', 'Leads'),
    description: t('New leads generated in the period.', 'Nouveaux leads générés sur la période.'),
    fn: null,
    coreFormula: 'SUM(leads)',
    nativeFormula: N('SUMIFS(Leads, Date in period)', 'SUMIFS(Leads, Date dans la période)'),
    unit: 'count',
    direction: 'higher',
    kind: 'activity',
    timing: 'leading',
    frequency: 'weekly',
    stage: 'acquisition',
    vanity: {
      risk: t(
        'Volume alone says nothing of quality: cheap leads that never buy inflate it.',
        'Le volume seul ne dit rien de la qualité : des leads bon marché qui n’achètent jamais le gonflent.',
      ),
      alternatives: ['lead_to_opp', 'cpl'],
    },
    needs: ['marketing.date', 'marketing.leads'],
    hints: [t('Falling leads: check spend and channel mix first.', 'Leads en baisse : vérifier d’abord le budget et le mix de canaux.')],
  },
  {
    id: 'sessions',
    name: t('Visitors', 'Visiteurs'),
    description: t('Website sessions or visitors in the period.', 'Sessions ou visiteurs du site sur la période.'),
    fn: null,
    coreFormula: 'SUM(sessions)',
    nativeFormula: N('SUMIFS(Sessions, Date in period)', 'SUMIFS(Sessions, Date dans la période)'),
    unit: 'count',
    direction: 'higher',
    kind: 'activity',
    timing: 'leading',
    frequency: 'weekly',
    stage: 'acquisition',
    vanity: {
      risk: t(
        'Traffic can grow while sales do not (bots, untargeted campaigns).',
        'Le trafic peut croître sans les ventes (robots, campagnes mal ciblées).',
      ),
      alternatives: ['ecom_conversion'],
    },
    needs: ['marketing.date', 'marketing.sessions'],
    hints: [
      t(
        'Traffic up but orders flat: look at targeting and landing pages.',
        'Trafic en hausse mais commandes stables : regarder le ciblage et les pages d’atterrissage.',
      ),
    ],
  },
  {
    id: 'opportunities',
    name: t('New opportunities', 'Nouvelles opportunités'),
    description: t('Sales opportunities created in the period.', 'Opportunités commerciales créées sur la période.'),
    fn: null,
    coreFormula: 'SUM(opportunities)',
    nativeFormula: N('SUMIFS(Opportunities, Date in period)', 'SUMIFS(Opportunités, Date dans la période)'),
    unit: 'count',
    direction: 'higher',
    kind: 'activity',
    timing: 'leading',
    frequency: 'weekly',
    stage: 'acquisition',
    vanity: null,
    needs: ['marketing.date', 'marketing.opportunities'],
    hints: [
      t(
        'Few opportunities: check lead qualification and the sales follow-up time.',
        'Peu d’opportunités : vérifier la qualification des leads et le délai de relance commerciale.',
      ),
    ],
  },
  {
    id: 'cpl',
    name: t('Cost per lead', 'Coût par lead'),
    description: t('Marketing spend divided by the leads it brought.', 'Dépenses marketing divisées par les leads obtenus.'),
    fn: 'CPL',
    coreFormula: 'CPL(spend, leads)',
    nativeFormula: N('SUMIFS(Spend) / SUMIFS(Leads), Date in period', 'SUMIFS(Dépenses) / SUMIFS(Leads), Date dans la période'),
    unit: 'currency',
    direction: 'lower',
    kind: 'activity',
    timing: 'leading',
    frequency: 'weekly',
    stage: 'acquisition',
    vanity: null,
    needs: ['marketing.date', 'marketing.spend', 'marketing.leads'],
    hints: [
      t(
        'High CPL with low conversion: a targeting or lead-qualification problem.',
        'CPL élevé et conversion faible : problème de ciblage ou de qualification des leads.',
      ),
      t('Compare CPL per channel (KPI_BY) before cutting budget.', 'Comparer le CPL par canal (KPI_BY) avant de couper le budget.'),
    ],
    ratio: { numerator: t('spend', 'dépenses'), denominator: t('leads', 'leads') },
  },
  {
    id: 'cac',
    name: t('Customer acquisition cost', 'Coût d’acquisition client'),
    description: t('Marketing (and sales) spend per new customer.', 'Dépenses marketing (et commerciales) par nouveau client.'),
    fn: 'CAC',
    coreFormula: 'CAC(marketing spend, new customers, [sales spend])',
    nativeFormula: N(
      '(SUMIFS(Spend) + SUMIFS(Sales spend)) / SUMIFS(New customers), Date in period',
      '(SUMIFS(Dépenses) + SUMIFS(Dépenses commerciales)) / SUMIFS(Nouveaux clients), Date dans la période',
    ),
    unit: 'currency',
    direction: 'lower',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'acquisition',
    vanity: null,
    needs: ['marketing.date', 'marketing.spend', 'marketing.customers'],
    optional: ['marketing.sales_spend'],
    hints: [
      t(
        'Rising CAC: look at CPL and lead-to-customer conversion to see which one moved.',
        'CAC en hausse : regarder le CPL et la conversion lead-client pour voir lequel a bougé.',
      ),
    ],
    ratio: { numerator: t('spend', 'dépenses'), denominator: t('new customers', 'nouveaux clients') },
  },
  {
    id: 'lead_to_opp',
    name: t('Lead-to-opportunity rate', 'Taux lead-opportunité'),
    description: t('Share of leads that become sales opportunities.', 'Part des leads qui deviennent des opportunités.'),
    fn: 'LEAD_TO_OPP',
    coreFormula: 'LEAD_TO_OPP(opportunities, leads)',
    nativeFormula: N('SUMIFS(Opportunities) / SUMIFS(Leads), Date in period', 'SUMIFS(Opportunités) / SUMIFS(Leads), Date dans la période'),
    unit: 'percent',
    direction: 'higher',
    kind: 'impact',
    timing: 'leading',
    frequency: 'weekly',
    stage: 'activation',
    vanity: null,
    needs: ['marketing.date', 'marketing.opportunities', 'marketing.leads'],
    hints: [
      t(
        'Falling rate: lead quality or slower follow-up; check per channel.',
        'Taux en baisse : qualité des leads ou relance plus lente ; vérifier par canal.',
      ),
    ],
    ratio: { numerator: t('opportunities', 'opportunités'), denominator: t('leads', 'leads') },
  },
  {
    id: 'conversion_rate',
    name: t('Lead-to-customer conversion', 'Conversion lead-client'),
    description: t('New customers divided by leads in the period.', 'Nouveaux clients divisés par les leads de la période.'),
    fn: 'CONVERSION_RATE',
    coreFormula: 'CONVERSION_RATE(new customers, leads)',
    nativeFormula: N(
      'SUMIFS(New customers) / SUMIFS(Leads), Date in period',
      'SUMIFS(Nouveaux clients) / SUMIFS(Leads), Date dans la période',
    ),
    unit: 'percent',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'activation',
    vanity: null,
    needs: ['marketing.date', 'marketing.customers', 'marketing.leads'],
    hints: [
      t(
        'Low conversion with high CPL: targeting or qualification problem.',
        'Conversion faible et CPL élevé : problème de ciblage ou de qualification.',
      ),
    ],
    ratio: { numerator: t('new customers', 'nouveaux clients'), denominator: t('leads', 'leads') },
  },
  {
    id: 'romi',
    name: t('Return on marketing investment', 'Retour sur investissement marketing'),
    description: t('(Attributed revenue × gross margin − spend) / spend.', '(CA attribué × marge brute − dépenses) / dépenses.'),
    fn: 'ROMI',
    coreFormula: 'ROMI(attributed revenue, marketing spend, gross margin)',
    nativeFormula: N(
      '(SUMIFS(Revenue) × margin − SUMIFS(Spend)) / SUMIFS(Spend)',
      '(SUMIFS(CA) × marge − SUMIFS(Dépenses)) / SUMIFS(Dépenses)',
    ),
    unit: 'percent',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'revenue',
    vanity: null,
    needs: ['marketing.date', 'marketing.revenue', 'marketing.spend'],
    hints: [
      t(
        'Break ROMI down per channel and campaign before moving budget.',
        'Détailler le ROMI par canal et campagne avant de déplacer le budget.',
      ),
    ],
  },
  {
    id: 'roas',
    name: t('Return on ad spend', 'Retour sur dépenses publicitaires'),
    description: t('Attributed revenue per unit of spend.', 'CA attribué par unité dépensée.'),
    fn: 'ROAS',
    coreFormula: 'ROAS(attributed revenue, spend)',
    nativeFormula: N('SUMIFS(Revenue) / SUMIFS(Spend)', 'SUMIFS(CA) / SUMIFS(Dépenses)'),
    unit: 'ratio',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'weekly',
    stage: 'revenue',
    vanity: null,
    needs: ['marketing.date', 'marketing.revenue', 'marketing.spend'],
    hints: [t('ROAS ignores margin: check ROMI too.', 'Le ROAS ignore la marge : vérifier aussi le ROMI.')],
    ratio: { numerator: t('attributed revenue', 'CA attribué'), denominator: t('spend', 'dépenses') },
  },
  {
    id: 'referral_share',
    name: t('Referral share of leads', 'Part des leads par recommandation'),
    description: t(
      'Share of leads from channels named like "referral".',
      'Part des leads venant des canaux nommés comme « referral » / recommandation.',
    ),
    fn: null,
    coreFormula: 'SUM(referral leads) / SUM(leads)',
    nativeFormula: N('SUMIFS(Leads, Channel like referral) / SUMIFS(Leads)', 'SUMIFS(Leads, Canal type recommandation) / SUMIFS(Leads)'),
    unit: 'percent',
    direction: 'higher',
    kind: 'impact',
    timing: 'leading',
    frequency: 'monthly',
    stage: 'referral',
    vanity: null,
    needs: ['marketing.date', 'marketing.leads', 'marketing.channel'],
    hints: [
      t(
        'Low referral share: customers are not promoting you; look at satisfaction and a referral programme.',
        'Faible part de recommandation : les clients ne vous recommandent pas ; regarder la satisfaction et un programme de parrainage.',
      ),
    ],
    ratio: { numerator: t('referral leads', 'leads recommandés'), denominator: t('leads', 'leads') },
  },
  {
    id: 'retention_rate',
    name: t('Customer retention rate', 'Taux de rétention client'),
    description: t('(Customers at end − new customers) / customers at start.', '(Clients en fin − nouveaux clients) / clients en début.'),
    fn: 'RETENTION_RATE',
    coreFormula: 'RETENTION_RATE(active customers last period, active customers, new customers)',
    nativeFormula: N(
      '(SUMIFS(Active customers) − SUMIFS(New customers)) / SUMIFS(Active customers, previous period)',
      '(SUMIFS(Clients actifs) − SUMIFS(Nouveaux clients)) / SUMIFS(Clients actifs, période précédente)',
    ),
    unit: 'percent',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'retention',
    vanity: null,
    needs: ['marketing.date', 'marketing.active_customers', 'marketing.customers'],
    hints: [
      t(
        'Falling retention: look at repeat purchase and service issues of the last cohorts.',
        'Rétention en baisse : regarder le réachat et les problèmes de service des dernières cohortes.',
      ),
    ],
  },
  // ---- subscription (ledger) -------------------------------------------------------------------
  {
    id: 'mrr',
    name: t('MRR', 'MRR'),
    description: t('Monthly recurring revenue of the period.', 'Revenu récurrent mensuel de la période.'),
    fn: 'MRR',
    coreFormula: 'MRR(months, amounts, period)',
    nativeFormula: N('SUMIFS(MRR, Month in period)', 'SUMIFS(MRR, Mois dans la période)'),
    unit: 'currency',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'revenue',
    vanity: null,
    needs: ['ledger.month', 'ledger.mrr'],
    hints: [
      t(
        'Split MRR change into new, expansion, contraction and churn (MRR_MOVEMENTS).',
        'Décomposer la variation du MRR en nouveau, expansion, contraction et churn (MRR_MOVEMENTS).',
      ),
    ],
  },
  {
    id: 'arr',
    name: t('ARR', 'ARR'),
    description: t('Annual recurring revenue: 12 × MRR.', 'Revenu récurrent annuel : 12 × MRR.'),
    fn: 'ARR',
    coreFormula: 'ARR(months, amounts, period)',
    nativeFormula: N('12 × SUMIFS(MRR, Month in period)', '12 × SUMIFS(MRR, Mois dans la période)'),
    unit: 'currency',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'revenue',
    vanity: null,
    needs: ['ledger.month', 'ledger.mrr'],
    hints: [t('ARR moves with MRR: see the MRR hints.', 'L’ARR suit le MRR : voir les pistes du MRR.')],
  },
  {
    id: 'arpa',
    name: t('ARPA', 'ARPA (revenu moyen par compte)'),
    description: t('MRR per paying customer.', 'MRR par client payant.'),
    fn: 'ARPA',
    coreFormula: 'ARPA(MRR of the period, customers with MRR in the period)',
    nativeFormula: N('SUMIFS(MRR) / COUNTIFS(Month in period, MRR > 0)', 'SUMIFS(MRR) / COUNTIFS(Mois dans la période, MRR > 0)'),
    unit: 'currency',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'revenue',
    vanity: null,
    needs: ['ledger.month', 'ledger.mrr'],
    hints: [
      t(
        'Falling ARPA: discounting, smaller plans sold, or contraction of existing accounts.',
        'ARPA en baisse : remises, petites offres vendues ou contraction des comptes existants.',
      ),
    ],
    ratio: { numerator: t('MRR', 'MRR'), denominator: t('paying accounts', 'comptes payants') },
  },
  {
    id: 'mrr_churn',
    name: t('MRR churn rate', 'Taux de churn du MRR'),
    description: t('Churned and contracted MRR / MRR of the previous month.', 'MRR perdu et contracté / MRR du mois précédent.'),
    fn: 'REVENUE_CHURN',
    coreFormula: 'REVENUE_CHURN(customers, months, amounts, period)',
    nativeFormula: null,
    unit: 'percent',
    direction: 'lower',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'retention',
    vanity: null,
    needs: ['ledger.customer', 'ledger.month', 'ledger.mrr'],
    hints: [
      t(
        'Churn rising: read the cohorts (COHORT_RETENTION) and talk to the accounts that left.',
        'Churn en hausse : lire les cohortes (COHORT_RETENTION) et interroger les comptes partis.',
      ),
    ],
  },
  {
    id: 'nrr',
    name: t('Net revenue retention (12 months)', 'Rétention nette du revenu (12 mois)'),
    description: t(
      'MRR now of the customers who paid 12 months ago / their MRR then.',
      'MRR actuel des clients payants il y a 12 mois / leur MRR d’alors.',
    ),
    fn: 'NRR',
    coreFormula: 'NRR(customers, months, amounts, period − 12 months, period)',
    nativeFormula: null,
    unit: 'percent',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'quarterly',
    stage: 'retention',
    vanity: null,
    needs: ['ledger.customer', 'ledger.month', 'ledger.mrr'],
    hints: [
      t(
        'NRR below 100%: expansion does not cover churn; look at upsell and at-risk accounts.',
        'NRR sous 100 % : l’expansion ne couvre pas le churn ; regarder la montée en gamme et les comptes à risque.',
      ),
    ],
  },
  {
    id: 'grr',
    name: t('Gross revenue retention (12 months)', 'Rétention brute du revenu (12 mois)'),
    description: t('Like NRR but without expansion: never above 100%.', 'Comme le NRR mais sans expansion : jamais au-dessus de 100 %.'),
    fn: 'GRR',
    coreFormula: 'GRR(customers, months, amounts, period − 12 months, period)',
    nativeFormula: null,
    unit: 'percent',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'quarterly',
    stage: 'retention',
    vanity: null,
    needs: ['ledger.customer', 'ledger.month', 'ledger.mrr'],
    hints: [
      t(
        'Low GRR: churn and downgrades; the product or the onboarding is losing customers.',
        'GRR faible : churn et déclassements ; le produit ou l’onboarding perd des clients.',
      ),
    ],
  },
  {
    id: 'ltv',
    name: t('Customer lifetime value', 'Valeur vie client'),
    description: t('ARPA × gross margin / monthly MRR churn.', 'ARPA × marge brute / churn mensuel du MRR.'),
    fn: 'LTV',
    coreFormula: 'LTV(ARPA, MRR churn rate, gross margin)',
    nativeFormula: N('ARPA × margin / MRR churn rate', 'ARPA × marge / taux de churn du MRR'),
    unit: 'currency',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'quarterly',
    stage: 'revenue',
    vanity: null,
    needs: ['ledger.customer', 'ledger.month', 'ledger.mrr'],
    uses: ['arpa', 'mrr_churn'],
    hints: [
      t(
        'LTV swings with churn: a month of low churn makes it jump; read it over several months.',
        'La LTV varie avec le churn : un mois de churn faible la fait bondir ; la lire sur plusieurs mois.',
      ),
    ],
    ratio: { numerator: t('ARPA', 'ARPA'), denominator: t('MRR churn', 'churn du MRR') },
  },
  {
    id: 'ltv_cac',
    name: t('LTV:CAC ratio', 'Ratio LTV/CAC'),
    description: t(
      'Lifetime value per unit of acquisition cost; 3 or more is healthy.',
      'Valeur vie par unité de coût d’acquisition ; 3 ou plus est sain.',
    ),
    fn: 'LTV_CAC',
    coreFormula: 'LTV_CAC(LTV, CAC)',
    nativeFormula: N('LTV / CAC', 'LTV / CAC'),
    unit: 'ratio',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'quarterly',
    stage: 'revenue',
    vanity: null,
    needs: ['ledger.customer', 'ledger.month', 'ledger.mrr', 'marketing.date', 'marketing.spend', 'marketing.customers'],
    uses: ['ltv', 'cac'],
    hints: [
      t(
        'Below 3: acquisition costs too much for what customers bring; cut the worst channels or raise retention.',
        'Sous 3 : l’acquisition coûte trop cher pour ce que rapportent les clients ; couper les pires canaux ou améliorer la rétention.',
      ),
    ],
    ratio: { numerator: t('LTV', 'LTV'), denominator: t('CAC', 'CAC') },
  },
  {
    id: 'cac_payback',
    name: t('CAC payback', 'Délai de retour du CAC'),
    description: t('Months of gross margin needed to earn back CAC.', 'Mois de marge brute nécessaires pour récupérer le CAC.'),
    fn: 'CAC_PAYBACK',
    coreFormula: 'CAC_PAYBACK(CAC, ARPA, gross margin)',
    nativeFormula: N('CAC / (ARPA × margin)', 'CAC / (ARPA × marge)'),
    unit: 'months',
    direction: 'lower',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'quarterly',
    stage: 'revenue',
    vanity: null,
    needs: ['ledger.month', 'ledger.mrr', 'marketing.date', 'marketing.spend', 'marketing.customers'],
    uses: ['cac', 'arpa'],
    hints: [
      t(
        'Over 12 months: cash is tied up in acquisition; raise prices, cut CAC, or favour annual plans.',
        'Plus de 12 mois : la trésorerie est immobilisée dans l’acquisition ; augmenter les prix, réduire le CAC ou privilégier l’annuel.',
      ),
    ],
    ratio: { numerator: t('CAC', 'CAC'), denominator: t('ARPA', 'ARPA') },
  },
  // ---- B2B sales (deals sheet) -----------------------------------------------------------------
  {
    id: 'win_rate',
    name: t('Win rate', 'Taux de transformation'),
    description: t(
      'Deals won / deals closed (won + lost) in the period.',
      'Affaires gagnées / affaires clôturées (gagnées + perdues) sur la période.',
    ),
    fn: 'WIN_RATE',
    coreFormula: 'WIN_RATE(won, won + lost)',
    nativeFormula: N(
      'COUNTIFS(Closed in period, Stage won) / COUNTIFS(Closed in period, Stage won or lost)',
      'COUNTIFS(Clôturée dans la période, Étape gagnée) / COUNTIFS(Clôturée dans la période, gagnée ou perdue)',
    ),
    unit: 'percent',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'revenue',
    vanity: null,
    needs: ['deals.closed', 'deals.outcome'],
    hints: [
      t(
        'Falling win rate: qualification (too many weak deals) or competition; check lost reasons.',
        'Taux en baisse : qualification (trop d’affaires faibles) ou concurrence ; vérifier les motifs de perte.',
      ),
    ],
    ratio: { numerator: t('deals won', 'affaires gagnées'), denominator: t('deals closed', 'affaires clôturées') },
  },
  {
    id: 'avg_deal_size',
    name: t('Average deal size', 'Montant moyen des affaires'),
    description: t('Amount of won deals / number of won deals.', 'Montant des affaires gagnées / nombre d’affaires gagnées.'),
    fn: 'ATV',
    coreFormula: 'ATV(amount of won deals, won deals)',
    nativeFormula: N(
      'SUMIFS(Amount, won) / COUNTIFS(won), Closed in period',
      'SUMIFS(Montant, gagnées) / COUNTIFS(gagnées), Clôturée dans la période',
    ),
    unit: 'currency',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'revenue',
    vanity: null,
    needs: ['deals.closed', 'deals.outcome', 'deals.amount'],
    hints: [
      t(
        'Smaller deals: discounting or a shift to smaller accounts.',
        'Affaires plus petites : remises ou glissement vers de plus petits comptes.',
      ),
    ],
    ratio: { numerator: t('amount won', 'montant gagné'), denominator: t('deals won', 'affaires gagnées') },
  },
  {
    id: 'sales_cycle',
    name: t('Sales cycle', 'Cycle de vente'),
    description: t(
      'Average days from creation to close of the deals closed in the period.',
      'Jours moyens de la création à la clôture des affaires clôturées sur la période.',
    ),
    fn: 'SALES_CYCLE',
    coreFormula: 'SALES_CYCLE(created dates, closed dates)',
    nativeFormula: N(
      '(SUMIFS(Closed) − SUMIFS(Created)) / COUNTIFS(Closed in period)',
      '(SUMIFS(Clôture) − SUMIFS(Création)) / COUNTIFS(Clôturée dans la période)',
    ),
    unit: 'days',
    direction: 'lower',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'monthly',
    stage: 'revenue',
    vanity: null,
    needs: ['deals.created', 'deals.closed'],
    hints: [
      t(
        'Longer cycles: deals stall at a stage; find which one and why.',
        'Cycles plus longs : les affaires stagnent à une étape ; trouver laquelle et pourquoi.',
      ),
    ],
    ratio: { numerator: t('days to close', 'jours jusqu’à la clôture'), denominator: t('deals closed', 'affaires clôturées') },
  },
  {
    id: 'pipeline_velocity',
    name: t('Pipeline velocity', 'Vélocité du pipeline'),
    description: t(
      'Open deals × win rate × average deal size / sales cycle: revenue per day.',
      'Affaires ouvertes × taux de transformation × montant moyen / cycle de vente : revenu par jour.',
    ),
    fn: 'PIPELINE_VELOCITY',
    coreFormula: 'PIPELINE_VELOCITY(open deals at period end, win rate, average deal size, sales cycle)',
    nativeFormula: N(
      'COUNTIFS(open at period end) × Win rate × Average deal size / Sales cycle',
      'COUNTIFS(ouvertes en fin de période) × Taux de transformation × Montant moyen / Cycle de vente',
    ),
    unit: 'currency_per_day',
    direction: 'higher',
    kind: 'impact',
    timing: 'leading',
    frequency: 'weekly',
    stage: 'revenue',
    vanity: null,
    needs: ['deals.created', 'deals.closed', 'deals.outcome', 'deals.amount'],
    uses: ['win_rate', 'avg_deal_size', 'sales_cycle'],
    hints: [
      t(
        'Velocity falling: see which of its four factors dropped (open deals, win rate, deal size, cycle).',
        'Vélocité en baisse : voir lequel des quatre facteurs a chuté (affaires ouvertes, taux, montant, cycle).',
      ),
    ],
  },
  // ---- e-commerce (orders sheet) ---------------------------------------------------------------
  {
    id: 'order_revenue',
    name: t('Revenue', 'Chiffre d’affaires'),
    description: t('Total amount of the orders in the period.', 'Montant total des commandes de la période.'),
    fn: null,
    coreFormula: 'SUM(order amounts)',
    nativeFormula: N('SUMIFS(Amount, Order date in period)', 'SUMIFS(Montant, Date de commande dans la période)'),
    unit: 'currency',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'weekly',
    stage: 'revenue',
    vanity: null,
    needs: ['orders.date', 'orders.amount'],
    hints: [
      t(
        'Split revenue into visitors × conversion × average order value to see what moved.',
        'Décomposer le CA en visiteurs × conversion × panier moyen pour voir ce qui a bougé.',
      ),
    ],
  },
  {
    id: 'orders',
    name: t('Orders', 'Commandes'),
    description: t('Number of orders in the period.', 'Nombre de commandes de la période.'),
    fn: null,
    coreFormula: 'COUNT(order dates)',
    nativeFormula: N('COUNTIFS(Order date in period)', 'COUNTIFS(Date de commande dans la période)'),
    unit: 'count',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'weekly',
    stage: 'revenue',
    vanity: null,
    needs: ['orders.date'],
    hints: [
      t(
        'Orders down: traffic or conversion? Compare visitors and conversion rate.',
        'Commandes en baisse : trafic ou conversion ? Comparer visiteurs et taux de conversion.',
      ),
    ],
  },
  {
    id: 'aov',
    name: t('Average order value', 'Panier moyen'),
    description: t('Revenue per order.', 'Chiffre d’affaires par commande.'),
    fn: 'ATV',
    coreFormula: 'ATV(order amounts, order count)',
    nativeFormula: N('SUMIFS(Amount) / COUNTIFS(Order date in period)', 'SUMIFS(Montant) / COUNTIFS(Date de commande dans la période)'),
    unit: 'currency',
    direction: 'higher',
    kind: 'impact',
    timing: 'lagging',
    frequency: 'weekly',
    stage: 'revenue',
    vanity: null,
    needs: ['orders.date', 'orders.amount'],
    hints: [
      t(
        'Lower basket: promotions or product mix; test bundles and free-shipping thresholds.',
        'Panier en baisse : promotions ou mix produit ; tester les lots et les seuils de livraison gratuite.',
      ),
    ],
    ratio: { numerator: t('revenue', 'chiffre d’affaires'), denominator: t('orders', 'commandes') },
  },
  {
    id: 'ecom_conversion',
    name: t('Store conversion rate', 'Taux de conversion boutique'),
    description: t('Orders / visitors in the period.', 'Commandes / visiteurs de la période.'),
    fn: 'CONVERSION_RATE',
    coreFormula: 'CONVERSION_RATE(orders, sessions)',
    nativeFormula: N('COUNTIFS(Order date in period) / SUMIFS(Sessions)', 'COUNTIFS(Date de commande dans la période) / SUMIFS(Sessions)'),
    unit: 'percent',
    direction: 'higher',
    kind: 'impact',
    timing: 'leading',
    frequency: 'weekly',
    stage: 'activation',
    vanity: null,
    needs: ['orders.date', 'marketing.date', 'marketing.sessions'],
    hints: [
      t(
        'Falling conversion: checkout friction, prices, stock-outs, or untargeted traffic.',
        'Conversion en baisse : friction au paiement, prix, ruptures ou trafic mal ciblé.',
      ),
    ],
    ratio: { numerator: t('orders', 'commandes'), denominator: t('visitors', 'visiteurs') },
  },
];

const BY_ID = new Map(CATALOG.map((k) => [k.id, k]));

export function isKpiId(id: unknown): id is KpiId {
  return typeof id === 'string' && BY_ID.has(id as KpiId);
}

export function kpi(id: KpiId): KpiDefinition {
  const k = BY_ID.get(id);
  if (!k) throw new Error(`unknown KPI ${id}`);
  return k;
}

/** Every data field a KPI needs, through the KPIs it is built from too. */
export function fieldsNeeded(id: KpiId): FieldRef[] {
  const out = new Set<FieldRef>();
  const visit = (k: KpiDefinition) => {
    k.needs.forEach((f) => out.add(f));
    k.uses?.forEach((u) => visit(kpi(u)));
  };
  visit(kpi(id));
  return [...out];
}

/** The KPI with the KPIs its formula uses, dependencies first. */
export function withDependencies(ids: readonly KpiId[]): KpiId[] {
  const out: KpiId[] = [];
  const visit = (id: KpiId) => {
    if (out.includes(id)) return;
    kpi(id).uses?.forEach(visit);
    out.push(id);
  };
  ids.forEach(visit);
  return out;
}
