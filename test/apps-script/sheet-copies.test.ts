/**
 * Copies of generated sheets in Sheets: "Duplicate" copies a sheet's developer metadata, so the
 * copy carries our marker too. The sheet whose id was recorded at generation stays ours; the copy
 * is left exactly as it is and the sidebar says so.
 */
import { snapshotNow } from '../../apps-script/dashboard/server-api';
import { SHEET_IDS_KEY } from '../../apps-script/dashboard/sheet-ids';
import { FakeSheets } from '../fakes/spreadsheet-app';
import { AS_OF, sampleSetup, sampleWorkbook, generate, sidebarState } from './support';

let fake: FakeSheets;
let uninstall: () => void;
afterEach(() => uninstall?.());

function open(options = {}): FakeSheets {
  ({ fake, uninstall } = sampleWorkbook(options));
  return fake;
}

const COPY_TEXT = "'KPI Dashboard (2)' looks like a copy of the dashboard; KPI Pilot leaves it alone.";

describe('a duplicated dashboard moved first in tab order', () => {
  it('regenerates the original, leaves the copy untouched, and says so in the sidebar', async () => {
    open({ evaluate: () => 1 });
    const setup = sampleSetup();
    await generate(setup, AS_OF);
    const original = fake.sheet('KPI Dashboard')!;
    expect(JSON.parse(fake.properties.get(SHEET_IDS_KEY)!)).toMatchObject({
      dashboard: String(original.id),
      history: String(fake.sheet('KPI History')!.id),
    });
    const copy = fake.duplicateSheet('KPI Dashboard', 'KPI Dashboard (2)', 0);
    copy.getRange('A1').setValue('March numbers, kept for the board meeting');
    expect(fake.sheetNames()[0]).toBe('KPI Dashboard (2)');
    expect(
      fake
        .markers()
        .filter((m) => m[2] === 'dashboard')
        .map((m) => m[0]),
    ).toEqual(['KPI Dashboard', 'KPI Dashboard (2)']);
    const before = fake.dump('KPI Dashboard (2)');

    // the sidebar opens: the copy is not ours, not a data sheet, and named in a notice
    const info = await sidebarState();
    expect(info.existing.find((s) => s.name === 'KPI Dashboard (2)')).toEqual({
      name: 'KPI Dashboard (2)',
      marker: null,
      copyOf: 'dashboard',
    });
    expect(info.existing.find((s) => s.name === 'KPI Dashboard')?.marker).toBe('dashboard');
    expect(info.sheets.map((s) => s.name)).not.toContain('KPI Dashboard (2)');

    // regenerate with another as-of date: the original is rewritten, the copy is not
    original.getRange('A1').setValue('scribbled over by hand');
    const result = await generate(setup, '2026-04-30');
    expect(result.sheets[0]).toBe('KPI Dashboard');
    expect(result.notices.filter((n) => n.code === 'duplicate_sheet').map((n) => n.text)).toEqual([COPY_TEXT]);
    expect(original.cell(1, 1)!.v).not.toBe('scribbled over by hand');
    expect(fake.dump('KPI Dashboard (2)')).toEqual(before);
    expect(fake.sheetNames().filter((n) => /Dashboard/.test(n))).toEqual(['KPI Dashboard (2)', 'KPI Dashboard']);
    // the anchors still point at the original, so a snapshot reads the original's cards
    expect(fake.spreadsheet.getRangeByName('KPIPILOT_CARDS')!.sheet).toBe(original);
    expect(snapshotNow().appended).toBeGreaterThan(0);
    expect(fake.dump('KPI Dashboard (2)')).toEqual(before);
  });

  it('costs no extra call while every role is marked once, and two getters more when one is copied', async () => {
    open();
    const json = JSON.stringify(sampleSetup());
    await generate(json, AS_OF);
    fake.resetCounts();
    await sidebarState();
    const plain = fake.byMethod();
    expect(plain['Sheet.getSheetId']).toBeUndefined();
    fake.duplicateSheet('KPI Goals', 'Copy of KPI Goals', 0);
    fake.resetCounts();
    await sidebarState();
    const copied = fake.byMethod();
    expect(copied['Sheet.getSheetId']).toBe(2); // the two sheets marked "goals", nothing for the others
    expect(copied['DeveloperMetadataFinder.find']).toBe(plain['DeveloperMetadataFinder.find']);
  });

  it('in French, names the copy of KPI Goals', async () => {
    open();
    const setup = sampleSetup('saas', { locale: 'fr' });
    await generate(setup, AS_OF);
    fake.duplicateSheet('KPI Goals', 'Copie de KPI Goals', 0);
    const result = await generate(setup, AS_OF);
    expect(result.notices.filter((n) => n.code === 'duplicate_sheet').map((n) => n.text)).toEqual([
      '« Copie de KPI Goals » semble être une copie de KPI Goals ; KPI Pilot n’y touche pas.',
    ]);
  });

  it('a lone copy whose original was deleted becomes the dashboard, and a later copy of it is told apart', async () => {
    open();
    const json = JSON.stringify(sampleSetup());
    await generate(json, AS_OF);
    fake.duplicateSheet('KPI Dashboard', 'KPI Dashboard (2)');
    fake.spreadsheet.deleteSheet(fake.sheet('KPI Dashboard')!);
    expect((await generate(json, AS_OF)).sheets[0]).toBe('KPI Dashboard (2)');
    const kept = fake.sheet('KPI Dashboard (2)')!;
    expect(JSON.parse(fake.properties.get(SHEET_IDS_KEY)!).dashboard).toBe(String(kept.id));
    fake.duplicateSheet('KPI Dashboard (2)', 'KPI Dashboard (3)', 0);
    const before = fake.dump('KPI Dashboard (3)');
    expect((await generate(json, AS_OF)).sheets[0]).toBe('KPI Dashboard (2)');
    expect(fake.dump('KPI Dashboard (3)')).toEqual(before);
  });

  it('without a recorded id (generated by an earlier version), keeps the first in tab order and still names the copy', async () => {
    open();
    const json = JSON.stringify(sampleSetup());
    await generate(json, AS_OF);
    fake.properties.delete(SHEET_IDS_KEY);
    fake.duplicateSheet('KPI Dashboard', 'Copy of KPI Dashboard');
    const before = fake.dump('Copy of KPI Dashboard');
    const result = await generate(json, AS_OF);
    expect(result.sheets[0]).toBe('KPI Dashboard');
    expect(fake.dump('Copy of KPI Dashboard')).toEqual(before);
    expect(result.notices.some((n) => n.code === 'duplicate_sheet' && n.text.startsWith("'Copy of KPI Dashboard'"))).toBe(true);
    expect(fake.properties.has(SHEET_IDS_KEY)).toBe(true); // recorded again by that generation
  });
});
