import { AnchoredRead, ANCHOR_NAMES } from '../../core/dashboard/anchors';
import { DashboardPlan, SheetRole } from '../../core/dashboard/plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The dashboard's anchors as Sheets named ranges (core anchors.ts): Sheets moves and grows a
 * named range as rows and columns are inserted, so the readers find the as-of cell, the cards
 * and the trend wherever they went. Recorded after each generation: one getNamedRanges, then a
 * setRange per anchor already there or a setNamedRange per new one.
 */
export function recordAnchors(ss: Spreadsheet, plan: Pick<DashboardPlan, 'anchors'>, byRole: Partial<Record<SheetRole, Sheet>>): void {
  const anchors = plan.anchors ?? [];
  if (!anchors.length) return;
  const named = new Map(ss.getNamedRanges().map((n) => [n.getName(), n]));
  for (const a of anchors) {
    const sheet = byRole[a.sheet];
    if (!sheet) continue;
    const range = sheet.getRange(a.range);
    const there = named.get(a.name);
    if (there) there.setRange(range);
    else ss.setNamedRange(a.name, range);
  }
}

/** The anchored cells: one getRangeByName and one getValues per anchor asked for; null for an anchor that is gone. */
export function readAnchored(ss: Spreadsheet, withTrend: boolean): AnchoredRead & { asOfRange: Range | null } {
  const get = (name: string) => ss.getRangeByName(name);
  const asOfRange = get(ANCHOR_NAMES.asOf);
  const cards = get(ANCHOR_NAMES.cards);
  const trend = withTrend ? get(ANCHOR_NAMES.trend) : null;
  return {
    asOfRange,
    asOf: asOfRange ? asOfRange.getValue() : null,
    cards: cards ? cards.getValues() : null,
    trend: trend ? trend.getValues() : null,
  };
}
