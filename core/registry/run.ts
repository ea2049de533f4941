import { RangeArg } from '../args/range';
import { Cell, RawArg, describe, errorFromCell, isBlank, requireDate } from '../args/cells';
import { requireFraction } from '../args/fraction';
import { KpiError, numError, valueError } from '../errors';
import { requireFits } from './limits';
import { KpiFunction, ParamSpec, Result, Table } from './types';

/**
 * Runs one registry function on raw host arguments: reads each argument by its kind, applies
 * defaults, calls the implementation and checks the result. Throws KpiError only; any other
 * exception is a bug and is reported as such rather than as a wrong number.
 */
export function runFunction(fn: KpiFunction, rawArgs: readonly unknown[]): Result {
  if (rawArgs.length > fn.params.length) {
    throw valueError(`${fn.name} takes at most ${fn.params.length} arguments, got ${rawArgs.length}`);
  }
  const args = fn.params.map((p, i) => readArg(fn, p, rawArgs[i] as RawArg));
  let result: Result;
  try {
    result = (fn.impl as (...a: unknown[]) => Result)(...args);
  } catch (e) {
    if (e instanceof KpiError) throw e;
    throw new KpiError('#VALUE!', `${fn.name} failed unexpectedly (${e instanceof Error ? e.message : String(e)}); please report this`);
  }
  return checkResult(fn, result);
}

function readArg(fn: KpiFunction, p: ParamSpec, raw: RawArg): unknown {
  if (p.kind === 'range') {
    // An optional range left blank is omitted; a required one reads as a range with no numbers.
    if (raw === undefined || raw === null || (p.optional && isAbsent(raw))) {
      if (p.optional) return undefined;
      throw valueError(`${p.name} is required`);
    }
    return new RangeArg(p.name, raw);
  }
  const v = single(p, raw);
  if (isBlank(v)) {
    if (p.optional) return p.default;
    throw valueError(`${p.name} is required`);
  }
  const err = errorFromCell(v);
  if (err) throw err;
  switch (p.kind) {
    case 'number': {
      if (typeof v !== 'number') throw valueError(`${p.name}: ${describe(v)} is not a number`);
      if (!Number.isFinite(v)) throw numError(`${p.name}: ${v} is not a finite number`);
      if (p.min === 0 && p.max === 1) return requireFraction(p.name, v);
      if (p.min !== undefined && v < p.min) throw numError(`${p.name} must be at least ${p.min}, got ${v}`);
      if (p.max !== undefined && v > p.max) throw numError(`${p.name} must be at most ${p.max}, got ${v}`);
      return v;
    }
    case 'date':
      return requireDate(v, p.name);
    case 'text':
      return String(v);
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === 1 || v === 0) return v === 1;
      if (typeof v === 'string' && /^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
      throw valueError(`${p.name}: ${describe(v)} is not TRUE or FALSE`);
    case 'choice': {
      const choice = String(v).trim().toLowerCase();
      const choices = p.choices ?? [];
      if (!choices.includes(choice)) {
        throw valueError(`${p.name}: ${describe(v)} is not one of ${choices.map((c) => `"${c}"`).join(', ')}`);
      }
      return choice;
    }
  }
  throw valueError(`${fn.name}: unknown parameter kind`);
}

function isAbsent(raw: RawArg): boolean {
  if (isBlank(raw)) return true;
  if (Array.isArray(raw)) return raw.every((row) => (Array.isArray(row) ? row.every(isBlank) : isBlank(row)));
  return false;
}

/** A scalar parameter takes one value; a 1×1 range is fine, a larger one is an error. */
function single(p: ParamSpec, raw: RawArg): Cell {
  if (!Array.isArray(raw)) return raw;
  const cells = raw.flat();
  if (cells.length === 1) return cells[0];
  if (cells.length === 0) return undefined;
  throw valueError(`${p.name} takes one value, got a range of ${cells.length} cells`);
}

function checkResult(fn: KpiFunction, result: Result): Result {
  if (typeof result === 'number') return finite(fn, result);
  if (Array.isArray(result)) {
    const table: Table = result;
    let width = 0;
    for (const row of table) if (row.length > width) width = row.length;
    requireFits(`${fn.name}: the result`, table.length, width);
    for (const row of table) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'number') finite(fn, v);
        else if (v === undefined) row[c] = null;
      }
    }
  }
  return result;
}

function finite(fn: KpiFunction, v: number): number {
  if (!Number.isFinite(v)) throw numError(`${fn.name}: the result is not a finite number; check the inputs for extreme values`);
  return v === 0 ? 0 : v; // no -0 in a cell
}
