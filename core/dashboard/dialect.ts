import { DashboardPlan, PlanCell, PlannedSheet } from './plan';
import { EXCEL_NAMESPACE } from '../excel-namespace';

/**
 * Plan formulas are written once, in Google Sheets syntax with bare custom-function names.
 * Two things differ per host and are rendered here, so appliers stay thin:
 * - Excel calls custom functions as KPIPILOT.NAME (EXCEL_NAMESPACE);
 * - open-ended ranges below a header ('Ledger'!A2:A) exist only in Sheets: Excel and
 *   HyperFormula get the same range closed, at maxRows ('Ledger'!A2:A1048576) or at the row
 *   lastRow gives for that sheet (the playground closes each at its own data), never above the
 *   range's first row.
 * Text inside "..." literals and '...' sheet names is never touched.
 */
export type Host = 'sheets' | 'excel' | 'hyperformula';
export const EXCEL_MAX_ROWS = 1048576;

export interface DialectOptions {
  /** Last row of open-ended ranges for Excel and HyperFormula. Default 1,048,576 (Excel's grid); HyperFormula needs its configured maxRows. */
  readonly maxRows?: number;
  /** Last row of each sheet's open-ended ranges, by sheet name; wins over maxRows. */
  readonly lastRow?: (sheet: string) => number;
  readonly namespace?: string;
}

/**
 * Renders one plan formula for a host. O(formula length).
 * @example renderFormula("=NRR('L'!A2:A,'L'!B2:B)", ['NRR'], 'excel') // => "=KPIPILOT.NRR('L'!A2:A1048576,'L'!B2:B1048576)"
 */
export function renderFormula(formula: string, customFunctions: readonly string[], host: Host, options: DialectOptions = {}): string {
  if (host === 'sheets') return formula;
  const maxRows = options.maxRows ?? EXCEL_MAX_ROWS;
  const prefix = host === 'excel' ? `${options.namespace ?? EXCEL_NAMESPACE}.` : '';
  const names = new Set(customFunctions.map((n) => n.toUpperCase()));
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = closing(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      // a quoted sheet name, then possibly an open-ended range after its "!"
      const end = closing(formula, i, "'");
      const quoted = formula.slice(i, end);
      out += quoted;
      i = end;
      const m = /^!(\$?[A-Z]{1,3})(\$?\d+):(\$?[A-Z]{1,3})(?![A-Za-z0-9_(.$])/.exec(formula.slice(i));
      if (m) {
        const sheet = quoted.slice(1, -1).replace(/''/g, "'");
        const last = options.lastRow ? options.lastRow(sheet) : maxRows;
        out += `!${m[1]}${m[2]}:${m[3]}${Math.max(last, Number(m[2].replace('$', '')))}`;
        i += m[0].length;
      }
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i));
      if (m) {
        const word = m[0];
        const isCall = formula[i + word.length] === '(';
        out += isCall && prefix && names.has(word.toUpperCase()) ? prefix + word : word;
        i += word.length;
      } else {
        out += ch;
        i++;
      }
    }
  }
  return out;
}

/** Index just past the literal opening at `start` (a doubled quote stays inside). */
function closing(s: string, start: number, q: string): number {
  let i = start + 1;
  while (i < s.length) {
    if (s[i] === q) {
      if (s[i + 1] === q) i += 2;
      else return i + 1;
    } else i++;
  }
  return s.length;
}

/**
 * A formula's open-ended ranges closed at each sheet's last row (lastRow), for HyperFormula,
 * which has none. The playground closes them at its data sheets' own length: the custom functions
 * that get them (NRR, REVENUE_CHURN...) read every cell of the range on each call, so a range as
 * long as the data keeps a generation quick; rows added later are read after the next one.
 * @example closeOpenRanges("=NRR('Ledger'!A2:A,'Ledger'!C2:C)", () => 900) // => "=NRR('Ledger'!A2:A900,'Ledger'!C2:C900)"
 */
export function closeOpenRanges(formula: string, lastRow: (sheet: string) => number): string {
  return renderFormula(formula, [], 'hyperformula', { lastRow });
}

/** The whole plan rendered for a host (a new plan; the input is not changed). */
export function renderPlan(plan: DashboardPlan, host: Host, options: DialectOptions = {}): DashboardPlan {
  if (host === 'sheets') return plan;
  const sheets: PlannedSheet[] = plan.sheets.map((sheet) => ({
    ...sheet,
    blocks: sheet.blocks.map((block) => {
      const custom = block.customFunctions ?? [];
      const cells = block.cells.map((row) =>
        row.map((c): PlanCell => (c !== null && typeof c === 'object' ? { formula: renderFormula(c.formula, custom, host, options) } : c)),
      );
      return { ...block, cells };
    }),
  }));
  return { ...plan, sheets };
}
