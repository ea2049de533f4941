import { columnLetter } from '../../core/dashboard/a1';
import type { CellStyle } from '../../core/dashboard/plan';
import { Workbook } from '../engine/workbook';
import { dataEdge, Direction } from './navigation';

/** Column letters as spreadsheets show them: 0 -> A, 26 -> AA. */
export const columnName = (col: number): string => columnLetter(col + 1);

export interface Selection {
  row: number;
  col: number;
}

/** A rectangle of cells, inclusive, 0-based. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Where a cell sits in the grid's scrolled content, in CSS pixels: what overlays (charts) draw against. */
export interface CellBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The small interface drawings over the grid use: a layer scrolled with the cells, each cell's
 * box, and a call after every paint so a drawing can follow rows being rendered or resized.
 */
export interface GridOverlayHost {
  readonly overlay: HTMLElement;
  readonly sheet: number;
  cellBox(row: number, col: number): CellBox | undefined;
  onRendered(listener: () => void): () => void;
}

/**
 * A pointer on a cell while the user is editing: the editor may take it as a reference to insert
 * (point-and-click ranges). Returns true when it did, and the grid then keeps its selection.
 */
export type PointerHook = (cell: Selection, phase: 'down' | 'drag', anchor: Selection) => boolean;

const ROW_CHUNK = 100;
const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/**
 * The sheet grid: a plain table rendered a hundred rows at a time as the user scrolls, so a sheet
 * of ten thousand rows opens as fast as a small one. Cells show values; errors carry their
 * message in a tooltip. A selection is an active cell and an anchor (Shift+click, Shift+arrows,
 * drag); Ctrl+arrows jump to the data's edge. Tab and Escape leave the grid, so keyboard users
 * are never trapped in it. Editing, clipboard and fill live in the page (main.ts) through hooks.
 */
export class Grid implements GridOverlayHost {
  sheet = 0;
  private rendered = 0;
  private cols = 0;
  private rows = 0;
  private readonly table = document.createElement('table');
  private readonly body = document.createElement('tbody');
  readonly overlay = document.createElement('div');
  private readonly listeners = new Set<() => void>();
  private dragging = false;
  private pointing = false;
  private pointAnchor: Selection = { row: 0, col: 0 };
  selection: Selection = { row: 0, col: 0 };
  anchor: Selection = { row: 0, col: 0 };
  onSelect: (s: Selection) => void = () => undefined;
  onEdit: (initial: string) => void = () => undefined;
  onClear: () => void = () => undefined;
  /** Keys the page handles (Ctrl+Z, Ctrl+D...): return true when handled. */
  onShortcut: (e: KeyboardEvent) => boolean = () => false;
  /** Escape: the page moves focus out of the grid. */
  onEscape: () => void = () => undefined;
  onPointer: PointerHook = () => false;

  constructor(
    private readonly host: HTMLElement,
    private readonly workbook: Workbook,
  ) {
    this.table.className = 'grid';
    this.table.setAttribute('role', 'grid');
    this.table.append(document.createElement('thead'), this.body);
    this.overlay.className = 'grid-overlay';
    this.overlay.setAttribute('aria-hidden', 'true');
    host.append(this.table, this.overlay);
    host.addEventListener('scroll', () => {
      if (host.scrollTop + host.clientHeight > host.scrollHeight - 400) this.renderMore();
    });
    this.table.addEventListener('mousedown', (e) => {
      const at = cellOf(e.target);
      if (!at) return;
      if (this.onPointer(at, 'down', at)) {
        e.preventDefault(); // keep the caret in the formula being edited
        this.pointing = true;
        this.pointAnchor = at;
        return;
      }
      if (e.shiftKey) this.extend(at);
      else this.select(at);
      this.dragging = true;
    });
    this.table.addEventListener('mousemove', (e) => {
      if (!this.dragging && !this.pointing) return;
      if (!(e.buttons & 1)) {
        this.dragging = this.pointing = false;
        return;
      }
      const at = cellOf(e.target);
      if (!at) return;
      if (this.pointing) this.onPointer(at, 'drag', this.pointAnchor);
      else if (at.row !== this.selection.row || at.col !== this.selection.col) this.extend(at);
    });
    window.addEventListener('mouseup', () => {
      this.dragging = this.pointing = false;
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
      const anchor = this.anchor;
      const top = this.host.scrollTop;
      this.show(this.sheet);
      this.select(anchor);
      this.extend(keep);
      this.host.scrollTop = top;
      return;
    }
    for (const tr of Array.from(this.body.rows)) {
      for (const td of Array.from(tr.cells).slice(1)) this.paint(td, Number(td.dataset.row), Number(td.dataset.col));
    }
    this.rendered$();
  }

  /** Moves the active cell and the anchor to a cell (one cell selected). */
  select(s: Selection): void {
    const at = this.clamp(s);
    this.anchor = at;
    this.moveTo(at);
  }

  /** Moves the active cell, keeping the anchor: the selection becomes the rectangle between them. */
  extend(s: Selection): void {
    this.moveTo(this.clamp(s));
  }

  /** The selected rectangle. */
  range(): Rect {
    return {
      top: Math.min(this.anchor.row, this.selection.row),
      bottom: Math.max(this.anchor.row, this.selection.row),
      left: Math.min(this.anchor.col, this.selection.col),
      right: Math.max(this.anchor.col, this.selection.col),
    };
  }

  /** Selects a rectangle with the active cell at its top-left (after a paste or a fill). */
  selectRect(r: Rect): void {
    this.anchor = this.clamp({ row: r.bottom, col: r.right });
    this.moveTo(this.clamp({ row: r.top, col: r.left }));
  }

  inputAt(s: Selection): string {
    return this.workbook.view({ sheet: this.sheet, row: s.row, col: s.col }).input;
  }

  /** Marks cells as the reference being pointed at while a formula is edited (none: undefined). */
  highlight(r: Rect | undefined): void {
    for (const td of Array.from(this.body.querySelectorAll('td.pointed'))) td.classList.remove('pointed');
    if (!r) return;
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) this.cellElement({ row, col })?.classList.add('pointed');
  }

  cellBox(row: number, col: number): CellBox | undefined {
    while (row >= this.rendered && this.rendered < this.rows) this.renderMore();
    const td = this.cellElement({ row, col });
    return td ? { left: td.offsetLeft, top: td.offsetTop, width: td.offsetWidth, height: td.offsetHeight } : undefined;
  }

  onRendered(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private rendered$(): void {
    for (const l of this.listeners) l();
  }

  private clamp(s: Selection): Selection {
    return { row: Math.max(0, Math.min(this.rows - 1, s.row)), col: Math.max(0, Math.min(this.cols - 1, s.col)) };
  }

  private moveTo(at: Selection): void {
    for (const td of Array.from(this.body.querySelectorAll('td.selected, td.in-range'))) td.classList.remove('selected', 'in-range');
    while (at.row >= this.rendered && this.rendered < this.rows) this.renderMore();
    this.selection = at;
    const r = this.range();
    if (r.bottom > r.top || r.right > r.left) {
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) this.cellElement({ row, col })?.classList.add('in-range');
    }
    const td = this.cellElement(at);
    td?.classList.add('selected');
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.host.setAttribute('aria-activedescendant', td?.id ?? '');
    this.onSelect(at);
  }

  private cellElement(s: Selection): HTMLTableCellElement | undefined {
    return this.body.rows[s.row]?.cells[s.col + 1];
  }

  private renderMore(): void {
    const end = Math.min(this.rows, this.rendered + ROW_CHUNK);
    const fragment = document.createDocumentFragment();
    const r = this.range();
    for (let row = this.rendered; row < end; row++) {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.textContent = String(row + 1);
      th.scope = 'row';
      tr.append(th);
      for (let c = 0; c < this.cols; c++) {
        const td = document.createElement('td');
        td.id = `cell-${row}-${c}`;
        td.setAttribute('role', 'gridcell');
        td.dataset.row = String(row);
        td.dataset.col = String(c);
        this.paint(td, row, c, r);
        tr.append(td);
      }
      fragment.append(tr);
    }
    this.body.append(fragment);
    this.rendered = end;
    this.rendered$();
  }

  private paint(td: HTMLTableCellElement, row: number, col: number, r = this.range()): void {
    const view = this.workbook.view({ sheet: this.sheet, row, col });
    td.textContent = view.display; // text, never HTML: cells hold what users typed
    let cls: string = view.kind;
    if (row === this.selection.row && col === this.selection.col) cls += ' selected';
    else if ((r.bottom > r.top || r.right > r.left) && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right)
      cls += ' in-range';
    td.className = cls;
    if (view.error) td.title = view.error;
    else td.removeAttribute('title');
    const style = this.workbook.format({ sheet: this.sheet, row, col })?.style;
    if (style) td.style.cssText = styleCss(style);
    else if (td.style.length) td.removeAttribute('style');
  }

  private onKey(e: KeyboardEvent): void {
    if (e.target !== this.host) return;
    if (this.onShortcut(e)) {
      e.preventDefault();
      return;
    }
    const move = MOVES[e.key];
    if (move) {
      e.preventDefault();
      const ctrl = e.ctrlKey || e.metaKey;
      const from = this.selection;
      const to = ctrl
        ? dataEdge(
            (row, col) => this.workbook.view({ sheet: this.sheet, row, col }).kind !== 'empty',
            from,
            e.key.replace('Arrow', '').toLowerCase() as Direction,
            {
              rows: this.workbook.size(this.sheet).rows,
              cols: this.workbook.size(this.sheet).cols,
            },
          )
        : { row: from.row + move[0], col: from.col + move[1] };
      if (e.shiftKey) this.extend(to);
      else this.select(to);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.select({ row: this.selection.row + (e.shiftKey ? -1 : 1), col: this.selection.col });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.onEscape();
    } else if (e.key === 'F2') {
      e.preventDefault();
      this.onEdit(this.inputAt(this.selection));
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.onEdit(e.key);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.onClear();
    }
    // Tab is left to the browser: it moves focus out of the grid to the next control
  }
}

function cellOf(target: EventTarget | null): Selection | undefined {
  const cell = (target as HTMLElement | null)?.closest?.('td');
  return cell?.dataset.row ? { row: Number(cell.dataset.row), col: Number(cell.dataset.col) } : undefined;
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
