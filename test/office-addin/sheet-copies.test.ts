/**
 * Copies of generated sheets in Excel: "Move or Copy… > Create a copy" copies the sheet-scoped
 * marker name with the sheet. The worksheet whose id was recorded in the document settings at
 * generation stays ours; the copy is left exactly as it is and the task pane says so.
 */
import { SHEET_IDS_SETTING } from '../../office-addin/dashboard/settings';
import { officeFake } from './office-fake';
import { bridgeFor, companyWorkbook, saasSetup } from './support';

const COPY_TEXT = "'KPI Dashboard (2)' looks like a copy of the dashboard; KPI Pilot leaves it alone.";

describe('a copied dashboard moved first in tab order', () => {
  it('regenerates the original, leaves the copy untouched, says so, and costs no extra sync', async () => {
    const book = companyWorkbook();
    const office = officeFake();
    const bridge = bridgeFor(book, office);
    await bridge.generate(saasSetup(), '2026-03-15');
    const original = book.sheet('KPI Dashboard');
    expect(JSON.parse(String(office.store[SHEET_IDS_SETTING]))).toMatchObject({
      dashboard: original.id,
      history: book.sheet('KPI History').id,
    });
    const copy = book.copySheet('KPI Dashboard', 'KPI Dashboard (2)', 0);
    expect(copy.id).not.toBe(original.id);
    expect(copy.names.get('KPIPILOT_SHEET')?.formula).toBe('="dashboard"');
    copy.cells.set(0, { input: 'March numbers, for the board' }); // the user's note in A1 of the copy
    const snapshotOfCopy = () =>
      JSON.stringify({ cells: [...copy.cells], names: [...copy.names], charts: copy.charts, cf: copy.conditionalFormats, name: copy.name });
    const before = snapshotOfCopy();

    // the task pane opens: the copy is neither ours nor a data sheet; opening costs the syncs it did
    let syncs = book.syncs;
    const info = await bridge.load();
    expect(book.syncs - syncs).toBe(3);
    expect(info.existing.find((s) => s.name === 'KPI Dashboard (2)')).toEqual({
      name: 'KPI Dashboard (2)',
      marker: null,
      copyOf: 'dashboard',
    });
    expect(info.sheets.map((s) => s.name)).not.toContain('KPI Dashboard (2)');

    // regenerate: the original is rewritten in place (6 syncs: discovery, KPI Goals, three sheets, anchors); the copy is not touched
    book.cell('KPI Dashboard', 'A1')!.input = 'scribbled over by hand';
    syncs = book.syncs;
    const result = await bridge.generate(saasSetup(), '2026-04-30');
    expect(result.sheets[0]).toBe('KPI Dashboard');
    expect(result.notices.filter((n) => n.code === 'duplicate_sheet').map((n) => n.text)).toEqual([COPY_TEXT]);
    expect(book.input('KPI Dashboard', 'A1')).not.toBe('scribbled over by hand');
    expect(snapshotOfCopy()).toEqual(before);
    expect(book.sheets.map((s) => s.name).filter((n) => /Dashboard/.test(n))).toEqual(['KPI Dashboard (2)', 'KPI Dashboard']);
    const regenerateSyncs = book.syncs - syncs;

    // the same regeneration without the copy takes the same syncs
    const plain = companyWorkbook();
    const plainBridge = bridgeFor(plain, officeFake());
    await plainBridge.generate(saasSetup(), '2026-03-15');
    syncs = plain.syncs;
    await plainBridge.generate(saasSetup(), '2026-04-30');
    expect(plain.syncs - syncs).toBe(regenerateSyncs);
  });

  it('snapshot and alerts read the original’s cards, not the copy’s', async () => {
    const book = companyWorkbook();
    const bridge = bridgeFor(book, officeFake());
    await bridge.generate(saasSetup(), '2026-03-15');
    book.setComputed('KPI Dashboard', 'B5', 520);
    const copy = book.copySheet('KPI Dashboard', 'KPI Dashboard (2)', 0);
    book.setComputed('KPI Dashboard (2)', 'B5', 999);
    const before = JSON.stringify([...copy.cells]);
    expect((await bridge.snapshot()).appended).toBe(1);
    expect(book.input('KPI History', 'D2')).toBe(520);
    await bridge.alerts();
    expect(JSON.stringify([...copy.cells])).toBe(before);
  });

  it('in a workbook generated before ids were recorded, keeps the first in tab order and still names the copy', async () => {
    const book = companyWorkbook();
    const office = officeFake();
    const bridge = bridgeFor(book, office);
    await bridge.generate(saasSetup(), '2026-03-15');
    delete office.store[SHEET_IDS_SETTING];
    book.copySheet('KPI Dashboard', 'KPI Dashboard (2)');
    const result = await bridge.generate(saasSetup(), '2026-03-15');
    expect(result.sheets[0]).toBe('KPI Dashboard');
    expect(result.notices.some((n) => n.code === 'duplicate_sheet' && n.text === COPY_TEXT)).toBe(true);
    expect(JSON.parse(String(office.store[SHEET_IDS_SETTING])).dashboard).toBe(book.sheet('KPI Dashboard').id);
  });
});
