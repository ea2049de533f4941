/**
 * Tab-separated text, as Sheets and Excel put a copied range on the clipboard: rows end with a
 * newline, cells with a tab; a cell holding a tab, newline or quote is wrapped in quotes with its
 * quotes doubled. O(text length).
 */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t')).join('\n');
}

/**
 * Reads a TSV block into rows of cell texts. A trailing newline (Excel adds one) makes no empty
 * last row; rows shorter than the longest are padded with empty cells.
 * @example parseTsv('a\t1\nb\t2\n') // => [['a', '1'], ['b', '2']]
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"' && cell === '') {
      // a quoted cell: up to the lone closing quote
      let j = i + 1;
      let value = '';
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (s[j] === '"') break;
        else value += s[j++];
      }
      if (j < s.length && (s[j + 1] === undefined || s[j + 1] === '\t' || s[j + 1] === '\n')) {
        cell = value;
        i = j + 1;
        continue;
      }
      // not a well-formed quoted cell: keep the quote as text
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}
