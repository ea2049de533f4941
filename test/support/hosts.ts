import { readFileSync } from 'fs';
import { join } from 'path';
import vm from 'vm';

export const DIST = join(__dirname, '../../dist');

/**
 * Apps Script loads every .js file of the project into one global scope, in order, then calls
 * the global function named in the cell. This does the same in a fresh vm context.
 */
export function loadAppsScript(): vm.Context {
  const context = vm.createContext({ console });
  for (const file of ['kpi-core.js', 'functions.js']) {
    vm.runInContext(readFileSync(join(DIST, 'apps-script', file), 'utf8'), context, { filename: file });
  }
  return context;
}

/** A stand-in for Excel's CustomFunctions global: records associations, builds errors like Excel. */
export class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? '');
  }
}

export function loadExcelFunctions(): { functions: Map<string, (...args: unknown[]) => unknown>; context: vm.Context } {
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => {
      if (functions.has(id)) throw new Error(`duplicate association ${id}`);
      functions.set(id, fn);
    },
    Error: FakeCustomFunctionsError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
  };
  // No window, no document: functions.js must load in Excel's JavaScript-only runtime.
  const context = vm.createContext({ CustomFunctions, console });
  vm.runInContext(readFileSync(join(DIST, 'office-addin/functions.js'), 'utf8'), context, { filename: 'functions.js' });
  return { functions, context };
}
