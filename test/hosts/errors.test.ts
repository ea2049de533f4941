import vm from 'vm';
import { FakeCustomFunctionsError, loadAppsScript, loadExcelFunctions } from '../support/hosts';

/** Bad input gives the same message in both hosts, in each host's own error form. */
const sheets = loadAppsScript();
const excel = loadExcelFunctions();

function sheetsError(call: string, args: Record<string, unknown>): string {
  Object.assign(sheets, args);
  try {
    vm.runInContext(call, sheets);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${call} did not fail`);
}

function excelError(name: string, ...args: unknown[]): FakeCustomFunctionsError {
  try {
    excel.functions.get(name)!(...args);
  } catch (e) {
    return e as FakeCustomFunctionsError;
  }
  throw new Error(`${name} did not fail`);
}

describe('errors in both hosts', () => {
  it('text in a numeric range: #VALUE! with the argument and row', () => {
    const message = 'marketing_spend, row 2: "1 234,56" is text, not a number';
    expect(sheetsError('CAC(a, b)', { a: [[1000], ['1 234,56']], b: [[10], [20]] })).toBe(message);
    const e = excelError('CAC', [[1000], ['1 234,56']], [[10], [20]], null);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe(message);
  });

  it('a zero denominator: #DIV/0! (Excel cannot show its message; Sheets does)', () => {
    expect(sheetsError('CPL(a, b)', { a: 100, b: [[0], ['']] })).toBe('leads sums to 0');
    expect(excelError('CPL', 100, [[0], [null]]).code).toBe('#DIV/0!');
  });

  it('a value out of its domain: #NUM!', () => {
    expect(sheetsError('LTV(100, 5)', {})).toBe('churn_rate must be a fraction between 0 and 1 (5% is 0.05), got 5');
    expect(excelError('LTV', 100, 5, null, null).code).toBe('#NUM!');
  });

  it('an unknown choice lists the valid ones', () => {
    const message = 'method: "avg" is not one of "mean", "median"';
    expect(sheetsError('SALES_CYCLE(a, b, "avg")', { a: [[46023]], b: [[46033]] })).toBe(message);
    expect(excelError('SALES_CYCLE', [[46023]], [[46033]], 'avg').message).toBe(message);
  });

  it('an error value passed in from a cell propagates', () => {
    const e = excelError('CAC', [[new FakeCustomFunctionsError('#N/A', 'no match')]], 1, null);
    expect(e.code).toBe('#N/A');
    expect(e.message).toBe('no match');
  });

  it('results are never NaN or infinite', () => {
    expect(sheetsError('ROAS(1e308, 1e-308)', {})).toBe('ROAS: the result is not a finite number; check the inputs for extreme values');
    expect(excelError('ROAS', 1e308, 1e-308).code).toBe('#NUM!');
  });
});

describe('dates in Sheets are read in the spreadsheet time zone', () => {
  /** Fakes of the two services the zone reading uses, with real zone rules from Intl. */
  function withZone(zone: string) {
    const context = loadAppsScript();
    context.SpreadsheetApp = { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => zone }) };
    context.Utilities = {
      formatDate: (d: Date, tz: string, pattern: string) => {
        if (pattern !== 'Z') throw new Error('unexpected pattern');
        const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
          .formatToParts(d)
          .find((p) => p.type === 'timeZoneName')!.value;
        const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
        return m ? `${m[1]}${m[2]}${m[3]}` : '+0000';
      },
    };
    return context;
  }

  it('a Paris sheet: midnight of 1 March is 23:00 UTC on 28 February, still March', () => {
    const context = withZone('Europe/Paris');
    context.months = [[new Date(Date.UTC(2026, 1, 28, 23))], [new Date(Date.UTC(2026, 2, 31, 22))]]; // 1 Mar and 1 Apr 00:00 Paris (DST from 29 Mar)
    context.amounts = [[100], [70]];
    context.month = new Date(Date.UTC(2026, 1, 28, 23));
    expect(vm.runInContext('MRR(months, amounts, month)', context)).toBe(100);
  });

  it('a New York sheet reads the same days', () => {
    const context = withZone('America/New_York');
    context.created = [[new Date(Date.UTC(2026, 0, 1, 5))]]; // 1 Jan 00:00 EST
    context.closed = [[new Date(Date.UTC(2026, 2, 9, 4))]]; // 9 Mar 00:00 EDT: 67 days later
    expect(vm.runInContext('SALES_CYCLE(created, closed)', context)).toBe(67);
  });
});
