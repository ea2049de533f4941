import { callAt, calls, nameAt, referenceSlot } from '../../playground/engine/formula-text';
import { argumentCount, completions, editDistance, findFunction, signatureOf, suggestName } from '../../playground/engine/function-catalog';
import { explainError } from '../../playground/engine/explain-error';
import { Workbook, defaultFormat } from '../../playground/engine/workbook';

describe('reading a formula while it is typed', () => {
  it('finds the function name being typed, only where a function may go', () => {
    expect(nameAt('=KP', 3)).toEqual({ prefix: 'KP', start: 1 });
    expect(nameAt('=SUM(A1, KPI_B', 14)).toEqual({ prefix: 'KPI_B', start: 9 });
    expect(nameAt('=A1+RO', 6)).toEqual({ prefix: 'RO', start: 4 });
    expect(nameAt('="KP', 4)).toBeUndefined(); // inside text
    expect(nameAt('KP', 2)).toBeUndefined(); // not a formula
    expect(nameAt("='Deals'!B", 10)).toBeUndefined(); // a reference after a sheet name
    expect(nameAt('=A1:B', 5)).toBeUndefined(); // the end of a range
  });

  it('finds the call and the argument the caret is in', () => {
    expect(callAt('=KPI_BY(', 8)).toEqual({ name: 'KPI_BY', argIndex: 0, start: 1 });
    expect(callAt('=KPI_BY("cac", B2:B9, ', 22)).toEqual({ name: 'KPI_BY', argIndex: 2, start: 1 });
    expect(callAt('=ROUND(CAC(C2:C9, F2:F9), ', 26)).toEqual({ name: 'ROUND', argIndex: 1, start: 1 });
    expect(callAt('=ROUND(CAC(C2:C9, ', 18)).toEqual({ name: 'CAC', argIndex: 1, start: 7 });
    expect(callAt('=CAC("a,b", ', 12)).toEqual({ name: 'CAC', argIndex: 1, start: 1 }); // the comma in quotes does not count
    expect(callAt('=CAC(A1)', 8)).toBeUndefined();
  });

  it('says where a clicked reference goes', () => {
    expect(referenceSlot('=CAC(', 5)).toEqual({ start: 5, end: 5 });
    expect(referenceSlot('=CAC(B2:B9, ', 12)).toEqual({ start: 12, end: 12 });
    expect(referenceSlot('=A1+', 4)).toEqual({ start: 4, end: 4 });
    expect(referenceSlot('=CAC(B2', 7)).toBeUndefined(); // after a value: a click ends the edit
    expect(referenceSlot('=CAC(B2', 7, { start: 5, end: 7 })).toEqual({ start: 5, end: 7 }); // a clicked one is replaced
    expect(referenceSlot('12', 2)).toBeUndefined();
  });

  it('counts the arguments of every call', () => {
    expect(calls('=ROUND(CAC(C2:C9, F2:F9), 2)')).toEqual([
      { name: 'CAC', args: 2, start: 7 },
      { name: 'ROUND', args: 2, start: 1 },
    ]);
    expect(calls('=TODAY()')).toEqual([{ name: 'TODAY', args: 0, start: 1 }]);
  });
});

describe('the function catalog', () => {
  it('lists KPI Pilot functions and the engine functions with their signatures', () => {
    const kpi = completions('KPI');
    expect(kpi.map((f) => f.name)).toEqual(expect.arrayContaining(['KPI_BY', 'KPI_FORECAST']));
    expect(completions('SU').map((f) => f.name)).toEqual(expect.arrayContaining(['SUM', 'SUMIFS']));
    const cac = findFunction('cac')!;
    expect(signatureOf(cac)).toBe('CAC(marketing_spend, new_customers, [sales_spend])');
    expect(argumentCount(cac)).toBe('2 to 3 arguments');
    expect(cac.params[0].description).toMatch(/marketing/i);
    const by = findFunction('KPI_BY')!;
    expect(by.params[0].choices).toEqual(expect.arrayContaining(['"cac"', '"roas"']));
    expect(signatureOf(findFunction('SUM')!)).toBe('SUM(value1, [value2]...)');
    expect(argumentCount(findFunction('SUM')!)).toBe('at least 1 argument');
    expect(argumentCount(findFunction('ROUND')!)).toBe('1 to 2 arguments');
  });

  it('suggests the closest name for a typo', () => {
    expect(editDistance('SUMM', 'SUM')).toBe(1);
    expect(editDistance('CAV', 'CAC')).toBe(1);
    expect(editDistance('ROMII', 'ROMI')).toBe(1);
    expect(editDistance('RAOS', 'ROAS')).toBe(1); // a swap counts once
    expect(suggestName('SUMM')).toBe('SUM');
    expect(suggestName('KPIBY')).toBe('KPI_BY');
    expect(suggestName('WINRATE')).toBe('WIN_RATE');
    expect(suggestName('RAOS')).toBe('ROAS');
    expect(suggestName('ZZZZZZZZ')).toBeUndefined();
  });
});

describe('errors in plain words', () => {
  it.each([
    [
      '=SUM(A1',
      "Parsing error. Expecting token of type --> RParen <-- but found --> '' <--",
      'A ")" is missing at the end: every "(" needs its ")".',
    ],
    ['=SUM(A1))', 'Parsing error. x', 'There is a ")" with no "(" before it, at character 9.'],
    ['="abc', 'Parsing error. unexpected character', 'A text in quotes is not closed: add the closing ".'],
    ['=SUM(A1:)', 'Parsing error. x', 'A range needs both ends, like A1:B10.'],
    ['=A1+*2', 'Parsing error. x', 'Something is missing between "+" and "*".'],
    ['=A1*', 'Parsing error. x', 'The formula ends with "*": something is missing after it.'],
    ['=SUMM(A1)', 'Function name SUMM not recognized.', 'Unknown function SUMM. Did you mean SUM?'],
    [
      '=CAC(C2:C9, F2:F9, G2:G9, H2:H9)',
      'Wrong number of arguments.',
      'CAC takes 2 to 3 arguments, this call has 4: CAC(marketing_spend, new_customers, [sales_spend])',
    ],
    [
      '=KPI_BY("cac")',
      'Wrong number of arguments.',
      expect.stringMatching(/^KPI_BY takes \d+ to \d+ arguments, this call has 1: KPI_BY\(kpi, groups, /),
    ],
  ])('%s', (formula, message, plain) => {
    expect(explainError(formula, '#ERROR!', message)).toEqual(plain);
  });

  it('says the plain words in the workbook for the engine errors', () => {
    const wb = new Workbook({ S: [[1, 2, '=SUM(A1:B1', '=SUMM(A1)', '=ROUND(1,2,3)']] });
    expect(wb.view({ sheet: 0, row: 0, col: 2 }).error).toBe('A ")" is missing at the end: every "(" needs its ")".');
    expect(wb.view({ sheet: 0, row: 0, col: 3 }).error).toBe('Unknown function SUMM. Did you mean SUM?');
    expect(wb.view({ sheet: 0, row: 0, col: 4 }).error).toBe('ROUND takes 1 to 2 arguments, this call has 3: ROUND(number, [digits=0])');
  });
});

describe('default formats from the registry', () => {
  it('follows the unit of a lone KPI call', () => {
    expect(defaultFormat('=ROMI(B2:B13, C2:C13, 0.7)')).toBe('0.0%');
    expect(defaultFormat('=CAC(C2:C9, F2:F9)')).toBe('#,##0.00');
    expect(defaultFormat('=FORECAST_ETS_SEASONALITY(B2:B40)')).toBe('#,##0');
    expect(defaultFormat('=CAC(C2:C9, F2:F9)*2')).toBeUndefined(); // a combination stays General
    expect(defaultFormat('=SUM(A1:A3)')).toBeUndefined();
  });

  it('shows CAC as money and ROMI as a percentage, in English and in French', () => {
    // spend 100 + 200 + 470.586207 (3 months), 1 new customer: CAC 770.586207 -> "770.59"
    const wb = new Workbook({
      S: [
        [100, 1, 250],
        [200, 0, 500],
        [470.586207, 0, 0],
        ['=CAC(A1:A3, B1:B3)', '=ROMI(C1:C3, A1:A3)', 1234.5],
      ],
    });
    expect(wb.view({ sheet: 0, row: 3, col: 0 }).display).toBe('770.59');
    // ROMI = (750 - 770.586207) / 770.586207 = -0.026715... -> -2.7%
    expect(wb.view({ sheet: 0, row: 3, col: 1 }).display).toBe('-2.7%');
    expect(wb.view({ sheet: 0, row: 3, col: 2 }).display).toBe('1234.5');
    wb.locale = 'fr';
    expect(wb.view({ sheet: 0, row: 3, col: 0 }).display).toBe('770,59');
    expect(wb.view({ sheet: 0, row: 3, col: 1 }).display).toBe('-2,7\u202f%');
    expect(wb.view({ sheet: 0, row: 3, col: 2 }).display).toBe('1234,5');
    wb.setNumberFormat(0, 3, 2, '#,##0.00 "€"');
    expect(wb.view({ sheet: 0, row: 3, col: 2 }).display).toBe('1\u202f234,50 €');
  });
});
