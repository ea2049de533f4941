import { EXCEL_NAMESPACE } from '../../excel-namespace';
import { FUNCTIONS } from '../../functions';

/**
 * Which formulas call KPI Pilot: decided from the registry's function names, so a function added
 * to the registry is recognised everywhere without a second list. Excel writes our functions as
 * KPIPILOT.NAME (EXCEL_NAMESPACE) and an .xlsx saved without the add-in may carry _xludf.NAME;
 * Sheets and HyperFormula use the bare name. Text inside "string literals" and 'quoted sheet
 * names' is never read as a call.
 */
const KPI_NAMES: ReadonlySet<string> = new Set(FUNCTIONS.map((f) => f.name));
const TABLE_NAMES: ReadonlySet<string> = new Set(FUNCTIONS.filter((f) => f.result === 'table').map((f) => f.name));

/** Strings and quoted sheet names blanked out, so a call-shaped text inside them is not a call. */
function code(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, (s) => ' '.repeat(s.length));
}

/** A name followed by "(", not preceded by a name character (so MY.MRR( is MY.MRR, not MRR). */
/** Excel's namespace, and what a file saved without the add-in puts before an unknown function. */
const PREFIX = new RegExp(`^(${EXCEL_NAMESPACE}\\.|_XLUDF\\.|_XLDUDF_)+`, 'i');

const CALL = /(?<![A-Za-z0-9_.$])([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g;

/**
 * The KPI Pilot functions a formula calls (bare upper-case names, each once, in order of first use).
 * @example kpiCalls('=IFERROR(KPIPILOT.REVENUE_CHURN(A2:A9,B2:B9,C1),"MRR(")') // => ['REVENUE_CHURN']
 */
export function kpiCalls(formula: unknown): string[] {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return [];
  const out: string[] = [];
  for (const m of code(formula).matchAll(CALL)) {
    const name = m[1].toUpperCase().replace(PREFIX, '');
    if (KPI_NAMES.has(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Whether a cell's formula calls any KPI Pilot function (false for values and native formulas). */
export function callsKpiPilot(formula: unknown): boolean {
  return kpiCalls(formula).length > 0;
}

/**
 * Native functions of the dynamic-array generation (Excel 365, Google Sheets, HyperFormula) that
 * Excel 2019 and LibreOffice before 24.8 show as #NAME?. The generated sheets use a few (the
 * ranked Customers at risk and Commissions tables: SORT, FILTER, HSTACK over KPI Pilot results),
 * so a share-ready workbook freezes them too: it must read the same in any spreadsheet app.
 */
export const DYNAMIC_ARRAY_FUNCTIONS: ReadonlySet<string> = new Set([
  'FILTER',
  'SORT',
  'SORTBY',
  'UNIQUE',
  'SEQUENCE',
  'RANDARRAY',
  'HSTACK',
  'VSTACK',
  'TOCOL',
  'TOROW',
  'WRAPROWS',
  'WRAPCOLS',
  'TAKE',
  'DROP',
  'CHOOSECOLS',
  'CHOOSEROWS',
  'EXPAND',
  'XLOOKUP',
  'XMATCH',
  'LET',
  'LAMBDA',
  'TEXTSPLIT',
  'TEXTBEFORE',
  'TEXTAFTER',
]);

function calls(formula: unknown, names: ReadonlySet<string>): string[] {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return [];
  const out: string[] = [];
  for (const m of code(formula).matchAll(CALL)) {
    const name = m[1].toUpperCase().replace(/^(_XLFN\._XLWS\.|_XLFN\.|_XLWS\.)/, '');
    if (names.has(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** What the share-ready freeze replaces by values: KPI Pilot calls and dynamic-array natives (see above). */
export function needsFreezing(formula: unknown): boolean {
  return callsKpiPilot(formula) || calls(formula, DYNAMIC_ARRAY_FUNCTIONS).length > 0;
}

/** Whether the formula may spill a table (a KPI Pilot function returning a table, or a dynamic-array native); others fill their own cell. */
export function maySpill(formula: unknown): boolean {
  return kpiCalls(formula).some((n) => TABLE_NAMES.has(n)) || calls(formula, DYNAMIC_ARRAY_FUNCTIONS).length > 0;
}
