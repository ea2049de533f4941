/**
 * What a host fake shows for each formula of a workbook about to be made share-ready, the same in
 * both hosts' share tests: any number for a native formula (it stays live), a small table with
 * text that looks like a year and like a formula for a KPI Pilot table function (it must be frozen
 * as text, not re-read as a number or formula), a number for the other KPI Pilot functions.
 */
import { maySpill, needsFreezing } from '../../core/dashboard/share';

export function shareTestValue(formula: string, row: number, col: number): unknown {
  if (!needsFreezing(formula)) return row * 1000 + col;
  if (maySpill(formula))
    return [
      ['Channel', 'Value'],
      ['2024', 10 + col],
      ['=Ads', ''],
      ['SEO', 0.5],
    ];
  return formula.length + row / 100;
}
