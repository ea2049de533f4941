import { AnchoredRead, ANCHOR_NAMES } from '../../core/dashboard/anchors';
import { DashboardPlan } from '../../core/dashboard/plan';

/**
 * The dashboard's anchors as Excel workbook names (core anchors.ts): Excel moves and grows a
 * name's range as rows and columns are inserted. Everything is queued, never synced here: the
 * caller's next sync carries it.
 */

/** Queued before the dashboard is written: whether each anchor name exists (resolved at the next sync). */
export function queueAnchorLookup(
  context: Excel.RequestContext,
  plan: DashboardPlan,
): { name: string; item: Excel.NamedItem; range: string }[] {
  return (plan.anchors ?? [])
    .filter((a) => a.sheet === 'dashboard')
    .map((a) => {
      const item = context.workbook.names.getItemOrNullObject(a.name);
      item.load('name');
      return { name: a.name, item, range: a.range };
    });
}

/** After that sync: each anchor (re)pointed at its range on the written dashboard. */
export function queueAnchors(
  context: Excel.RequestContext,
  dashboard: Excel.Worksheet,
  lookups: ReturnType<typeof queueAnchorLookup>,
): void {
  for (const l of lookups) {
    if (!l.item.isNullObject) l.item.delete();
    context.workbook.names.add(l.name, dashboard.getRange(l.range));
  }
}

export interface QueuedAnchors {
  /** After the sync: what the anchors hold, null for a name that is gone. */
  read(): AnchoredRead;
}

/** Queues the reads of the as-of, card and (optionally) trend anchors, for the caller's next sync. */
export function queueAnchoredReads(context: Excel.RequestContext, withTrend: boolean): QueuedAnchors {
  const one = (name: string) => {
    const item = context.workbook.names.getItemOrNullObject(name);
    item.load('name');
    const range = item.getRangeOrNullObject();
    range.load('values');
    return () => (item.isNullObject || range.isNullObject ? null : range.values);
  };
  const asOf = one(ANCHOR_NAMES.asOf);
  const cards = one(ANCHOR_NAMES.cards);
  const trend = withTrend ? one(ANCHOR_NAMES.trend) : () => null;
  return {
    read: () => {
      const a = asOf();
      return { asOf: a ? a[0][0] : null, cards: cards(), trend: trend() };
    },
  };
}
