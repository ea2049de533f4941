import { FUNCTIONS } from '../../core/functions';
import { Result } from '../../core/registry/types';
import { SampleWorkbook } from './company';

/**
 * The Examples sheet: one live formula per function beside the value worked out by hand in the
 * registry (and a few over the sample data beside the generator's own totals), with a check mark.
 * Tables are compared on one representative cell, picked with INDEX: their last non-blank cell.
 */
export const EXAMPLES_HEADER = ['Function', 'Formula', 'Live result', 'Expected', 'Match', 'How the expected value is worked out'];

export function examplesSheet(checks: SampleWorkbook['checks']): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [EXAMPLES_HEADER];
  for (const fn of FUNCTIONS) {
    const { formula, result, working } = fn.example;
    const row = rows.length + 1; // 1-based sheet row of this line
    const [live, expected, where] = liveCell(formula, result);
    rows.push([fn.name, `'${formula}`, live, expected, matchFormula(row, expected), where ? `${working} (${where})` : working]);
  }
  for (const check of checks) {
    const row = rows.length + 1;
    rows.push([
      check.label,
      `'${check.formula}`,
      check.formula,
      check.expected,
      matchFormula(row, check.expected),
      `sample data: ${check.working}`,
    ]);
  }
  return rows;
}

function liveCell(formula: string, result: Result): [string, string | number | boolean, string | null] {
  if (!Array.isArray(result)) return [formula, result, null];
  for (let r = result.length - 1; r >= 0; r--) {
    for (let c = result[r].length - 1; c >= 0; c--) {
      const v = result[r][c];
      if (v !== null) return [`=INDEX(${formula.slice(1)}, ${r + 1}, ${c + 1})`, v, `table cell row ${r + 1}, column ${c + 1}`];
    }
  }
  throw new Error(`example of ${formula} has an empty table`);
}

function matchFormula(row: number, expected: unknown): string {
  return typeof expected === 'number'
    ? `=IF(ISERROR(C${row}), "✗", IF(ABS(C${row}-D${row})<=0.000000001*MAX(1, ABS(D${row})), "✓", "✗"))`
    : `=IF(ISERROR(C${row}), "✗", IF(C${row}=D${row}, "✓", "✗"))`;
}
