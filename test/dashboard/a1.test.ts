import { parseRect } from '../../core/dashboard/a1';

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
