import { t, Text } from './i18n';

/**
 * The data a dashboard reads, as datasets (one sheet each, one row per record) and their fields
 * (one column each). Fields of one dataset must sit on one sheet so SUMIFS can pair them row by row.
 *
 * Header synonyms are compared after normalise(): lower case, accents and punctuation removed,
 * so "Coût (€)" and "cout" match. They cover English, French, and the column names of HubSpot,
 * Salesforce and Pipedrive exports (Pipedrive prefixes "Deal - ", which normalise keeps as words).
 */
export type DatasetId = 'marketing' | 'ledger' | 'deals' | 'orders' | 'touches';
export type FieldRef = `${DatasetId}.${string}`;

export interface DatasetInfo {
  readonly id: DatasetId;
  readonly name: Text;
  /** Words that, found in a sheet name, make that sheet likelier to hold this dataset. */
  readonly sheetHints: readonly string[];
  /** The field whose date places a row in a period (for deals: when it closed). */
  readonly dateField: FieldRef;
}

export interface FieldInfo {
  readonly ref: FieldRef;
  readonly name: Text;
  readonly kind: 'date' | 'number' | 'text';
  /** Normalised header names, best first. */
  readonly headers: readonly string[];
}

export const DATASETS: readonly DatasetInfo[] = [
  {
    id: 'marketing',
    name: t('Marketing (per period and channel)', 'Marketing (par période et canal)'),
    sheetHints: ['marketing', 'campaign', 'campagne', 'channel', 'canal', 'ads', 'acquisition', 'traffic', 'trafic'],
    dateField: 'marketing.date',
  },
  {
    id: 'ledger',
    name: t('Subscription ledger (customer, month, MRR)', 'Registre des abonnements (client, mois, MRR)'),
    sheetHints: ['ledger', 'subscription', 'abonnement', 'mrr', 'billing', 'facturation', 'registre'],
    dateField: 'ledger.month',
  },
  {
    id: 'deals',
    name: t('Deals / opportunities', 'Affaires / opportunités'),
    sheetHints: ['deal', 'opportunit', 'affaire', 'pipeline', 'crm'],
    dateField: 'deals.closed',
  },
  {
    id: 'orders',
    name: t('Orders / transactions', 'Commandes / transactions'),
    sheetHints: ['order', 'commande', 'transaction', 'sales', 'ventes', 'vente'],
    dateField: 'orders.date',
  },
  // touchpoints: one row per marketing touch of a journey, read by the optional Attribution sheet (no KPI needs it)
  {
    id: 'touches',
    name: t('Touchpoints (journey, date, channel, converted)', 'Points de contact (parcours, date, canal, conversion)'),
    sheetHints: ['touch', 'journey', 'parcours', 'attribution', 'path', 'chemin', 'interaction', 'contact point'],
    dateField: 'touches.timestamp',
  },
];

export const FIELDS: readonly FieldInfo[] = [
  // marketing: one row per period (and channel); HubSpot/Salesforce campaign reports, ad exports
  {
    ref: 'marketing.date',
    name: t('Date or month', 'Date ou mois'),
    kind: 'date',
    headers: [
      'month',
      'date',
      'period',
      'mois',
      'periode',
      'week',
      'semaine',
      'day',
      'jour',
      'start date',
      'date de debut',
      'reporting starts',
      'campaign start date',
    ],
  },
  {
    ref: 'marketing.channel',
    name: t('Channel', 'Canal'),
    kind: 'text',
    headers: [
      'channel',
      'canal',
      'source',
      'original source',
      'lead source',
      'source du lead',
      'medium',
      'campaign',
      'campaign name',
      'campagne',
      'nom de la campagne',
      'utm source',
    ],
  },
  {
    ref: 'marketing.spend',
    name: t('Marketing spend', 'Dépenses marketing'),
    kind: 'number',
    headers: [
      'spend',
      'marketing spend',
      'cost',
      'ad spend',
      'amount spent',
      'actual cost',
      'budget spent',
      'depenses',
      'depenses marketing',
      'cout',
      'couts',
      'montant depense',
      'investissement',
      'cost usd',
      'cost eur',
    ],
  },
  {
    ref: 'marketing.sales_spend',
    name: t('Sales spend', 'Dépenses commerciales'),
    kind: 'number',
    headers: ['sales spend', 'sales cost', 'sales costs', 'depenses commerciales', 'couts commerciaux', 'cout commercial'],
  },
  {
    ref: 'marketing.leads',
    name: t('Leads', 'Leads'),
    kind: 'number',
    headers: [
      'leads',
      'new leads',
      'leads in campaign',
      'contacts',
      'new contacts',
      'prospects',
      'nouveaux leads',
      'nouveaux prospects',
      'nombre de leads',
      'mql',
      'mqls',
    ],
  },
  {
    ref: 'marketing.opportunities',
    name: t('Opportunities', 'Opportunités'),
    kind: 'number',
    headers: [
      'opportunities',
      'opportunities in campaign',
      'new opportunities',
      'opps',
      'sql',
      'sqls',
      'deals created',
      'opportunites',
      'nouvelles opportunites',
      'affaires creees',
    ],
  },
  {
    ref: 'marketing.customers',
    name: t('New customers', 'Nouveaux clients'),
    kind: 'number',
    headers: [
      'new customers',
      'customers won',
      'won opportunities in campaign',
      'new clients',
      'conversions',
      'nouveaux clients',
      'clients gagnes',
      'clients acquis',
    ],
  },
  {
    ref: 'marketing.revenue',
    name: t('Attributed revenue', 'Chiffre d’affaires attribué'),
    kind: 'number',
    headers: [
      'attributed revenue',
      'revenue',
      'value won opportunities in campaign',
      'conversion value',
      'purchase value',
      'chiffre d affaires attribue',
      'chiffre d affaires',
      'ca attribue',
      'ca',
      'revenus',
    ],
  },
  {
    ref: 'marketing.sessions',
    name: t('Visitors / sessions', 'Visiteurs / sessions'),
    kind: 'number',
    headers: [
      'sessions',
      'visitors',
      'visits',
      'users',
      'unique visitors',
      'visiteurs',
      'visites',
      'utilisateurs',
      'visiteurs uniques',
      'clicks',
      'clics',
    ],
  },
  {
    ref: 'marketing.active_customers',
    name: t('Active customers at period end', 'Clients actifs en fin de période'),
    kind: 'number',
    headers: ['active customers', 'customers', 'total customers', 'customer count', 'clients actifs', 'clients', 'nombre de clients'],
  },
  // subscription ledger: one row per customer and month
  {
    ref: 'ledger.customer',
    name: t('Customer', 'Client'),
    kind: 'text',
    headers: [
      'customer',
      'customer id',
      'account',
      'account id',
      'account name',
      'client',
      'id client',
      'compte',
      'company',
      'entreprise',
      'societe',
      'subscriber',
    ],
  },
  {
    ref: 'ledger.month',
    name: t('Month', 'Mois'),
    kind: 'date',
    headers: ['month', 'mois', 'period', 'periode', 'date', 'billing month', 'mois de facturation', 'invoice date'],
  },
  {
    ref: 'ledger.mrr',
    name: t('MRR', 'MRR'),
    kind: 'number',
    headers: [
      'mrr',
      'monthly recurring revenue',
      'revenu recurrent mensuel',
      'amount',
      'montant',
      'mrr amount',
      'subscription amount',
      'montant abonnement',
      'revenue',
      'revenu',
    ],
  },
  // deals: HubSpot deals, Salesforce opportunities, Pipedrive deals exports
  {
    ref: 'deals.id',
    name: t('Deal id', 'Identifiant de l’affaire'),
    kind: 'text',
    headers: [
      'deal id',
      'record id',
      'opportunity id',
      'deal deal id',
      'id',
      'deal name',
      'opportunity name',
      'deal title',
      'nom de l affaire',
      'identifiant',
    ],
  },
  {
    ref: 'deals.owner',
    name: t('Owner', 'Responsable'),
    kind: 'text',
    headers: [
      'owner',
      'deal owner',
      'opportunity owner',
      'deal owner name',
      'responsable',
      'proprietaire',
      'commercial',
      'proprietaire de l affaire',
    ],
  },
  {
    ref: 'deals.created',
    name: t('Created date', 'Date de création'),
    kind: 'date',
    headers: [
      'create date',
      'created date',
      'deal deal created',
      'deal add time',
      'created on',
      'date de creation',
      'cree le',
      'created',
      'creation',
      'date creation',
    ],
  },
  {
    ref: 'deals.closed',
    name: t('Close date', 'Date de clôture'),
    kind: 'date',
    headers: [
      'close date',
      'closed date',
      'deal deal closed on',
      'deal close time',
      'closed on',
      'date de cloture',
      'cloture le',
      'date de fermeture',
      'date cloture',
      'closed',
      'cloture',
    ],
  },
  {
    ref: 'deals.amount',
    name: t('Amount', 'Montant'),
    kind: 'number',
    headers: ['amount', 'deal value', 'deal amount', 'value', 'montant', 'valeur', 'montant de l affaire', 'valeur de l affaire'],
  },
  {
    ref: 'deals.outcome',
    name: t('Stage or status (won / lost / open)', 'Étape ou statut (gagné / perdu / ouvert)'),
    kind: 'text',
    headers: [
      'status',
      'deal status',
      'outcome',
      'stage',
      'deal stage',
      'statut',
      'resultat',
      'etape',
      'etape de l affaire',
      'phase',
      'deal stage name',
    ],
  },
  // orders: one row per order (e-commerce export)
  {
    ref: 'orders.date',
    name: t('Order date', 'Date de commande'),
    kind: 'date',
    headers: [
      'order date',
      'date',
      'created at',
      'paid at',
      'date de commande',
      'date commande',
      'transaction date',
      'date de transaction',
      'day',
      'jour',
    ],
  },
  {
    ref: 'orders.id',
    name: t('Order id', 'Numéro de commande'),
    kind: 'text',
    headers: ['order id', 'order', 'order number', 'name', 'transaction id', 'numero de commande', 'commande', 'id commande', 'id'],
  },
  {
    ref: 'orders.customer',
    name: t('Customer', 'Client'),
    kind: 'text',
    headers: ['customer', 'customer id', 'email', 'customer email', 'client', 'id client', 'e mail'],
  },
  {
    ref: 'orders.amount',
    name: t('Order amount', 'Montant de la commande'),
    kind: 'number',
    headers: [
      'total',
      'amount',
      'order total',
      'revenue',
      'total sales',
      'net sales',
      'subtotal',
      'montant',
      'montant total',
      'total ttc',
      'total ht',
      'chiffre d affaires',
      'ventes',
    ],
  },
  // touchpoints: analytics exports, HubSpot attribution / contact interaction exports, Salesforce campaign members
  {
    ref: 'touches.journey',
    name: t('Journey (customer, user or session id)', 'Parcours (client, utilisateur ou session)'),
    kind: 'text',
    headers: [
      'journey',
      'journey id',
      'user id',
      'visitor id',
      'client id',
      'customer id',
      'contact id',
      'lead id',
      'session id',
      'user pseudo id',
      'parcours',
      'id parcours',
      'id utilisateur',
      'id visiteur',
      'id client',
      'id contact',
      'user',
      'contact',
      'email',
    ],
  },
  {
    ref: 'touches.timestamp',
    name: t('Touch date or time', 'Date ou heure du contact'),
    kind: 'date',
    headers: [
      'timestamp',
      'touch date',
      'touch time',
      'event time',
      'event date',
      'event timestamp',
      'interaction date',
      'activity date',
      'first responded date',
      'date time',
      'datetime',
      'date',
      'time',
      'horodatage',
      'date du contact',
      'date de l interaction',
      'date et heure',
      'date heure',
    ],
  },
  {
    ref: 'touches.channel',
    name: t('Channel', 'Canal'),
    kind: 'text',
    headers: [
      'channel',
      'touchpoint',
      'touch point',
      'interaction source',
      'source',
      'medium',
      'source medium',
      'utm source',
      'original source',
      'lead source',
      'campaign',
      'campaign name',
      'canal',
      'point de contact',
      'source du trafic',
      'campagne',
    ],
  },
  {
    ref: 'touches.converted',
    name: t('Converted (TRUE/1 on converting journeys)', 'Conversion (VRAI/1 sur les parcours convertis)'),
    kind: 'text',
    headers: [
      'converted',
      'conversion',
      'is conversion',
      'conversion flag',
      'has converted',
      'purchased',
      'won',
      'is won',
      'responded',
      'converti',
      'a converti',
      'conversion oui non',
      'achat',
    ],
  },
  {
    ref: 'touches.value',
    name: t('Conversion value', 'Valeur de conversion'),
    kind: 'number',
    headers: [
      'conversion value',
      'value',
      'revenue',
      'amount',
      'order value',
      'deal amount',
      'purchase revenue',
      'valeur de conversion',
      'valeur',
      'montant',
      'chiffre d affaires',
    ],
  },
];

const FIELD_BY_REF = new Map(FIELDS.map((f) => [f.ref, f]));

export function fieldInfo(ref: FieldRef): FieldInfo {
  const f = FIELD_BY_REF.get(ref);
  if (!f) throw new Error(`unknown data field ${ref}`);
  return f;
}

export function datasetOf(ref: FieldRef): DatasetId {
  return ref.slice(0, ref.indexOf('.')) as DatasetId;
}

export function datasetInfo(id: DatasetId): DatasetInfo {
  return DATASETS.find((d) => d.id === id)!;
}

/**
 * A header as compared: lower case, accents stripped, anything not a letter or digit a space,
 * spaces collapsed. "Deal - Deal created" -> "deal deal created"; "Coût (€)" -> "cout".
 */
export function normalise(header: unknown): string {
  return String(header ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
