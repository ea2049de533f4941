/**
 * "Prepare for sharing", "Make live again" and "Repair KPI Pilot formulas" in the Excel fake, on
 * the SaaS dashboard with every extra sheet plus an analyst's KPI_BY table. Each formula's value
 * is set here from its text (tables are dynamic arrays that spill, as in Excel), so what the
 * freeze must write is known without running any KPI function.
 */
import { callsKpiPilot, FORMULAS_SHEET } from '../../core/dashboard/share';
import { shareTestValue } from '../support/share-values';
import { FakeWorkbook } from './fake-excel';
import { officeFake } from './office-fake';
import { allExtrasSetup, bigWorkbook, bridgeFor, companyWorkbook } from './support';
import { TOUCHES } from '../fixtures/dashboard/company';

const AS_OF = '2026-03-15';
const ANALYSIS_FORMULA = '=KPIPILOT.KPI_BY("CAC",Marketing!B2:B99,Marketing!C2:C99,Marketing!F2:F99)';

function compute(book: FakeWorkbook): void {
  for (const s of book.sheets)
    for (const [k, c] of s.cells)
      if (!c.quoted && typeof c.input === 'string' && c.input.startsWith('='))
        c.computed = shareTestValue(c.input, Math.floor(k / 16384), k % 16384);
}
function dump(book: FakeWorkbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of book.sheets) {
    const cells: Record<string, unknown> = {};
    for (const [k, c] of s.cells) {
      const { computed: _c, ...rest } = c;
      if (c.input !== '' || Object.keys(rest).length > 1) cells[k] = rest;
    }
    out[s.name] = { visibility: s.visibility, cells };
  }
  return out;
}

async function generated(
  book: FakeWorkbook = companyWorkbook(true),
): Promise<{ book: FakeWorkbook; bridge: ReturnType<typeof bridgeFor> }> {
  const bridge = bridgeFor(book, officeFake());
  await bridge.generate(allExtrasSetup(), AS_OF);
  book.addSheet('Analysis', [['By channel'], [ANALYSIS_FORMULA]]);
  compute(book);
  return { book, bridge };
}

describe('share-ready in Excel', () => {
  it('freezes every KPI Pilot cell to what Excel showed, dynamic arrays whole, in four syncs', async () => {
    const { book, bridge } = await generated();
    const before = book.syncs;
    const r = await bridge.share!.prepare();
    expect(book.syncs - before).toBe(4);
    expect(r.sheets).toEqual(['KPI Dashboard', 'Attribution', 'Customers at risk', 'Commissions', 'Analysis']);
    for (const s of book.sheets)
      if (s.name !== FORMULAS_SHEET)
        expect([s.name, [...s.cells.values()].filter((c) => !c.quoted && callsKpiPilot(c.input))]).toEqual([s.name, []]);
    expect(['A2', 'B2', 'A3', 'B3', 'A4', 'A5', 'B5'].map((a) => book.input('Analysis', a))).toEqual([
      'Channel',
      'Value',
      '2024',
      10,
      '=Ads',
      'SEO',
      0.5,
    ]); // 10 + the fake's 0-based column
    expect(book.input('Analysis', 'B1')).toMatch(/^Values as of 2026-03-15, computed by KPI Pilot\./);
    expect(book.sheet(FORMULAS_SHEET).visibility).toBe('Hidden');
    expect(book.input(FORMULAS_SHEET, 'E5')).toContain('KPIPILOT.'); // the dashboard's alert column calls ANOMALIES
    await expect(bridge.share!.prepare()).rejects.toThrow(/already prepared for sharing/);
  });

  it('freeze → restore gives back the same workbook, and freezing again the same frozen one', async () => {
    const { book, bridge } = await generated();
    const live = dump(book);
    await bridge.share!.prepare();
    const frozen = dump(book);
    const before = book.syncs;
    await bridge.share!.makeLive();
    expect(book.syncs - before).toBe(2);
    expect(dump(book)).toEqual(live);
    compute(book); // Excel recalculates the restored formulas
    await bridge.share!.prepare();
    expect(dump(book)).toEqual(frozen);
    await bridge.share!.makeLive();
    await expect(bridge.share!.makeLive()).rejects.toThrow('this workbook is live already: nothing was prepared for sharing');
  });

  it('repairs by re-entering every KPI Pilot formula (a file saved without the add-in gets its _xludf. names back), in three syncs', async () => {
    const { book, bridge } = await generated();
    book.sheet('Analysis').cells.get(16384)!.input = '=_xludf.KPIPILOT.KPI_BY("CAC",Marketing!B2:B99,Marketing!C2:C99,Marketing!F2:F99)';
    const kpiCells = book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => callsKpiPilot(c.input))).length;
    const before = book.syncs;
    const r = await bridge.share!.repair!();
    expect(book.syncs - before).toBe(3);
    expect(r.formulas).toBe(kpiCells);
    expect(book.input('Analysis', 'A2')).toBe(ANALYSIS_FORMULA);
  });

  it('uses the same syncs for 100 and 3,000 data rows', async () => {
    const syncs = async (n: number) => {
      const book = bigWorkbook(n);
      book.addSheet('Touches', TOUCHES);
      const { bridge } = await generated(book);
      const start = book.syncs;
      await bridge.share!.prepare();
      await bridge.share!.makeLive();
      return book.syncs - start;
    };
    expect(await syncs(3000)).toBe(await syncs(100));
  });
});
