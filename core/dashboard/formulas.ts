import { openColumn, wholeColumn } from './a1';
import { KpiId } from './catalog';
import { datasetInfo, datasetOf, FieldRef } from './fields';
import { DataMapping, SetupOptions } from './setup';

/**
 * Builds the spreadsheet formula of each KPI for one period (one row of the trend table).
 * Native formulas (SUMIFS, COUNTIFS, division, IFERROR) read whole columns of the mapped data
 * sheets, so they keep working as rows are added and a header row is ignored. Only the KPIs
 * that need per-customer matching of a ledger (MRR churn, NRR, GRR) call custom functions, with
 * open-ended ranges below the header (see a1.openColumn and dialect.ts).
 *
 * Periods: a row counts in the period when its date is >= start and < next (next = start of the
 * following period), so timestamps within the last day count too.
 */
export interface FormulaContext {
  readonly mapping: DataMapping;
  readonly options: SetupOptions;
  /** Cell (with $ column) holding the period start, e.g. $L5. */
  readonly start: string;
  /** Cell holding the next period's start, e.g. $M5. */
  readonly next: string;
  /** Same-row cell of another KPI's column. */
  readonly kpiCell: (id: KpiId) => string;
}

export interface BuiltFormula {
  /** Without the leading "=". */
  readonly text: string;
  /** Custom functions it calls (bare names). */
  readonly custom: readonly string[];
}

export function kpiFormula(id: KpiId, ctx: FormulaContext): BuiltFormula {
  const f = new Builder(ctx);
  const text = BUILDERS[id](f, ctx);
  return { text, custom: [...f.custom] };
}

class Builder {
  readonly custom = new Set<string>();
  constructor(private readonly ctx: FormulaContext) {}

  /** 'Sheet'!C:C of a mapped field. */
  col(ref: FieldRef): string {
    const { sheet, column } = this.where(ref);
    return wholeColumn(sheet, column);
  }

  /** 'Sheet'!C2:C: the field's cells below the header, for custom functions. */
  open(ref: FieldRef): string {
    const { sheet, column, headerRow } = this.where(ref);
    return openColumn(sheet, column, headerRow + 1);
  }

  private where(ref: FieldRef): { sheet: string; column: string; headerRow: number } {
    const ds = this.ctx.mapping[datasetOf(ref)];
    const column = ds?.columns[ref.slice(ref.indexOf('.') + 1)];
    if (!ds || !column) throw new Error(`${ref} is not mapped`); // the planner checks mapping first
    return { sheet: ds.sheet, column, headerRow: ds.headerRow };
  }

  /** SUMIFS/COUNTIFS criteria placing a row of the field's dataset in the period. */
  window(ref: FieldRef, start = this.ctx.start, next = this.ctx.next): string {
    const date = this.col(datasetInfo(datasetOf(ref)).dateField);
    return `${date},">="&${start},${date},"<"&${next}`;
  }

  sum(ref: FieldRef, extra = ''): string {
    return `SUMIFS(${this.col(ref)},${this.window(ref)}${extra})`;
  }

  count(ref: FieldRef, extra = ''): string {
    return `COUNTIFS(${this.window(ref)}${extra})`;
  }

  /** Extra criterion: field matches a COUNTIFS pattern (text). */
  like(ref: FieldRef, pattern: string): string {
    return `,${this.col(ref)},"${pattern}"`;
  }

  call(name: string, args: string): string {
    this.custom.add(name);
    return `${name}(${args})`;
  }
}

const div = (num: string, den: string) => `IFERROR((${num})/(${den}),"")`;
const ledger = (f: Builder) => `${f.open('ledger.customer')},${f.open('ledger.month')},${f.open('ledger.mrr')}`;
const won = (f: Builder, o: SetupOptions) => f.like('deals.outcome', o.wonPattern);
const lost = (f: Builder, o: SetupOptions) => f.like('deals.outcome', o.lostPattern);
/** Deals closed in the period with a created date, won or lost. */
const closedCount = (f: Builder, o: SetupOptions) =>
  `${f.count('deals.closed', f.like('deals.created', '>0') + won(f, o))}+${f.count('deals.closed', f.like('deals.created', '>0') + lost(f, o))}`;

/** Numerator and denominator of the ratio KPIs (catalog `ratio`), each a formula for the period. */
export interface RatioParts {
  readonly numerator: string;
  readonly denominator: string;
}

/**
 * Ratio KPIs whose parts are each one column of the marketing sheet (CAC adds sales spend when it
 * is mapped): with a channel column they can also be split by channel (channelChangeFormula).
 */
const MARKETING_PARTS = {
  cpl: ['marketing.spend', 'marketing.leads'],
  cac: ['marketing.spend', 'marketing.customers'],
  lead_to_opp: ['marketing.opportunities', 'marketing.leads'],
  conversion_rate: ['marketing.customers', 'marketing.leads'],
  roas: ['marketing.revenue', 'marketing.spend'],
} as const satisfies Partial<Record<KpiId, readonly [FieldRef, FieldRef]>>;
type MarketingRatio = keyof typeof MARKETING_PARTS;

const summed = (id: MarketingRatio) => (f: Builder) => ({
  numerator: f.sum(MARKETING_PARTS[id][0]),
  denominator: f.sum(MARKETING_PARTS[id][1]),
});

const RATIO_PARTS: Partial<Record<KpiId, (f: Builder, ctx: FormulaContext) => RatioParts>> = {
  cpl: summed('cpl'),
  cac: (f, ctx) => {
    const sales = ctx.mapping.marketing?.columns.sales_spend ? `+${f.sum('marketing.sales_spend')}` : '';
    return { numerator: `${f.sum(MARKETING_PARTS.cac[0])}${sales}`, denominator: f.sum(MARKETING_PARTS.cac[1]) };
  },
  lead_to_opp: summed('lead_to_opp'),
  conversion_rate: summed('conversion_rate'),
  roas: summed('roas'),
  referral_share: (f, ctx) => ({
    numerator: f.sum('marketing.leads', f.like('marketing.channel', ctx.options.referralPattern)),
    denominator: f.sum('marketing.leads'),
  }),
  arpa: (f) => ({ numerator: f.sum('ledger.mrr'), denominator: f.count('ledger.month', f.like('ledger.mrr', '>0')) }),
  ltv: (_f, ctx) => ({ numerator: `${ctx.kpiCell('arpa')}*${ctx.options.grossMargin}`, denominator: ctx.kpiCell('mrr_churn') }),
  ltv_cac: (_f, ctx) => ({ numerator: ctx.kpiCell('ltv'), denominator: ctx.kpiCell('cac') }),
  cac_payback: (_f, ctx) => ({ numerator: ctx.kpiCell('cac'), denominator: `${ctx.kpiCell('arpa')}*${ctx.options.grossMargin}` }),
  win_rate: (f, ctx) => {
    const w = f.count('deals.closed', won(f, ctx.options));
    return { numerator: w, denominator: `${w}+${f.count('deals.closed', lost(f, ctx.options))}` };
  },
  avg_deal_size: (f, ctx) => ({
    numerator: f.sum('deals.amount', won(f, ctx.options)),
    denominator: f.count('deals.closed', won(f, ctx.options)),
  }),
  sales_cycle: (f, ctx) => {
    const o = ctx.options;
    const has = f.like('deals.created', '>0');
    const closedSum = `${f.sum('deals.closed', has + won(f, o))}+${f.sum('deals.closed', has + lost(f, o))}`;
    const createdSum = `${f.sum('deals.created', has + won(f, o))}+${f.sum('deals.created', has + lost(f, o))}`;
    return { numerator: `${closedSum}-(${createdSum})`, denominator: closedCount(f, o) };
  },
  aov: (f) => ({ numerator: f.sum('orders.amount'), denominator: f.count('orders.date') }),
  ecom_conversion: (f) => ({ numerator: f.count('orders.date'), denominator: f.sum('marketing.sessions') }),
};

/** The numerator and denominator formulas of a ratio KPI for one period, or undefined for other KPIs. */
export function ratioPartFormulas(id: KpiId, ctx: FormulaContext): (RatioParts & { readonly custom: readonly string[] }) | undefined {
  const parts = RATIO_PARTS[id];
  if (!parts) return undefined;
  const f = new Builder(ctx);
  return { ...parts(f, ctx), custom: [...f.custom] };
}

/**
 * The KPI's change from the period starting at previousStart to the current one, by channel, as a
 * KPI_CHANGE_DRIVERS sentence over the marketing sheet; undefined when the KPI is not a one-column
 * marketing ratio or no channel column is mapped (or, for CAC, sales spend is: it has no channel).
 */
export function channelChangeFormula(
  id: KpiId,
  ctx: FormulaContext,
  previousStart: string,
  language: 'en' | 'fr',
): BuiltFormula | undefined {
  const m = ctx.mapping.marketing?.columns;
  if (!(id in MARKETING_PARTS) || !m?.channel || (id === 'cac' && m.sales_spend)) return undefined;
  const [num, den] = MARKETING_PARTS[id as MarketingRatio];
  if (![num, den].every((ref) => m[ref.slice(ref.indexOf('.') + 1)])) return undefined;
  const f = new Builder(ctx);
  const args = [
    f.open('marketing.channel'),
    f.open(num),
    f.open(den),
    f.open('marketing.date'),
    previousStart,
    ctx.start,
    ctx.next,
    '2',
    `"${language}"`,
  ];
  // KPI_CHANGE_DRIVERS says in words why a split cannot be made; an error here is the add-in missing or a bad data cell
  const fallback =
    language === 'fr'
      ? 'Il faut le module KPI Pilot pour répartir par canal (ou une cellule de Marketing n’est ni un nombre ni une date)'
      : 'Needs the KPI Pilot add-in to split by channel (or a Marketing cell that is not a number or a date)';
  return { text: `IFERROR(${f.call('KPI_CHANGE_DRIVERS', args.join(','))},"${fallback}")`, custom: [...f.custom] };
}

/** The KPIs whose formula is one of RATIO_PARTS. */
export const RATIO_KPIS = Object.keys(RATIO_PARTS) as KpiId[];

/** A ratio KPI's formula: its parts divided, blank when the denominator is 0 or a part is blank. */
const ratioOf = (id: KpiId) => (f: Builder, ctx: FormulaContext) => {
  const p = RATIO_PARTS[id]!(f, ctx);
  return div(p.numerator, p.denominator);
};

const BUILDERS: Record<KpiId, (f: Builder, ctx: FormulaContext) => string> = {
  leads: (f) => f.sum('marketing.leads'),
  sessions: (f) => f.sum('marketing.sessions'),
  opportunities: (f) => f.sum('marketing.opportunities'),
  cpl: ratioOf('cpl'),
  cac: ratioOf('cac'),
  lead_to_opp: ratioOf('lead_to_opp'),
  conversion_rate: ratioOf('conversion_rate'),
  romi: (f, ctx) => {
    const spend = f.sum('marketing.spend');
    return div(`${f.sum('marketing.revenue')}*${ctx.options.grossMargin}-${spend}`, spend);
  },
  roas: ratioOf('roas'),
  referral_share: ratioOf('referral_share'),
  retention_rate: (f, ctx) => {
    const prev = `SUMIFS(${f.col('marketing.active_customers')},${f.window('marketing.date', `EDATE(${ctx.start},-1)`, ctx.start)})`;
    return div(`${f.sum('marketing.active_customers')}-${f.sum('marketing.customers')}`, prev);
  },
  mrr: (f) => f.sum('ledger.mrr'),
  arr: (f) => `12*${f.sum('ledger.mrr')}`,
  arpa: ratioOf('arpa'),
  mrr_churn: (f, ctx) => f.call('REVENUE_CHURN', `${ledger(f)},${ctx.start}`),
  nrr: (f, ctx) => f.call('NRR', `${ledger(f)},EDATE(${ctx.start},-${ctx.options.nrrMonths}),${ctx.start}`),
  grr: (f, ctx) => f.call('GRR', `${ledger(f)},EDATE(${ctx.start},-${ctx.options.nrrMonths}),${ctx.start}`),
  ltv: (_f, ctx) => `IFERROR(${ctx.kpiCell('arpa')}*${ctx.options.grossMargin}/${ctx.kpiCell('mrr_churn')},"")`,
  ltv_cac: ratioOf('ltv_cac'),
  cac_payback: ratioOf('cac_payback'),
  win_rate: ratioOf('win_rate'),
  avg_deal_size: ratioOf('avg_deal_size'),
  sales_cycle: ratioOf('sales_cycle'),
  pipeline_velocity: (f, ctx) => {
    // open at the end of the period: created before next, and not closed (won or lost) before next
    const created = f.col('deals.created');
    const closed = f.col('deals.closed');
    const before = `${created},"<"&${ctx.next}`;
    const closedBefore = `${closed},"<"&${ctx.next}`;
    const open = `COUNTIFS(${before})-COUNTIFS(${before},${closedBefore}${won(f, ctx.options)})-COUNTIFS(${before},${closedBefore}${lost(f, ctx.options)})`;
    return `IFERROR((${open})*${ctx.kpiCell('win_rate')}*${ctx.kpiCell('avg_deal_size')}/${ctx.kpiCell('sales_cycle')},"")`;
  },
  order_revenue: (f) => f.sum('orders.amount'),
  orders: (f) => f.count('orders.date'),
  aov: ratioOf('aov'),
  ecom_conversion: ratioOf('ecom_conversion'),
};
