import { columnLetter } from '../../core/dashboard/a1';
import type { CellStyle } from '../../core/dashboard/plan';
import { Workbook } from '../engine/workbook';

/** Column letters as spreadsheets show them: 0 -> A, 26 -> AA. */
export const columnName = (col: number): string => columnLetter(col + 1);

export interface Selection {
  row: number;
  col: number;
}

const ROW_CHUNK = 100;

/**
 * The sheet grid: a plain table rendered a hundred rows at a time as the user scrolls, so a sheet
 * of ten thousand rows opens as fast as a small one. Cells show values; errors carry their
 * message in a tooltip. Selection is by click or arrow keys.
 */
export class Grid {
  private sheet = 0;
  private rendered = 0;
  private cols = 0;
  private rows = 0;
  private readonly table = document.createElement('table');
  private readonly body = document.createElement('tbody');
  selection: Selection = { row: 0, col: 0 };
  onSelect: (s: Selection) => void = () => undefined;
  onEdit: (initial: string) => void = () => undefined;
  onClear: () => void = () => undefined;

  constructor(
    private readonly host: HTMLElement,
    private readonly workbook: Workbook,
  ) {
    this.table.className = 'grid';
    this.table.setAttribute('role', 'grid');
    this.table.append(document.createElement('thead'), this.body);
    host.append(this.table);
    host.addEventListener('scroll', () => {
      if (host.scrollTop + host.clientHeight > host.scrollHeight - 400) this.renderMore();
    });
    this.table.addEventListener('mousedown', (e) => {
      const cell = (e.target as HTMLElement).closest('td');
      if (cell?.dataset.row) this.select({ row: Number(cell.dataset.row), col: Number(cell.dataset.col) });
    });
    this.table.addEventListener('dblclick', () => this.onEdit(this.inputAt(this.selection)));
    host.tabIndex = 0;
    host.addEventListener('keydown', (e) => this.onKey(e));
  }

  show(sheet: number): void {
    this.sheet = sheet;
    const size = this.workbook.size(sheet);
    this.rows = Math.max(size.rows + 20, 50);
    this.cols = Math.max(size.cols + 3, 10);
    const head = this.table.tHead!;
    head.innerHTML = '';
    const tr = head.insertRow();
    tr.append(document.createElement('th'));
    const widths = this.workbook.columnWidths(sheet);
    for (let c = 0; c < this.cols; c++) {
      const th = document.createElement('th');
      th.textContent = columnName(c);
      th.scope = 'col';
      const width = widths[columnName(c)];
      if (width) th.style.width = `${Math.min(260, width)}px`;
      tr.append(th);
    }
    this.body.innerHTML = '';
    this.rendered = 0;
    this.host.scrollTop = 0;
    this.renderMore();
    this.select({ row: 0, col: 0 });
  }

  /** Re-reads every rendered cell from the workbook (after an edit recalculates). */
  refresh(): void {
    const size = this.workbook.size(this.sheet);
    if (size.cols + 3 > this.cols || size.rows + 20 > this.rows) {
      const keep = this.selection;
      this.show(this.sheet);
      this.select(keep);
      return;
    }
    for (const tr of Array.from(this.body.rows)) {
      for (const td of Array.from(tr.cells).slice(1)) this.paint(td, Number(td.dataset.row), Number(td.dataset.col));
    }
  }

  select(s: Selection): void {
    const row = Math.max(0, Math.min(this.rows - 1, s.row));
    const col = Math.max(0, Math.min(this.cols - 1, s.col));
    this.cellElement(this.selection)?.classList.remove('selected');
    while (row >= this.rendered && this.rendered < this.rows) this.renderMore();
    this.selection = { row, col };
    const td = this.cellElement(this.selection);
    td?.classList.add('selected');
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.onSelect(this.selection);
  }

  inputAt(s: Selection): string {
    return this.workbook.view({ sheet: this.sheet, row: s.row, col: s.col }).input;
  }

  private cellElement(s: Selection): HTMLTableCellElement | undefined {
    return this.body.rows[s.row]?.cells[s.col + 1];
  }

  private renderMore(): void {
    const end = Math.min(this.rows, this.rendered + ROW_CHUNK);
    const fragment = document.createDocumentFragment();
    for (let r = this.rendered; r < end; r++) {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.textContent = String(r + 1);
      th.scope = 'row';
      tr.append(th);
      for (let c = 0; c < this.cols; c++) {
        const td = document.createElement('td');
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        this.paint(td, r, c);
        tr.append(td);
      }
      fragment.append(tr);
    }
    this.body.append(fragment);
    this.rendered = end;
  }

  private paint(td: HTMLTableCellElement, row: number, col: number): void {
    const view = this.workbook.view({ sheet: this.sheet, row, col });
    td.textContent = view.display; // text, never HTML: cells hold what users typed
    td.className = view.kind + (row === this.selection.row && col === this.selection.col ? ' selected' : '');
    if (view.error) td.title = view.error;
    else td.removeAttribute('title');
    const style = this.workbook.format({ sheet: this.sheet, row, col })?.style;
    if (style) td.style.cssText = styleCss(style);
    else if (td.style.length) td.removeAttribute('style');
  }

  private onKey(e: KeyboardEvent): void {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1], Enter: [1, 0] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.select({ row: this.selection.row + move[0], col: this.selection.col + move[1] });
    } else if (e.key === 'F2') {
      e.preventDefault();
      this.onEdit(this.inputAt(this.selection));
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      this.onEdit(e.key);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.onClear();
    }
  }
}

/** The parts of a plan's cell style the grid can show. */
function styleCss(s: CellStyle): string {
  let css = '';
  if (s.bold) css += 'font-weight:600;';
  if (s.italic) css += 'font-style:italic;';
  if (s.background) css += `background:${s.background};`;
  if (s.fontColor) css += `color:${s.fontColor};`;
  if (s.fontSize) css += `font-size:${Math.min(s.fontSize, 16)}px;`;
  if (s.horizontalAlignment) css += `text-align:${s.horizontalAlignment};`;
  return css;
}
