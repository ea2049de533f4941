import { EditHistory, parseInput } from '../../playground/engine/edits';
import { restoreWorkbook, serializeWorkbook } from '../../playground/engine/persist';
import { parseTsv, toTsv } from '../../playground/engine/tsv';
import { decimalsOf, withDecimals } from '../../playground/engine/number-format';
import { Workbook } from '../../playground/engine/workbook';
import { dataEdge } from '../../playground/ui/navigation';

describe('TSV as Sheets and Excel exchange it', () => {
  it('reads rows, quoted cells and a trailing newline', () => {
    expect(parseTsv('a\t1\r\nb\t2\r\n')).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(parseTsv('"x\ty"\t"say ""hi"""\n"two\nlines"\t')).toEqual([
      ['x\ty', 'say "hi"'],
      ['two\nlines', ''],
    ]);
    expect(parseTsv('a\nb\tc')).toEqual([
      ['a', ''],
      ['b', 'c'],
    ]);
    expect(parseTsv('5" screen\t1')).toEqual([['5" screen', '1']]); // a quote inside a cell stays text
  });

  it('writes what it reads', () => {
    const rows = [
      ['Month', 'Note'],
      ['2026-01-01', 'tab\there'],
      ['x', 'a "quote"'],
    ];
    expect(toTsv(rows)).toBe('Month\tNote\n2026-01-01\t"tab\there"\nx\t"a ""quote"""');
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });

  it('reads typed or pasted text as the cell should hold it', () => {
    expect(parseInput('1,200.50', 'en')).toBe(1200.5);
    expect(parseInput('1 200,5', 'fr')).toBe(1200.5);
    expect(parseInput('12,5 %', 'fr')).toBe(0.125);
    expect(parseInput('12.5%', 'en')).toBe(0.125);
    expect(parseInput('=A1*2', 'en')).toBe('=A1*2');
    expect(parseInput('TRUE', 'en')).toBe(true);
    expect(parseInput('  ', 'en')).toBeNull();
    expect(parseInput('Search', 'en')).toBe('Search');
    expect(parseInput('1,5', 'en')).toBe('1,5'); // not a number in English: kept as typed
  });
});

describe('edits with undo', () => {
  const book = () =>
    new Workbook({
      S: [
        [1, 10],
        [2, 20],
        [3, 30],
        [null, null],
      ],
    });

  it('fills down with relative references and undoes it', async () => {
    const wb = book();
    const h = new EditHistory(wb);
    await h.write(0, 0, 2, [['=A1+B1*$B$1']]); // C1 = 1 + 10×10 = 101
    await h.fillDown({ sheet: 0, top: 0, left: 2, bottom: 2, right: 2 });
    expect(wb.hf.getCellFormula({ sheet: 0, row: 2, col: 2 })).toBe('=A3+B3*$B$1');
    expect(wb.hf.getCellValue({ sheet: 0, row: 1, col: 2 })).toBe(202); // 2 + 20×10
    expect(wb.hf.getCellValue({ sheet: 0, row: 2, col: 2 })).toBe(303); // 3 + 30×10
    await h.undo();
    expect(wb.hf.getCellValue({ sheet: 0, row: 2, col: 2 })).toBeNull();
    expect(wb.hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(101);
    await h.redo();
    expect(wb.hf.getCellValue({ sheet: 0, row: 2, col: 2 })).toBe(303);
  });

  it('fills a one-row selection from the row above, and right from the column on the left', async () => {
    const wb = book();
    const h = new EditHistory(wb);
    await h.write(0, 0, 2, [['=A1*2']]);
    await h.fillDown({ sheet: 0, top: 1, left: 2, bottom: 1, right: 2 });
    expect(wb.hf.getCellFormula({ sheet: 0, row: 1, col: 2 })).toBe('=A2*2');
    await h.fillRight({ sheet: 0, top: 0, left: 3, bottom: 0, right: 3 });
    expect(wb.hf.getCellFormula({ sheet: 0, row: 0, col: 3 })).toBe('=B1*2');
    expect(wb.hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toBe(20);
  });

  it('pastes copied cells with formulas moved, and formats undone with contents', async () => {
    const wb = book();
    const h = new EditHistory(wb);
    await h.write(0, 0, 2, [['=SUM(A1:B1)']]);
    await h.format({ sheet: 0, top: 0, left: 2, bottom: 0, right: 2 }, '0.0%');
    const clip = h.snapshot({ sheet: 0, top: 0, left: 2, bottom: 0, right: 2 });
    await h.paste(clip, { sheet: 0, top: 2, left: 2 });
    expect(wb.hf.getCellFormula({ sheet: 0, row: 2, col: 2 })).toBe('=SUM(A3:B3)');
    expect(wb.view({ sheet: 0, row: 2, col: 2 }).display).toBe('3300.0%'); // 33 as a percentage
    await h.undo();
    await h.undo();
    expect(wb.view({ sheet: 0, row: 0, col: 2 }).display).toBe('11');
  });
});

describe('Ctrl+arrows', () => {
  // column A: x x x _ x _ _ (rows 0..6)
  const filled = (row: number) => [true, true, true, false, true, false, false][row] ?? false;
  const edge = (row: number, dir: 'up' | 'down') => dataEdge((r) => filled(r), { row, col: 0 }, dir, { rows: 7, cols: 1 }).row;
  it('jumps to the end of a block, then to the next block, then to the edge', () => {
    expect(edge(0, 'down')).toBe(2);
    expect(edge(2, 'down')).toBe(4);
    expect(edge(4, 'down')).toBe(6);
    expect(edge(6, 'up')).toBe(4);
    expect(edge(4, 'up')).toBe(2);
    expect(edge(2, 'up')).toBe(0);
    expect(edge(0, 'up')).toBe(0);
  });
});

describe('number format steps', () => {
  it('adds and removes decimals in every section', () => {
    expect(decimalsOf('#,##0.00')).toBe(2);
    expect(decimalsOf('0%')).toBe(0);
    expect(withDecimals('0.0%', 2)).toBe('0.00%');
    expect(withDecimals('"$"#,##0.00', 0)).toBe('"$"#,##0');
    expect(withDecimals('+0.0%;-0.0%;0.0%', 0)).toBe('+0%;-0%;0%');
    expect(withDecimals('0', 1)).toBe('0.0');
  });
});

describe('a change larger than one slice', () => {
  it('is written in slices with progress, refuses other changes meanwhile, and undoes as one', async () => {
    const wb = new Workbook({ S: [[1]] });
    const h = new EditHistory(wb);
    const progress: number[] = [];
    h.onProgress = (done) => progress.push(done);
    // 3,000 rows × 2 columns = 6,000 cells: slices of 1,000 rows (2,000 cells)
    const rows = Array.from({ length: 3000 }, (_, i) => [i + 1, `=A${i + 1}*2`]);
    const writing = h.write(0, 0, 0, rows);
    expect(h.busy).toBe(true);
    expect(await h.write(0, 0, 5, [['refused']])).toBeUndefined();
    await writing;
    expect(progress).toEqual([1000, 2000, 3000, 3000]);
    expect(wb.hf.getCellValue({ sheet: 0, row: 2999, col: 1 })).toBe(6000); // 3000 × 2
    expect(wb.hf.getCellValue({ sheet: 0, row: 0, col: 5 })).toBeNull();
    await h.undo();
    expect(wb.hf.getCellValue({ sheet: 0, row: 2999, col: 1 })).toBeNull();
    expect(wb.hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(1); // what was there before
  });
});

describe('the workbook kept in the browser', () => {
  it('stores untouched sample sheets by name and the rest in full', async () => {
    const sample = {
      Data: [
        ['Month', 'Spend'],
        ['2026-01-01', 100],
      ],
      Other: [[1]],
    };
    const wb = new Workbook(sample);
    const h = new EditHistory(wb);
    const userSheet = wb.addSheet('Mine', [['=SUM(Data!B2:B2)*2']]);
    await h.format({ sheet: userSheet, top: 0, left: 0, bottom: 0, right: 0 }, '"$"#,##0.00');
    wb.markers.set(wb.sheetId('Other'), 'dashboard');
    const text = serializeWorkbook(wb, new Set(['Data', 'Other']));
    const saved = JSON.parse(text);
    expect(saved.sheets.map((s: { name: string; sample?: boolean }) => [s.name, !!s.sample])).toEqual([
      ['Data', true],
      ['Other', false],
      ['Mine', false],
    ]);
    const back = restoreWorkbook(text, sample)!;
    expect(back.workbook.view({ sheet: 2, row: 0, col: 0 }).display).toBe('$200.00');
    expect(back.workbook.markers.get(1)).toBe('dashboard');
    expect([...back.untouched]).toEqual(['Data']);
    expect(restoreWorkbook('{"version":0}', sample)).toBeUndefined();
    expect(restoreWorkbook('not json', sample)).toBeUndefined();
  });
});
