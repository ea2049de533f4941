import { ownReferences, writeOrder } from '../../playground/dashboard/write-order';
import { Workbook } from '../../playground/engine/workbook';

describe("the order a sheet's formulas are written in", () => {
  it('reads its own-sheet references only', () => {
    expect(ownReferences('=SUM(\'Deals\'!E2)+LOG10(2)+LEN("A1")', 'Plan')).toEqual([]);
    expect(ownReferences("=A1+Plan!B2:C3+'Plan'!$D$4", 'Plan')).toEqual([
      { top: 0, left: 0, bottom: 0, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 2 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });

  it('writes a table before what reads its cells or its spill, and keeps the plan order otherwise', () => {
    // the Customers at risk layout: A6 sorts L6:L, L6 reads the RFM spill (N6:N) and the fit (V6:Y6),
    // M5 is the RFM table, V5 the fit of the RFM columns
    const cells = [
      { row: 5, col: 0, formula: '=SORT(L6:L20)' },
      { row: 5, col: 11, formula: '=P_ALIVE(N6:N20, O6:O20, P6:P20, $V$6:$Y$6)' },
      { row: 4, col: 12, formula: "=RFM('Transactions'!A2:A9)" },
      { row: 4, col: 21, formula: '=BGNBD_FIT(N6:N20, O6:O20, P6:P20)' },
      { row: 0, col: 5, formula: '=TODAY()' },
    ];
    expect(writeOrder(cells, 'Customers at risk').map((c) => `${c.row}:${c.col}`)).toEqual(['4:12', '4:21', '5:11', '5:0', '0:5']);
    // a cycle falls back to the plan's order
    const cycle = [
      { row: 0, col: 0, formula: '=B1' },
      { row: 0, col: 1, formula: '=A1' },
    ];
    expect(writeOrder(cycle, 'S').map((c) => c.col)).toEqual([0, 1]);
  });
});

describe('a table computed once for its size and its value', () => {
  it('follows its inputs when they change', () => {
    // KPI_BY CPL per channel: Search 100/4 = 25, Email 60/3 = 20, Total 160/7
    const wb = new Workbook({ S: [['Search', 100, 4], ['Email', 60, 3], [null, null, null], ['=KPI_BY("cpl", A1:A2, B1:B2, C1:C2)']] });
    const value = (row: number, col: number) => wb.hf.getCellValue({ sheet: 0, row, col });
    expect([value(4, 0), value(4, 1), value(5, 1)]).toEqual(['Search', 25, 20]);
    expect(value(6, 1)).toBeCloseTo(160 / 7, 8); // the engine rounds what it shows to 10 significant digits
    wb.setCell({ sheet: 0, row: 0, col: 1 }, 200); // Search 200/4 = 50, Total 260/7
    expect(value(4, 1)).toBe(50);
    expect(value(6, 1)).toBeCloseTo(260 / 7, 8);
  });
});
