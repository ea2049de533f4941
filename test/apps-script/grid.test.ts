/** The pure half of the applier: getRange rectangles, one rectangle per sheet, width runs. */
import { gridRect, sheetGrids, widthRuns } from '../../apps-script/dashboard/grid';

describe('gridRect', () => {
  it('gives getRange its 1-based row, column and size', () => {
    expect(gridRect('B2')).toEqual({ row: 2, col: 2, rows: 1, cols: 1 });
    expect(gridRect('A4:J11')).toEqual({ row: 4, col: 1, rows: 8, cols: 10 });
    expect(gridRect('AA10:AB12')).toEqual({ row: 10, col: 27, rows: 3, cols: 2 });
    expect(() => gridRect('A:A')).toThrow(/not an A1/);
  });
});

describe('sheetGrids', () => {
  const grids = sheetGrids({
    blocks: [
      { range: 'A1', cells: [['Title']], style: { bold: true, fontSize: 16 } },
      { range: 'A3:C3', cells: [[{ formula: '=B2*2' }, 42, null]], numberFormats: [[null, '0.0%', null]] },
      { range: 'C4:D4', cells: [["'=not a formula", '2024']], style: { background: '#FF0000' } },
    ],
  })!;

  it('covers every block with one rectangle, blanks between them', () => {
    expect(grids.rect).toEqual({ row: 1, col: 1, rows: 4, cols: 4 });
    expect(grids.values).toEqual([
      ['Title', '', '', ''],
      ['', '', '', ''],
      ['=B2*2', 42, '', ''],
      ['', '', "'=not a formula", '2024'],
    ]);
  });

  it('gives text "@" unless the planner protected it with an apostrophe, planned formats as given, General elsewhere', () => {
    expect(grids.numberFormats).toEqual([
      ['@', 'General', 'General', 'General'],
      ['General', 'General', 'General', 'General'],
      ['General', '0.0%', 'General', 'General'],
      ['General', 'General', 'General', '@'],
    ]);
  });

  it('builds only the style arrays some block uses, with resets elsewhere', () => {
    expect(grids.fontWeights![0]).toEqual(['bold', null, null, null]);
    expect(grids.fontSizes!.map((r) => r[0])).toEqual([16, 10, 10, 10]);
    expect(grids.backgrounds![3]).toEqual([null, null, '#FF0000', '#FF0000']);
    expect(grids.fontStyles).toBeUndefined();
    expect(grids.wraps).toBeUndefined();
    expect(grids.fontColors).toBeUndefined();
  });

  it('uses a column format for cells no block covers, and refuses a block of the wrong shape', () => {
    const g = sheetGrids({
      blocks: [
        {
          range: 'A1:B2',
          cells: [
            ['Date', 'KPI'],
            [null, 'x'],
          ],
        },
      ],
      columnFormats: { A: 'yyyy-mm-dd' },
    })!;
    expect(g.numberFormats).toEqual([
      ['@', '@'],
      ['yyyy-mm-dd', '@'],
    ]);
    expect(() => sheetGrids({ blocks: [{ range: 'A1:B1', cells: [['x']] }] })).toThrow(/does not hold 1×2/);
    expect(sheetGrids({ blocks: [] })).toBeNull();
  });
});

describe('widthRuns', () => {
  it('groups neighbouring columns of equal width, in column order', () => {
    expect(widthRuns({ C: 100, A: 220, B: 100, D: 100, K: 24, L: 110, M: 110 })).toEqual([
      [1, 1, 220],
      [2, 3, 100],
      [11, 1, 24],
      [12, 2, 110],
    ]);
    expect(widthRuns({ A: 50, C: 50 })).toEqual([
      [1, 1, 50],
      [3, 1, 50],
    ]);
  });
});
