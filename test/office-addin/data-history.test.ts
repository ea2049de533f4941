/** The Excel task pane's data history for the Goals step: hand-worked months, three syncs, one range per mapped column. */
import { baselineFromData } from '../../core/dashboard/baselines';
import { columnReads } from '../../core/dashboard/monthly';
import { officeFake } from './office-fake';
import { bigWorkbook, bridgeFor, companyWorkbook, saasSetup } from './support';

describe('dataHistory', () => {
  it('gives each KPI per month up to the last full month before today (2026-03-15), by hand from test/fixtures/dashboard/company.ts', async () => {
    const h = await bridgeFor(companyWorkbook(), officeFake()).dataHistory!(saasSetup());
    expect(h.lastFull).toBe('2026-02');
    expect(h.months).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    // MRR: January A 100 + B 100 + C 100 + D 88 + E 50 = 438; February 448
    expect(h.values.mrr).toEqual([400, 396, 438, 448]);
    // CAC of February: (1500 + 100) / (4 + 1) = 320; no marketing row in November 2025
    expect(h.values.cac![0]).toBeNull();
    expect(h.values.cac![3]).toBeCloseTo(320, 12);
    expect(baselineFromData(h, 'mrr')).toEqual({ value: 448, month: '2026-02' });
    expect(baselineFromData(h, 'mrr', '2026-02-10')).toEqual({ value: 438, month: '2026-01' });
  });

  it('reads each mapped column as one range in three syncs, at 9 rows as at 5,000', async () => {
    const reads = columnReads(saasSetup().kpis, saasSetup().mapping);
    for (const book of [companyWorkbook(), bigWorkbook(5000)]) {
      await bridgeFor(book, officeFake()).dataHistory!(saasSetup());
      expect(book.syncs).toBe(3);
      expect(book.rangeReads).toHaveLength(reads.length);
      // every read is one mapped column from below its header: never a cell at a time
      for (const r of reads) expect(book.rangeReads.filter((a) => a.startsWith(`${r.sheet}!${r.column}2:${r.column}`))).toHaveLength(1);
    }
    const big = bigWorkbook(5000);
    await bridgeFor(big, officeFake()).dataHistory!(saasSetup());
    expect(big.rangeReads).toContain('Subscriptions!C2:C5001'); // the whole column below the header, in one read
  });

  it('fills months before the data from KPI History snapshots, read as one range', async () => {
    const book = companyWorkbook();
    const bridge = bridgeFor(book, officeFake());
    await bridge.generate({ ...saasSetup(), goals: [] }, '2026-03-15'); // creates our marked KPI History
    await book.Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('KPI History').getRange('A2:D2');
      range.values = [[45808, 'MRR', 'mrr', 380]]; // a snapshot of 31 May 2025, before the ledger starts
      await context.sync();
    });
    book.syncs = 0;
    book.rangeReads.length = 0;
    const h = await bridge.dataHistory!(saasSetup());
    expect(h.months[0]).toBe('2025-05');
    expect(h.values.mrr!.slice(0, 1)).toEqual([380]);
    expect(h.values.mrr!.at(-1)).toBe(448); // February 2026 from the data
    expect(book.syncs).toBe(3);
    expect(book.rangeReads).toHaveLength(columnReads(saasSetup().kpis, saasSetup().mapping).length + 1);
  });
});
