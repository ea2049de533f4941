import { parseColumnSpan, parseRect, parseRowSpan, parseSheetRef, splitSheetRef } from '../../core/dashboard/a1';

describe('parseRect', () => {
  it('reads A1 ranges as 0-based top-left and size', () => {
    expect(parseRect('B3:D7')).toEqual({ row: 2, col: 1, width: 3, height: 5 });
    expect(parseRect('$AA$10')).toEqual({ row: 9, col: 26, width: 1, height: 1 });
    expect(parseRect('D7:B3')).toEqual({ row: 2, col: 1, width: 3, height: 5 }); // corners in any order
  });
  it('refuses what is not an A1 range', () => {
    expect(parseRect("'KPI Dashboard'!B2")).toBeUndefined();
    expect(parseRect('B:B')).toBeUndefined();
  });
});

describe('splitSheetRef', () => {
  it('splits full references, undoing doubled quotes', () => {
    expect(splitSheetRef("'KPI Dashboard'!B5:B11")).toEqual({ sheet: 'KPI Dashboard', a1: 'B5:B11' });
    expect(splitSheetRef("'Ana''s KPIs'!B2")).toEqual({ sheet: "Ana's KPIs", a1: 'B2' });
    expect(splitSheetRef('Data!$A$1:$A$9')).toEqual({ sheet: 'Data', a1: '$A$1:$A$9' });
  });
  it('refuses a reference without a sheet', () => {
    expect(parseSheetRef('B2')).toBeUndefined();
    expect(() => splitSheetRef('B2')).toThrow(/names no sheet/);
  });
});

describe('whole columns and rows', () => {
  it('reads C:E as columns 3 to 5 (0-based 2, three wide) and 2:5 as rows 2 to 5', () => {
    expect(parseColumnSpan('C:E')).toEqual({ col: 2, width: 3 });
    expect(parseColumnSpan('$aa:$Z')).toEqual({ col: 25, width: 2 }); // Z = 26, AA = 27, either order
    expect(parseRowSpan('2:5')).toEqual({ row: 1, height: 4 });
    expect(parseRowSpan('$7:$7')).toEqual({ row: 6, height: 1 });
  });
  it('refuses bounded ranges, row 0 and references with a sheet', () => {
    expect(parseColumnSpan('C1:E5')).toBeUndefined();
    expect(parseColumnSpan("'Data'!C:C")).toBeUndefined();
    expect(parseRowSpan('C:E')).toBeUndefined();
    expect(parseRowSpan('0:3')).toBeUndefined();
    expect(parseRowSpan('B2:B3')).toBeUndefined();
  });
});
