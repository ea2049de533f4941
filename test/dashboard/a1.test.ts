import { parseRect, parseSheetRef, splitSheetRef } from '../../core/dashboard/a1';

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
