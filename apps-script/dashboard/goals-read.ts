import { GoalsReadBack, readGoalsSheet } from '../../core/dashboard/goals-sheet';
import { SheetsState } from './workbook';

/**
 * KPI Goals read back before planning (core goals-merge.ts): ONE getValues over the sheet's data
 * range, whatever the manager added to it. Null when there is no goals sheet of ours yet. Dates
 * come back as Date objects: the caller installs the spreadsheet's zone (useSpreadsheetZone).
 */
export function readGoalsBack(state: SheetsState): GoalsReadBack | null {
  const goals = state.sheets.find((s) => s.marker === 'goals')?.sheet;
  if (!goals) return null;
  return readGoalsSheet(goals.getDataRange().getValues());
}
