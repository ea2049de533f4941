import { callFunction, toHostValue } from '../core/hosts';
import { setGridLimits, SHEETS_GRID } from '../core/registry/limits';
import { useSpreadsheetZone } from './spreadsheet-zone';

/**
 * Entry point of every generated Sheets custom function (see scripts/generate/apps-script.ts).
 * Sheets passes ranges as 2-D arrays, dates as Date, blanks as "", omitted arguments as undefined;
 * a thrown Error shows as #ERROR! with its message in the cell's tooltip.
 */
export function callFromSheets(name: string, args: unknown[]): unknown {
  useSpreadsheetZone();
  setGridLimits(SHEETS_GRID);
  const outcome = callFunction(name, args);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return toHostValue(outcome.value);
}
