import { HyperFormula } from 'hyperformula';
import type { Locale } from '../../core/dashboard/i18n';
import { FUNCTIONS, getFunction } from '../../core/functions';
import { argumentHelp, functionHelp } from '../../core/registry/help-text';
import { KpiFunction } from '../../core/registry/types';

/** One function as autocomplete and the argument hint show it. */
export interface FunctionHelp {
  readonly name: string;
  /** One line: what it gives. */
  readonly help: string;
  readonly params: readonly ParamHelp[];
  readonly minArgs: number;
  /** Infinity when the last argument repeats (SUM). */
  readonly maxArgs: number;
  readonly source: 'kpi' | 'engine';
}

export interface ParamHelp {
  readonly name: string;
  readonly description?: string;
  readonly optional: boolean;
  /** Allowed values of a choice argument, as the user types them (with quotes). */
  readonly choices?: readonly string[];
  readonly default?: string;
  /** The last argument may be repeated. */
  readonly repeats?: boolean;
}

/**
 * Argument names and one-line help for the engine's most used functions; HyperFormula knows their
 * argument counts but not their names. Others are listed with numbered arguments.
 * Each entry: "help | arg1, [arg2], arg3..." where "..." marks a repeating last argument.
 */
const ENGINE_HELP: Record<string, string> = {
  SUM: 'Adds numbers and ranges. | value1, [value2]...',
  AVERAGE: 'Mean of numbers and ranges. | value1, [value2]...',
  MIN: 'Smallest number. | value1, [value2]...',
  MAX: 'Largest number. | value1, [value2]...',
  COUNT: 'Counts the numbers. | value1, [value2]...',
  COUNTA: 'Counts the cells that are not empty. | value1, [value2]...',
  COUNTIF: 'Counts the cells of a range meeting a criterion. | range, criterion',
  COUNTIFS: 'Counts rows meeting every criterion. | criteria_range1, criterion1, [criteria_range2, criterion2]...',
  SUMIF: 'Sums cells whose criteria cell meets a criterion. | range, criterion, [sum_range]',
  SUMIFS: 'Sums cells whose rows meet every criterion. | sum_range, criteria_range1, criterion1, [criteria_range2, criterion2]...',
  AVERAGEIF: 'Mean of cells meeting a criterion. | range, criterion, [average_range]',
  SUMPRODUCT: 'Sum of products of matching cells. | array1, [array2]...',
  IF: 'One value if a condition is true, another if not. | condition, value_if_true, [value_if_false]',
  IFERROR: 'The value, or a fallback when it is an error. | value, value_if_error',
  AND: 'TRUE when every condition is. | condition1, [condition2]...',
  OR: 'TRUE when any condition is. | condition1, [condition2]...',
  NOT: 'The opposite truth value. | condition',
  ROUND: 'Rounds to a number of digits. | number, [digits=0]',
  ROUNDUP: 'Rounds away from zero. | number, [digits=0]',
  ROUNDDOWN: 'Rounds toward zero. | number, [digits=0]',
  ABS: 'Absolute value. | number',
  INDEX: 'The cell of a range at a row and column. | range, row, [column]',
  MATCH: 'Position of a value in a range. | value, range, [match_type=1]',
  VLOOKUP: 'Looks a value up in the first column and returns a cell of its row. | value, range, column, [sorted=TRUE]',
  HLOOKUP: 'Looks a value up in the first row and returns a cell of its column. | value, range, row, [sorted=TRUE]',
  XLOOKUP:
    'Looks a value up and returns the matching cell of another range. | value, lookup_range, return_range, [if_not_found], [match_mode], [search_mode]',
  DATE: 'A date from year, month and day. | year, month, day',
  EOMONTH: 'Last day of the month some months away. | start_date, months',
  EDATE: 'The same day some months away. | start_date, months',
  TODAY: "Today's date. | ",
  YEAR: 'Year of a date. | date',
  MONTH: 'Month of a date (1-12). | date',
  DAY: 'Day of the month of a date. | date',
  TEXT: 'A number as text in a format. | value, format',
  CONCATENATE: 'Joins texts. | text1, [text2]...',
  LEFT: 'First characters of a text. | text, [count=1]',
  RIGHT: 'Last characters of a text. | text, [count=1]',
  LEN: 'Length of a text. | text',
  MEDIAN: 'Median of numbers. | value1, [value2]...',
  STDEV: 'Sample standard deviation. | value1, [value2]...',
  ROWS: 'Number of rows of a range. | range',
  COLUMNS: 'Number of columns of a range. | range',
};

let catalog: FunctionHelp[] | undefined;

/** Every function a formula may call: KPI Pilot's first, then the engine's, sorted by name. Built once. */
export function functionCatalog(): readonly FunctionHelp[] {
  if (catalog) return catalog;
  const kpi = FUNCTIONS.map(fromRegistry);
  const own = new Set(kpi.map((f) => f.name));
  const engine = HyperFormula.getRegisteredFunctionNames('enGB')
    .filter((name) => !own.has(name))
    .map(fromEngine)
    .filter((f): f is FunctionHelp => !!f);
  catalog = [...kpi.sort(byName), ...engine.sort(byName)];
  return catalog;
}

export function findFunction(name: string): FunctionHelp | undefined {
  const upper = name.toUpperCase();
  return functionCatalog().find((f) => f.name === upper);
}

/** Functions whose name starts with the prefix (KPI Pilot's first), then those containing it. */
export function completions(prefix: string, limit = 12): FunctionHelp[] {
  const p = prefix.toUpperCase();
  if (!p) return [];
  const all = functionCatalog();
  const starts = all.filter((f) => f.name.startsWith(p));
  const contains = p.length >= 2 ? all.filter((f) => !f.name.startsWith(p) && f.name.includes(p)) : [];
  return [...starts, ...contains].slice(0, limit);
}

const translated = new Map<string, FunctionHelp>();

/**
 * The function as the page shows it in the locale: a KPI Pilot function's help and argument
 * meanings from the French table when the page is French (English for what the table lacks);
 * the engine's functions keep their English help.
 */
export function helpIn(fn: FunctionHelp, locale: Locale): FunctionHelp {
  const kpi = fn.source === 'kpi' && locale !== 'en' ? getFunction(fn.name) : undefined;
  if (!kpi) return fn;
  const key = `${locale}:${fn.name}`;
  let shown = translated.get(key);
  if (!shown) {
    shown = {
      ...fn,
      help: functionHelp(kpi, locale),
      params: fn.params.map((p) => ({ ...p, description: argumentHelp(kpi, p.name, locale) ?? p.description })),
    };
    translated.set(key, shown);
  }
  return shown;
}

/** `CAC(marketing_spend, new_customers, [sales_spend])`; repeating arguments end in "...". */
export function signatureOf(fn: FunctionHelp): string {
  const parts = fn.params.map((p) => {
    const inner = p.default !== undefined ? `${p.name}=${p.default}` : p.name;
    return (p.optional ? `[${inner}]` : inner) + (p.repeats ? '...' : '');
  });
  return `${fn.name}(${parts.join(', ')})`;
}

/** "2 arguments", "2 to 3 arguments", "at least 1 argument". */
export function argumentCount(fn: FunctionHelp): string {
  const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;
  if (fn.maxArgs === Infinity) return `at least ${plural(fn.minArgs)}`;
  if (fn.minArgs === fn.maxArgs) return plural(fn.minArgs);
  return `${fn.minArgs} to ${plural(fn.maxArgs)}`;
}

/**
 * The known function closest to an unknown name ("SUMM" -> "SUM", "KPIBY" -> "KPI_BY"), by
 * edit distance with swaps counted once, ignoring "_" and "."; undefined when nothing is close
 * (at most 2 edits, 1 for short names). O(functions × name length²).
 */
export function suggestName(unknown: string): string | undefined {
  const plain = (s: string) => s.toUpperCase().replace(/[_.]/g, '');
  const u = plain(unknown);
  const limit = u.length <= 4 ? 1 : 2;
  let best: { name: string; d: number } | undefined;
  for (const f of functionCatalog()) {
    const d = editDistance(u, plain(f.name));
    if (d <= limit && (!best || d < best.d || (d === best.d && f.source === 'kpi' && findFunction(best.name)?.source !== 'kpi')))
      best = { name: f.name, d };
  }
  return best?.name;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const byName = (a: FunctionHelp, b: FunctionHelp) => a.name.localeCompare(b.name);

function fromRegistry(fn: KpiFunction): FunctionHelp {
  const params = fn.params.map((p) => ({
    name: p.name,
    description: p.description,
    optional: !!p.optional,
    choices: p.choices?.map((c) => `"${c}"`),
    default:
      p.default === undefined
        ? undefined
        : typeof p.default === 'string'
          ? `"${p.default}"`
          : String(p.default).toUpperCase() === 'TRUE' || String(p.default).toUpperCase() === 'FALSE'
            ? String(p.default).toUpperCase()
            : String(p.default),
  }));
  return { name: fn.name, help: fn.help, params, minArgs: params.filter((p) => !p.optional).length, maxArgs: params.length, source: 'kpi' };
}

interface EngineParam {
  optionalArg?: boolean;
  defaultValue?: unknown;
}

function fromEngine(name: string): FunctionHelp | undefined {
  let meta: { parameters?: EngineParam[]; repeatLastArgs?: number } | undefined;
  try {
    const plugin = HyperFormula.getFunctionPlugin(name) as unknown as
      | { implementedFunctions: Record<string, { parameters?: EngineParam[]; repeatLastArgs?: number }> }
      | undefined;
    meta = plugin?.implementedFunctions[name];
  } catch {
    meta = undefined;
  }
  const engineParams = meta?.parameters ?? [];
  const repeats = !!meta?.repeatLastArgs;
  const optional = (p: EngineParam) => !!p.optionalArg || p.defaultValue !== undefined;
  const minArgs = engineParams.filter((p) => !optional(p)).length;
  const maxArgs = repeats ? Infinity : engineParams.length;
  const known = ENGINE_HELP[name];
  if (known) {
    const [help, args] = known.split(' | ');
    const params = args.trim() ? args.split(/,\s*(?![^[]*\])/).map(parseParam) : [];
    return { name, help, params, minArgs, maxArgs, source: 'engine' };
  }
  const params: ParamHelp[] = engineParams.map((p, i) => ({
    name: `arg${i + 1}`,
    optional: optional(p),
    repeats: repeats && i === engineParams.length - 1,
  }));
  return { name, help: 'Spreadsheet function (HyperFormula).', params, minArgs, maxArgs, source: 'engine' };
}

/** "[digits=0]" -> optional digits defaulting to 0; "value2]..." repeats. */
function parseParam(text: string): ParamHelp {
  const repeats = text.endsWith('...');
  const core = text.replace(/\.\.\.$/, '');
  const optional = core.startsWith('[');
  const [name, def] = core.replace(/^\[|\]$/g, '').split('=');
  return { name, optional, default: def, repeats };
}
