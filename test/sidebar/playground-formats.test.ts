import { formatWithCode } from '../../playground/engine/number-format';
import { shiftFormula, Workbook } from '../../playground/engine/workbook';

/** What the playground grid shows of the plan's number formats, and how it closes open ranges. */
describe('number formats', () => {
  it.each([
    [1234.5, '#,##0.00', '1,234.50'],
    [1234567.891, '#,##0', '1,234,568'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [0.1875, '0.0%', '18.8%'],
    [0.449, '0%', '45%'],
    [3.14159, '0.00', '3.14'],
    [0.047, '+0.0%;-0.0%;0.0%', '+4.7%'],
    [-0.28, '+0.0%;-0.0%;0.0%', '-28.0%'],
    [0, '+0.0%;-0.0%;0.0%', '0.0%'],
    [46326, 'yyyy-mm-dd', '2026-10-31'], // 46326 = 2026-10-31 in the 1900 date system
    [46296, 'yyyy-mm', '2026-10'], // 2026-10-01
    [45597, 'yyyy-mm-dd', '2024-11-01'],
  ] as const)('%d as %s is %s', (v, code, shown) => {
    expect(formatWithCode(v, code)).toBe(shown);
  });

  it('falls back to General for codes it does not know', () => {
    expect(formatWithCode(1.5, '@', (v) => `g${v}`)).toBe('g1.5');
    expect(formatWithCode(2, null, (v) => `g${v}`)).toBe('g2');
  });
});

describe('formula formats: the formula moved to each cell of its range', () => {
  it.each([
    ['=$K5<>""', 0, 0, '=$K5<>""'],
    ['=$K5<>""', 3, 1, '=$K8<>""'], // column fixed by $, row moves
    ['=K$5+B2', 2, 2, '=M$5+D4'],
    ['=LOG10(A1)', 1, 0, '=LOG10(A2)'], // LOG10 is a function, not a cell
    ['="K5"&K5', 1, 0, '="K5"&K6'], // text stays text
    ["='Q1 A1'!B2", 1, 1, "='Q1 A1'!C3"], // a quoted sheet name is not read as cells
    ['=AB12*ZZ1', 0, 1, '=AC12*AAA1'],
  ] as const)('%s moved %d rows, %d columns is %s', (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });

  it('colours a cell when its moved formula is true', () => {
    const wb = new Workbook({
      S: [
        ['a', 'x'],
        ['b', ''],
        ['c', 'y'],
      ],
    });
    const look = wb.look(0);
    look.formulaFormats = [{ ranges: ['A1:A3'], formula: '=$B1<>""', style: { background: '#FCE8E6' } }];
    const bg = (row: number) => wb.format({ sheet: 0, row, col: 0 })?.style?.background;
    expect([bg(0), bg(1), bg(2)]).toEqual(['#FCE8E6', undefined, '#FCE8E6']);
    expect(wb.format({ sheet: 0, row: 0, col: 1 })?.style?.background).toBeUndefined(); // outside the range
  });
});
