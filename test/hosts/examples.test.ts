import { FUNCTIONS } from '../../core/functions';
import { callFunction } from '../../core/hosts';
import { asExcelArg, asSheetsArg, parseExample } from '../support/example-formula';
import { expectClose } from '../support/close';
import { loadAppsScript, loadExcelFunctions } from '../support/hosts';
import vm from 'vm';

/**
 * Every registry example is a hand-worked case (its `working` shows the arithmetic). Each one is
 * run through the core and through both built bundles, with each host's argument shapes.
 */
const sheets = loadAppsScript();
/** Dates made inside the Apps Script realm, as Sheets hands them to the function. */
const sheetsDate = vm.runInContext('(function (y, m, d) { return new Date(y, m, d); })', sheets) as (
  y: number,
  m: number,
  d: number,
) => Date;
const excel = loadExcelFunctions();

describe.each(FUNCTIONS.map((f) => [f.name, f] as const))('%s example', (name, fn) => {
  const { name: called, args } = parseExample(fn.example.formula);

  it('names its own function', () => expect(called).toBe(name));

  it('gives the hand-worked result in the core', () => {
    const outcome = callFunction(name, args);
    if (!outcome.ok) throw outcome.error;
    expectClose(outcome.value, fn.example.result);
  });

  it('gives it in Sheets (Dates, "" blanks, omitted trailing arguments)', () => {
    const sheetsArgs = args.map((a) => asSheetsArg(a, sheetsDate));
    const call = `${name}(${sheetsArgs.map((_, i) => `__a${i}`).join(', ')})`;
    sheetsArgs.forEach((a, i) => (sheets[`__a${i}`] = a));
    expectClose(vm.runInContext(call, sheets), fn.example.result);
  });

  it('gives it in Excel (serial dates, null for omitted optionals)', () => {
    const excelArgs: unknown[] = fn.params.map((_, i) => (i < args.length ? asExcelArg(args[i]) : null));
    const result = excel.functions.get(name)!(...excelArgs);
    expectClose(result, fn.example.result);
  });
});
