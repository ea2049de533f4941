import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import type { ProcedureAst } from 'hyperformula/typings/parser';
import { ErrorCode } from '../../core/errors';
import { callDefinition } from '../../core/hosts';
import { KpiFunction, Result } from '../../core/registry/types';

/**
 * The registry as a HyperFormula function plugin: every KPI Pilot function with the same argument
 * rules and messages as in the add-ins. HyperFormula reserves a spill area before it evaluates,
 * so table functions report their size by computing their result (cheap at playground scale);
 * when that is impossible yet (inputs not computed), the workbook re-enters the formula once the
 * real size is known (see SpillSizes and workbook.ts).
 */
const TO_HF: Record<ErrorCode, ErrorType> = {
  '#VALUE!': ErrorType.VALUE,
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
};
const FROM_HF: Partial<Record<string, ErrorCode>> = {
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.NA]: '#N/A',
};

/** Spill sizes seen per formula cell, so a re-entered formula reserves the right area. */
export class SpillSizes {
  private readonly known = new Map<string, { width: number; height: number }>();
  /** Cells whose reserved area differed from their result: to re-enter. */
  readonly mismatched = new Set<string>();

  static key(sheet: number, row: number, col: number): string {
    return `${sheet}:${row}:${col}`;
  }
  get(key: string) {
    return this.known.get(key);
  }
  record(key: string, size: { width: number; height: number }, reserved: { width: number; height: number } | undefined): void {
    this.known.set(key, size);
    if (reserved && (reserved.width !== size.width || reserved.height !== size.height)) this.mismatched.add(key);
  }
}

export const spillSizes = new SpillSizes();
const reservedSizes = new Map<string, { width: number; height: number }>();

/** A HyperFormula value as a host cell: ranges become 2-D arrays, empties null, errors { code, message }. */
function toHostArg(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toHostCell));
  return toHostCell(v);
}

function toHostCell(v: unknown): unknown {
  if (v === EmptyValue) return null;
  if (v instanceof CellError) return { code: FROM_HF[v.type] ?? '#VALUE!', message: v.message || `an input cell holds #${v.type}` };
  if (typeof v === 'object' && v !== null && 'val' in v) return Number((v as { val: number }).val); // typed numbers (dates, percents)
  return v;
}

function toHfValue(result: Result): unknown {
  if (!Array.isArray(result)) return result;
  return SimpleRangeValue.onlyValues(result.map((row) => row.map((c) => (c === null ? EmptyValue : c))) as never);
}

type PluginThis = FunctionPlugin & {
  runFunction: (args: unknown[], state: InterpreterState, metadata: unknown, impl: (...a: unknown[]) => unknown) => unknown;
  metadata: (name: string) => unknown;
};

/**
 * The last table each formula cell computed, with the arguments it was computed from. HyperFormula
 * asks a table function for its size and then for its value, one right after the other; the
 * functions are pure, so when the arguments are the same the value is reused instead of computed
 * twice (a fit or an attribution model costs hundreds of milliseconds). O(argument cells) to compare.
 */
const lastTables = new Map<string, { fn: KpiFunction; args: unknown[]; value: unknown }>();

function sameArgs(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameArgs(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const x = a as { code?: unknown; message?: unknown };
    const y = b as { code?: unknown; message?: unknown };
    return x.code === y.code && x.message === y.message;
  }
  return false;
}

function evaluate(self: PluginThis, fn: KpiFunction, ast: ProcedureAst, state: InterpreterState, reuse?: string): unknown {
  return self.runFunction(ast.args, state, self.metadata(fn.name), (...args: unknown[]) => {
    const hostArgs = args.map(toHostArg);
    if (reuse) {
      const last = lastTables.get(reuse);
      lastTables.delete(reuse);
      if (last && last.fn === fn && sameArgs(last.args, hostArgs)) return last.value;
    }
    const outcome = callDefinition(fn, hostArgs);
    const value = outcome.ok ? toHfValue(outcome.value) : new CellError(TO_HF[outcome.error.code], outcome.error.message);
    if (fn.result === 'table' && !reuse)
      lastTables.set(SpillSizes.key(state.formulaAddress.sheet, state.formulaAddress.row, state.formulaAddress.col), {
        fn,
        args: hostArgs,
        value,
      });
    return value;
  });
}

export function createKpiPlugin(functions: readonly KpiFunction[]): typeof FunctionPlugin {
  class KpiPilotPlugin extends FunctionPlugin {}
  const implemented: ImplementedFunctions = {};
  const proto = KpiPilotPlugin.prototype as unknown as Record<string, unknown>;
  for (const fn of functions) {
    const method = `kpi${fn.name}`;
    implemented[fn.name] = {
      method,
      parameters: fn.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: !!p.optional })),
      vectorizationForbidden: true,
      ...(fn.result === 'table' ? { sizeOfResultArrayMethod: `${method}Size` } : {}),
    };
    proto[method] = function (this: PluginThis, ast: ProcedureAst, state: InterpreterState) {
      const value = evaluate(
        this,
        fn,
        ast,
        state,
        fn.result === 'table' ? SpillSizes.key(state.formulaAddress.sheet, state.formulaAddress.row, state.formulaAddress.col) : undefined,
      );
      if (fn.result === 'table') {
        const { sheet, row, col } = state.formulaAddress;
        const key = SpillSizes.key(sheet, row, col);
        const size = value instanceof SimpleRangeValue ? { width: value.width(), height: value.height() } : { width: 1, height: 1 };
        spillSizes.record(key, size, reservedSizes.get(key));
      }
      return value;
    };
    if (fn.result === 'table') {
      proto[`${method}Size`] = function (this: PluginThis, ast: ProcedureAst, state: InterpreterState) {
        const { sheet, row, col } = state.formulaAddress;
        const key = SpillSizes.key(sheet, row, col);
        let size: { width: number; height: number };
        try {
          const value = evaluate(this, fn, ast, state);
          size = value instanceof SimpleRangeValue ? { width: value.width(), height: value.height() } : { width: 1, height: 1 };
        } catch {
          // inputs not computed yet: the last size seen here, corrected after evaluation if wrong
          size = spillSizes.get(key) ?? { width: 1, height: 1 };
        }
        reservedSizes.set(key, size);
        return new ArraySize(size.width, size.height);
      };
    }
  }
  KpiPilotPlugin.implementedFunctions = implemented;
  return KpiPilotPlugin;
}

/** English names for the plugin's functions (HyperFormula wants a translation per function id). */
export function functionTranslations(functions: readonly KpiFunction[]): Record<string, string> {
  return Object.fromEntries(functions.map((f) => [f.name, f.name]));
}
