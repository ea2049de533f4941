import { RangeArg } from '../args/range';

/** How a parameter is read from the host before the implementation sees it. */
export type ParamKind = 'range' | 'number' | 'date' | 'text' | 'choice' | 'boolean';

/** What each kind becomes: dates are day serials (Excel 1900 system), choices lower-case. */
export interface KindValue {
  range: RangeArg;
  number: number;
  date: number;
  text: string;
  choice: string;
  boolean: boolean;
}

export interface ParamSpec<K extends ParamKind = ParamKind> {
  readonly name: string;
  readonly description: string;
  readonly kind: K;
  readonly optional?: boolean;
  /** Used when the argument is omitted or blank. An optional param without default arrives as undefined. */
  readonly default?: K extends 'range' ? never : KindValue[K];
  /** For kind 'choice': the accepted values, lower-case. */
  readonly choices?: readonly string[];
  /** For kind 'number': inclusive bounds checked by the runner (#NUM! outside). */
  readonly min?: number;
  readonly max?: number;
}

export type TableCell = number | string | boolean | null;
export type Table = TableCell[][];
export type Result = number | string | boolean | Table;
export type ResultKind = 'number' | 'text' | 'table';

type ArgOf<P> =
  P extends ParamSpec<infer K>
    ? P extends { optional: true }
      ? P extends { default: unknown }
        ? KindValue[K]
        : KindValue[K] | undefined
      : KindValue[K]
    : never;

export type ArgsOf<Ps extends readonly ParamSpec[]> = { -readonly [I in keyof Ps]: ArgOf<Ps[I]> };

export interface Example {
  /** A formula a user can paste into Sheets or Excel (Excel adds the KPI. prefix), with array literals. */
  readonly formula: string;
  /** The value worked out by hand, shown in the reference and checked by the tests. */
  readonly result: Result;
  /** How that value is worked out. */
  readonly working: string;
}

export interface KpiFunction {
  readonly name: string;
  readonly section: string;
  /** One line, shown in autocomplete. */
  readonly help: string;
  /** Longer explanation for the reference: definition, conventions, sources. */
  readonly details?: string;
  readonly params: readonly ParamSpec[];
  readonly result: ResultKind;
  readonly example: Example;
  /** Function-specific errors for the reference ("#DIV/0! when new_customers sums to 0"). */
  readonly errors: readonly string[];
  readonly impl: (...args: never[]) => Result;
}

/**
 * Declares a function with its parameters; the implementation's argument types follow from the
 * parameter kinds (a range param arrives as RangeArg, a date as a day serial, and so on).
 */
export function defineFunction<const Ps extends readonly ParamSpec[]>(def: {
  name: string;
  section: string;
  help: string;
  details?: string;
  params: Ps;
  result: ResultKind;
  example: Example;
  errors?: readonly string[];
  impl: (...args: ArgsOf<Ps>) => Result;
}): KpiFunction {
  return { ...def, errors: def.errors ?? [], impl: def.impl as unknown as (...args: never[]) => Result };
}
