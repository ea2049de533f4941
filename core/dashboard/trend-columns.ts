import { KpiId } from './catalog';
import { BuiltFormula, FormulaContext, kpiFormula } from './formulas';

/**
 * The trend table shows exactly the KPIs the manager chose: one column per card that can be
 * computed, in card order. A KPI built from others (LTV from ARPA and MRR churn, pipeline
 * velocity from win rate, deal size and sales cycle) reads their trend cells when they are cards
 * too, and otherwise carries their formula inline, so no column appears that nobody chose and
 * no card depends on a cell the manager cannot see.
 */
export function trendColumns(cards: readonly KpiId[], unmapped: ReadonlySet<KpiId> | ReadonlyMap<KpiId, unknown>): KpiId[] {
  return cards.filter((id) => !unmapped.has(id));
}

export interface TrendCellContext extends Omit<FormulaContext, 'kpiCell'> {
  /** The same-row trend cell of a KPI that has a column. */
  readonly cellOf: (id: KpiId) => string;
}

/**
 * The `kpiCell` a formula of formulas.ts reads other KPIs through: a column KPI's same-row trend
 * cell, any other KPI's own formula written out in brackets (recursively). The custom functions of
 * what is written out are added to `custom`, so the share notice and the freeze see them.
 */
export function columnOrInline(columns: readonly KpiId[], ctx: TrendCellContext, custom: Set<string>): (id: KpiId) => string {
  const resolve =
    (path: readonly KpiId[]) =>
    (other: KpiId): string => {
      if (columns.includes(other)) return ctx.cellOf(other);
      if (path.includes(other)) throw new Error(`KPI ${other} is built from itself (${[...path, other].join(' → ')})`);
      const built = kpiFormula(other, {
        mapping: ctx.mapping,
        options: ctx.options,
        start: ctx.start,
        next: ctx.next,
        kpiCell: resolve([...path, other]),
      });
      built.custom.forEach((c) => custom.add(c));
      return `(${built.text})`;
    };
  return resolve([]);
}

/**
 * One trend cell's formula for a column KPI (columnOrInline for the KPIs it is built from).
 * @example trendFormula('ltv', ['ltv'], ctx).text
 *   // => 'IFERROR((IFERROR((SUMIFS(…))/(COUNTIFS(…)),""))*0.8/(REVENUE_CHURN(…)),"")'
 */
export function trendFormula(id: KpiId, columns: readonly KpiId[], ctx: TrendCellContext): BuiltFormula {
  const custom = new Set<string>();
  const built = kpiFormula(id, {
    mapping: ctx.mapping,
    options: ctx.options,
    start: ctx.start,
    next: ctx.next,
    kpiCell: columnOrInline(columns, ctx, custom),
  });
  built.custom.forEach((c) => custom.add(c));
  return { text: built.text, custom: [...custom] };
}
