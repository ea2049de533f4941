/**
 * A small Excel workbook model behind an Office.js-shaped proxy API, for what office-addin-mock
 * cannot express (its objects are static trees: no worksheets collection that grows, no ranges by
 * address, no null objects). It keeps the rules that make Excel code right or wrong:
 * - properties read from Excel are available only after load() AND context.sync() (reading
 *   earlier throws, like PropertyNotLoaded); what is read is the state at that sync;
 * - syncs are counted per workbook (the figure the issue's budget is about);
 * - cell-level properties (values, formulas, numberFormat) cannot be set on unbounded ranges
 *   (A:A, the whole sheet), arrays must match the range's size, null entries are skipped,
 *   and a text starting with ' is stored without it, as Excel does;
 * - a sheet name is unique (case-insensitive), a name is unique in its sheet.
 * Writes apply at once (Excel applies a batch in order, so the observable result is the same).
 * Formula cells hold no computed value unless a test sets one with setComputed().
 * Test and bench support only.
 */
import { columnLetter, parseColumnSpan, parseRect, rect } from '../../core/dashboard/a1';

export interface FakeCell {
  /** What was typed: a formula ("=..."), a number, text or boolean. */
  input: string | number | boolean;
  /** The computed value of a formula cell, when a test set one. */
  computed?: unknown;
  /** Typed with a leading apostrophe: text even when it starts with "=". */
  quoted?: boolean;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  fontColor?: string;
  fontSize?: number;
  wrap?: boolean;
  align?: string;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  rule?: { operator?: string; formula1?: string; formula?: string };
  fill?: string;
  fontColor?: string;
}

export interface FakeSeries {
  name?: string;
  values: string;
  categories?: string;
}

export interface FakeChart {
  type: string;
  name: string;
  title?: string;
  anchor?: string;
  width?: number;
  height?: number;
  legendVisible?: boolean;
  valueAxisFormat?: string;
  series: FakeSeries[];
}

export interface FakeName {
  formula: string;
  visible: boolean;
}

export class SheetModel {
  readonly cells = new Map<number, FakeCell>();
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /**
   * Dynamic arrays: a formula cell whose computed value is a 2-D array spills right and down from
   * it, or shows #SPILL! when a typed cell stands in the way. Values by cell key, anchors by key.
   */
  spills(): { values: Map<number, unknown>; anchors: Map<number, { rows: number; cols: number }> } {
    const values = new Map<number, unknown>();
    const anchors = new Map<number, { rows: number; cols: number }>();
    for (const [k, c] of this.cells) {
      if (!Array.isArray(c.computed) || c.quoted || typeof c.input !== 'string' || !c.input.startsWith('=')) continue;
      const grid = c.computed as unknown[][];
      const row = Math.floor(k / COLS),
        col = k % COLS;
      const blocked = grid.some((line, i) => line.some((_v, j) => (i || j) && (this.cells.get(key(row + i, col + j))?.input ?? '') !== ''));
      if (blocked) {
        values.set(k, '#SPILL!');
        continue;
      }
      anchors.set(k, { rows: grid.length, cols: grid[0]?.length ?? 1 });
      grid.forEach((line, i) => line.forEach((v, j) => values.set(key(row + i, col + j), v ?? '')));
    }
    return { values, anchors };
  }
  readonly names = new Map<string, FakeName>();
  charts: FakeChart[] = [];
  /** pageLayout as set by the add-in: orientation, print area, fit to pages. */
  print: { orientation?: string; area?: string; zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number } } = {};
  conditionalFormats: FakeConditionalFormat[] = [];
  frozenRows = 0;
  readonly columnWidths: Record<string, number> = {};
  /** Excel's worksheet id: a new one for every sheet, a copy included; kept through renames. */
  readonly id = `{00000000-${String(++sheetSeq).padStart(4, '0')}-0000-C000-000000000046}`;
  constructor(public name: string) {}
}
let sheetSeq = 0;

const COLS = 16384;
const key = (row: number, col: number) => row * COLS + col;

/** 0-based rectangle; bounded false for whole columns or the whole sheet. */
interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
  bounded: boolean;
}

export function parseAddress(address: string | undefined): Rect {
  if (address === undefined) return { row: 0, col: 0, rows: 1048576, cols: COLS, bounded: false };
  const whole = parseColumnSpan(address);
  if (whole) return { row: 0, col: whole.col, rows: 1048576, cols: whole.width, bounded: false };
  const r = parseRect(address);
  if (!r) throw new Error(`InvalidArgument: bad address ${address}`);
  return { row: r.row, col: r.col, rows: r.height, cols: r.width, bounded: true };
}

export function addressOf(r: Rect): string {
  return rect(r.col + 1, r.row + 1, r.cols, r.rows);
}

function notLoaded(what: string): never {
  throw new Error(`PropertyNotLoaded: ${what} was read before load() and context.sync()`);
}

/** The request context: queued loads resolve at sync. */
class FakeContext {
  private pending: (() => void)[] = [];
  readonly workbook: { worksheets: WorksheetCollection; names: WorkbookNames };
  constructor(readonly book: FakeWorkbook) {
    this.workbook = { worksheets: new WorksheetCollection(this), names: new WorkbookNames(this) };
  }
  queueLoad(resolve: () => void): void {
    this.pending.push(resolve);
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    const todo = this.pending;
    this.pending = [];
    for (const resolve of todo) resolve();
  }
}

/** Base of loadable proxies: load() snapshots the named properties at the next sync. */
abstract class Loadable {
  protected loaded: Record<string, unknown> = {};
  /** Set by getXOrNullObject proxies: isNullObject becomes readable after a load and a sync, as in Office.js. */
  protected isNull?: () => boolean;
  constructor(protected readonly ctx: FakeContext) {}
  protected abstract read(prop: string): unknown;
  load(props?: string | string[]): this {
    const list = props === undefined ? [] : Array.isArray(props) ? props : props.split(',');
    const names = list.map((p) => p.trim()).filter(Boolean);
    this.ctx.queueLoad(() => {
      if (this.isNull) this.loaded.isNullObject = this.isNull();
      for (const p of names) this.loaded[p] = this.read(p);
    });
    return this;
  }
  protected get<T>(prop: string): T {
    if (!(prop in this.loaded)) notLoaded(prop);
    return this.loaded[prop] as T;
  }
}

class WorksheetCollection extends Loadable {
  constructor(ctx: FakeContext) {
    super(ctx);
  }
  protected read(prop: string): unknown {
    if (prop === 'items/name' || prop === 'items' || prop === 'items/id') {
      // 'items/name,items/id' loads both on the same proxies
      const list = (this.loaded['items/name'] ??
        this.loaded['items/id'] ??
        this.ctx.book.sheets.map((m) => new Worksheet(this.ctx, m))) as Worksheet[];
      for (const w of list) {
        if (prop !== 'items/id') w.preload('name', w.model.name);
        if (prop !== 'items/name') w.preload('id', w.model.id);
      }
      return list;
    }
    throw new Error(`fake: cannot load worksheets.${prop}`);
  }
  get items(): Worksheet[] {
    return this.get<Worksheet[]>(this.loaded['items/name'] ? 'items/name' : this.loaded['items/id'] ? 'items/id' : 'items');
  }
  add(name: string): Worksheet {
    if (this.ctx.book.find(name)) throw new Error(`ItemAlreadyExists: a sheet named ${name} exists`);
    const m = new SheetModel(name);
    this.ctx.book.sheets.push(m);
    return new Worksheet(this.ctx, m);
  }
  getItem(name: string): Worksheet {
    const m = this.ctx.book.find(name);
    if (!m) throw new Error(`ItemNotFound: ${name}`);
    return new Worksheet(this.ctx, m);
  }
  getItemOrNullObject(name: string): Worksheet {
    const m = this.ctx.book.find(name);
    const w = new Worksheet(this.ctx, m ?? new SheetModel(name));
    (w as unknown as { isNull: () => boolean }).isNull = () => !this.ctx.book.find(name);
    return w;
  }
}

class Worksheet extends Loadable {
  readonly names: NamedItemCollection;
  readonly charts: ChartCollection;
  readonly freezePanes: { freezeRows: (n?: number) => void; unfreeze: () => void };
  readonly pageLayout: {
    orientation?: string;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number };
    setPrintArea: (a: string) => void;
  };
  constructor(
    ctx: FakeContext,
    readonly model: SheetModel,
  ) {
    super(ctx);
    this.pageLayout = {
      set orientation(v: string) {
        model.print.orientation = v;
      },
      set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
        model.print.zoom = { ...v };
      },
      setPrintArea: (a: string) => {
        parseAddress(a); // throws on an address Excel would refuse
        model.print.area = a;
      },
    } as Worksheet['pageLayout'];
    this.names = new NamedItemCollection(ctx, model);
    this.charts = new ChartCollection(ctx, model);
    this.freezePanes = {
      freezeRows: (n = 1) => void (model.frozenRows = n),
      unfreeze: () => void (model.frozenRows = 0),
    };
  }
  preload(prop: string, value: unknown): void {
    this.loaded[prop] = value;
  }
  protected read(prop: string): unknown {
    if (prop === 'name') return this.model.name;
    if (prop === 'id') return this.model.id;
    if (prop === 'visibility') return this.model.visibility;
    throw new Error(`fake: cannot load worksheet.${prop}`);
  }
  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.model.visibility = v;
  }
  delete(): void {
    const i = this.ctx.book.sheets.indexOf(this.model);
    if (i < 0) throw new Error('ItemNotFound: the sheet was deleted');
    this.ctx.book.sheets.splice(i, 1);
  }
  getRange(address?: string): Range {
    return new Range(this.ctx, this.model, parseAddress(address));
  }
  activate(): void {
    this.ctx.book.active = this.model.name;
  }
  private usedRect(valuesOnly: boolean): Rect | null {
    let r1 = Infinity,
      c1 = Infinity,
      r2 = -1,
      c2 = -1;
    const spilled = [...this.model.spills().values].filter(([, v]) => v !== '').map(([k]) => k);
    for (const k of [...this.model.cells.keys(), ...spilled]) {
      const cell = this.model.cells.get(k);
      if (valuesOnly && cell && (cell.input === '' || cell.input === undefined) && !spilled.includes(k)) continue;
      const row = Math.floor(k / COLS),
        col = k % COLS;
      if (row < r1) r1 = row;
      if (row > r2) r2 = row;
      if (col < c1) c1 = col;
      if (col > c2) c2 = col;
    }
    return r2 < 0 ? null : { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1, bounded: true };
  }
  /** Excel returns A1 for a blank sheet. The rectangle is taken when the range is used, as Excel evaluates it in the batch. */
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.ctx, this.model, () => this.usedRect(valuesOnly) ?? parseAddress('A1'));
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(this.ctx, this.model, () => this.usedRect(valuesOnly), true);
  }
}

class NamedItem extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly model: SheetModel,
    private readonly key: string,
    orNull: boolean,
  ) {
    super(ctx);
    if (orNull) this.isNull = () => !model.names.has(key);
  }
  protected read(prop: string): unknown {
    const item = this.model.names.get(this.key);
    if (!item) return undefined;
    if (prop === 'formula') return item.formula;
    if (prop === 'scope') return 'Worksheet';
    if (prop === 'visible') return item.visible;
    if (prop === 'name') return this.key;
    throw new Error(`fake: cannot load namedItem.${prop}`);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get formula(): string {
    if (this.loaded.isNullObject) throw new Error('InvalidObjectPath: null object');
    return this.get('formula');
  }
  get scope(): string {
    if (this.loaded.isNullObject) throw new Error('InvalidObjectPath: null object');
    return this.get('scope');
  }
  set visible(v: boolean) {
    const item = this.model.names.get(this.key);
    if (!item) throw new Error('ItemNotFound: name');
    item.visible = v;
  }
}

class NamedItemCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly model: SheetModel,
  ) {}
  add(name: string, reference: string): NamedItem {
    if (this.model.names.has(name)) throw new Error(`ItemAlreadyExists: name ${name}`);
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) throw new Error(`InvalidArgument: bad name ${name}`);
    this.model.names.set(name, { formula: reference, visible: true });
    return new NamedItem(this.ctx, this.model, name, false);
  }
  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, this.model, name, true);
  }
}

/** A workbook-scoped name over a range (ExcelApi 1.4): Excel moves it as rows are inserted (FakeWorkbook.insertRows). */
export interface FakeWorkbookName {
  sheet: SheetModel;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

class WorkbookNamedItem extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
    this.isNull = () => !ctx.book.names.has(key);
  }
  protected read(prop: string): unknown {
    if (prop === 'name') return this.key;
    throw new Error(`fake: cannot load namedItem.${prop}`);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  delete(): void {
    if (!this.ctx.book.names.delete(this.key)) throw new Error('ItemNotFound: name');
  }
  getRangeOrNullObject(): Range {
    const book = this.ctx.book;
    const at = () => book.names.get(this.key);
    const model = at()?.sheet ?? new SheetModel('#gone');
    return new Range(
      this.ctx,
      model,
      () => {
        const n = at();
        return n && book.sheets.includes(n.sheet) ? { row: n.row, col: n.col, rows: n.rows, cols: n.cols, bounded: true } : null;
      },
      true,
    );
  }
}

class WorkbookNames {
  constructor(private readonly ctx: FakeContext) {}
  add(name: string, reference: Range): WorkbookNamedItem {
    if (this.ctx.book.names.has(name)) throw new Error(`ItemAlreadyExists: name ${name}`);
    const r = reference.rect();
    this.ctx.book.names.set(name, { sheet: reference.sheetModel, row: r.row, col: r.col, rows: r.rows, cols: r.cols });
    return new WorkbookNamedItem(this.ctx, name);
  }
  getItemOrNullObject(name: string): WorkbookNamedItem {
    return new WorkbookNamedItem(this.ctx, name);
  }
}

class ChartSeries {
  constructor(private readonly series: FakeSeries) {}
  set name(v: string) {
    this.series.name = v;
  }
  setValues(r: Range): void {
    this.series.values = r.address0();
  }
  setXAxisValues(r: Range): void {
    this.series.categories = r.address0();
  }
}

class Chart extends Loadable {
  readonly title: { text?: string };
  readonly legend: { visible?: boolean };
  readonly axes: { valueAxis: { numberFormat?: string } };
  readonly series: { getItemAt: (i: number) => ChartSeries; add: (name: string) => ChartSeries };
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetModel,
    readonly model: FakeChart,
  ) {
    super(ctx);
    const m = model;
    this.title = {
      set text(v: string) {
        m.title = v;
      },
    } as { text?: string };
    this.legend = {
      set visible(v: boolean) {
        m.legendVisible = v;
      },
    } as { visible?: boolean };
    this.axes = {
      valueAxis: {
        set numberFormat(v: string) {
          m.valueAxisFormat = v;
        },
      } as { numberFormat?: string },
    };
    this.series = {
      getItemAt: (i) => {
        if (!m.series[i]) throw new Error('ItemNotFound: series');
        return new ChartSeries(m.series[i]);
      },
      add: (name) => {
        const s: FakeSeries = { name, values: '' };
        m.series.push(s);
        return new ChartSeries(s);
      },
    };
  }
  protected read(prop: string): unknown {
    if (prop === 'name') return this.model.name;
    throw new Error(`fake: cannot load chart.${prop}`);
  }
  preload(prop: string, value: unknown): void {
    this.loaded[prop] = value;
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.model.name = v;
  }
  set width(v: number) {
    this.model.width = v;
  }
  set height(v: number) {
    this.model.height = v;
  }
  setPosition(start: string): void {
    parseAddress(start);
    this.model.anchor = start;
  }
  delete(): void {
    this.sheet.charts = this.sheet.charts.filter((c) => c !== this.model);
  }
}

class ChartCollection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly model: SheetModel,
  ) {
    super(ctx);
  }
  protected read(prop: string): unknown {
    if (prop === 'items/name' || prop === 'items') {
      return this.model.charts.map((c) => {
        const chart = new Chart(this.ctx, this.model, c);
        chart.preload('name', c.name);
        return chart;
      });
    }
    throw new Error(`fake: cannot load charts.${prop}`);
  }
  get items(): Chart[] {
    return this.get<Chart[]>('items/name' in this.loaded ? 'items/name' : 'items');
  }
  add(type: string, source: Range, seriesBy: string): Chart {
    if (seriesBy !== 'Columns') throw new Error('fake: only series by columns');
    const model: FakeChart = { type, name: `Chart ${this.model.charts.length + 1}`, series: [{ values: source.address0() }] };
    this.model.charts.push(model);
    return new Chart(this.ctx, this.model, model);
  }
}

class Range extends Loadable {
  private readonly rectOf: () => Rect | null;
  readonly format: {
    fill: { color?: string };
    font: { bold?: boolean; italic?: boolean; color?: string; size?: number };
    wrapText?: boolean;
    horizontalAlignment?: string;
    columnWidth?: number;
  };
  readonly conditionalFormats: { add: (type: string) => ConditionalFormatProxy; clearAll: () => void };

  get sheetModel(): SheetModel {
    return this.sheet;
  }
  constructor(
    ctx: FakeContext,
    private readonly sheet: SheetModel,
    rect: Rect | (() => Rect | null),
    orNull = false,
  ) {
    super(ctx);
    this.rectOf = typeof rect === 'function' ? rect : () => rect;
    if (orNull) this.isNull = () => this.rectOf() === null;
    const each = (apply: (c: FakeCell) => void) => this.eachCell(apply);
    const range = this;
    this.format = {
      fill: {
        set color(v: string) {
          each((c) => (c.fill = v));
        },
      } as { color?: string },
      font: {
        set bold(v: boolean) {
          each((c) => (c.bold = v));
        },
        set italic(v: boolean) {
          each((c) => (c.italic = v));
        },
        set color(v: string) {
          each((c) => (c.fontColor = v));
        },
        set size(v: number) {
          each((c) => (c.fontSize = v));
        },
      } as { bold?: boolean },
      set wrapText(v: boolean) {
        each((c) => (c.wrap = v));
      },
      set horizontalAlignment(v: string) {
        each((c) => (c.align = v));
      },
      set columnWidth(v: number) {
        const r = range.rect();
        for (let c = r.col; c < r.col + r.cols; c++) sheet.columnWidths[columnLetter(c + 1)] = v;
      },
    } as Range['format'];
    this.conditionalFormats = {
      add: (type) => {
        const cf: FakeConditionalFormat = { address: this.address0(), type };
        sheet.conditionalFormats.push(cf);
        return new ConditionalFormatProxy(cf);
      },
      clearAll: () => {
        const r = this.rect();
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(parseAddress(cf.address), r));
      },
    };
  }

  rect(): Rect {
    const r = this.rectOf();
    if (!r) throw new Error('InvalidObjectPath: null object');
    return r;
  }
  address0(): string {
    return addressOf(this.rect());
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }

  /** Formatting applies to a bounded range cell by cell; on whole columns (widths aside) the fake only records widths. */
  private eachCell(apply: (c: FakeCell) => void): void {
    const r = this.rect();
    if (!r.bounded) throw new Error('fake: cell formats on an unbounded range are not modelled');
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) apply(this.cellAt(r.row + i, r.col + j));
  }
  private cellAt(row: number, col: number): FakeCell {
    let c = this.sheet.cells.get(key(row, col));
    if (!c) {
      c = { input: '' };
      this.sheet.cells.set(key(row, col), c);
    }
    return c;
  }
  private setGrid(what: string, grid: unknown, apply: (c: FakeCell, v: unknown) => void): void {
    const r = this.rect();
    if (!r.bounded) throw new Error(`InvalidArgument: cannot set ${what} on an unbounded range (${this.sheet.name})`);
    if (!Array.isArray(grid) || grid.length !== r.rows || grid.some((row) => !Array.isArray(row) || row.length !== r.cols)) {
      throw new Error(`InvalidArgument: ${what} does not match the size of ${addressOf(r)}`);
    }
    grid.forEach((row: unknown[], i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return; // Excel skips null entries
        apply(this.cellAt(r.row + i, r.col + j), v);
      }),
    );
  }
  set formulas(grid: unknown[][]) {
    this.setGrid('formulas', grid, (c, v) => {
      c.input = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (v as string | number | boolean);
      if (typeof v === 'string' && v.startsWith("'")) c.quoted = true;
      else delete c.quoted;
      c.computed = undefined;
    });
  }
  set values(grid: unknown[][]) {
    this.setGrid('values', grid, (c, v) => {
      c.input = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : (v as string | number | boolean);
      if (typeof v === 'string' && v.startsWith("'")) c.quoted = true;
      else delete c.quoted;
      c.computed = undefined;
    });
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  /** The range a dynamic array formula spills to (itself included), or a null object (ExcelApi 1.12). */
  getSpillingToRangeOrNullObject(): Range {
    return new Range(
      this.ctx,
      this.sheet,
      () => {
        const r = this.rect();
        const size = this.sheet.spills().anchors.get(key(r.row, r.col));
        return size ? { row: r.row, col: r.col, rows: size.rows, cols: size.cols, bounded: true } : null;
      },
      true,
    );
  }
  set numberFormat(grid: unknown[][]) {
    this.setGrid('numberFormat', grid, (c, v) => (c.numberFormat = String(v)));
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }

  protected read(prop: string): unknown {
    const r = this.rectOf();
    if (!r) return undefined;
    switch (prop) {
      case 'rowIndex':
        return r.row;
      case 'rowCount':
        return r.rows;
      case 'columnIndex':
        return r.col;
      case 'columnCount':
        return r.cols;
      case 'address':
        return `${this.sheet.name}!${addressOf(r)}`;
      case 'values':
      case 'formulas': {
        if (!r.bounded) return null;
        this.ctx.book.rangeReads.push(`${this.sheet.name}!${addressOf(r)}`);
        const spilled = this.sheet.spills().values;
        const out: unknown[][] = [];
        for (let i = 0; i < r.rows; i++) {
          const row: unknown[] = [];
          for (let j = 0; j < r.cols; j++) {
            const k = key(r.row + i, r.col + j);
            const cell = this.sheet.cells.get(k);
            // formulas: the formula text of formula cells, the value of the others (spilled cells included), as Excel
            if (prop === 'formulas' && !cell?.quoted && typeof cell?.input === 'string' && cell.input.startsWith('=')) row.push(cell.input);
            else row.push(spilled.has(k) ? spilled.get(k) : valueOf(cell));
          }
          out.push(row);
        }
        return out;
      }
      default:
        throw new Error(`fake: cannot load range.${prop}`);
    }
  }

  clear(applyTo: string): void {
    if (applyTo !== 'All') throw new Error('fake: only clear("All")');
    const r = this.rect();
    for (const k of [...this.sheet.cells.keys()]) {
      const row = Math.floor(k / COLS),
        col = k % COLS;
      if (row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols) this.sheet.cells.delete(k);
    }
  }
  getRow(i: number): Range {
    return new Range(this.ctx, this.sheet, () => {
      const r = this.rect();
      return { row: r.row + i, col: r.col, rows: 1, cols: r.cols, bounded: r.bounded };
    });
  }
}

class ConditionalFormatProxy {
  readonly cellValue: { rule?: { operator?: string; formula1?: string }; format: { fill: { color?: string }; font: { color?: string } } };
  /** Custom (formula) formats: custom.rule.formula, custom.format.fill/font (ExcelApi 1.6). */
  readonly custom: { rule: { formula?: string }; format: { fill: { color?: string }; font: { color?: string } } };
  constructor(cf: FakeConditionalFormat) {
    if (cf.type !== 'CellValue' && cf.type !== 'Custom') throw new Error(`fake: conditional format type ${cf.type} not modelled`);
    const only = (type: string) => {
      if (cf.type !== type) throw new Error(`InvalidOperation: this is a ${cf.type} conditional format, not ${type}`);
    };
    const format = {
      fill: {
        set color(v: string) {
          cf.fill = v;
        },
      } as { color?: string },
      font: {
        set color(v: string) {
          cf.fontColor = v;
        },
      } as { color?: string },
    };
    this.cellValue = {
      set rule(v: { operator?: string; formula1?: string }) {
        only('CellValue');
        cf.rule = { ...v };
      },
      get format() {
        only('CellValue');
        return format;
      },
    } as ConditionalFormatProxy['cellValue'];
    this.custom = {
      rule: {
        set formula(v: string) {
          only('Custom');
          if (!v.startsWith('=')) throw new Error('InvalidArgument: a custom conditional format formula starts with =');
          cf.rule = { formula: v };
        },
      } as { formula?: string },
      get format() {
        only('Custom');
        return format;
      },
    } as ConditionalFormatProxy['custom'];
  }
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** What Excel's values give for a cell: the typed value, a formula's computed value ('' when none was set). */
function valueOf(cell: FakeCell | undefined): unknown {
  if (!cell) return '';
  if (!cell.quoted && typeof cell.input === 'string' && cell.input.startsWith('=')) return cell.computed ?? '';
  return cell.input;
}

/** The workbook and its `Excel` global (run creates a fresh request context, as Office.js does). */
export class FakeWorkbook {
  sheets: SheetModel[] = [];
  /** Workbook-scoped names (the dashboard's anchors). */
  readonly names = new Map<string, FakeWorkbookName>();
  syncs = 0;
  runs = 0;
  /** Each range whose values or formulas were read at a sync (sheet!address): a read per cell would show here. */
  readonly rangeReads: string[] = [];
  active: string | undefined;

  readonly Excel = {
    run: async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      this.runs++;
      return batch(new FakeContext(this) as unknown as Excel.RequestContext);
    },
  };

  find(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  sheet(name: string): SheetModel {
    const s = this.find(name);
    if (!s) throw new Error(`no sheet ${name}; sheets: ${this.sheets.map((x) => x.name).join(', ')}`);
    return s;
  }

  /** Adds a data sheet holding `rows` from A1 (what a user typed). */
  addSheet(name: string, rows: readonly (readonly unknown[])[] = []): SheetModel {
    const m = new SheetModel(name);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== undefined && v !== '') m.cells.set(key(i, j), { input: v as string | number | boolean });
      }),
    );
    this.sheets.push(m);
    return m;
  }

  /**
   * As a user's "Move or Copy… > Create a copy" placed at `position`: a new worksheet id, the cells,
   * formats and charts copied, and the sheet-scoped names (our marker among them) copied with it,
   * as Excel does. Workbook-scoped names stay on the original.
   */
  copySheet(name: string, copyName: string, position = this.sheets.length): SheetModel {
    const from = this.sheet(name);
    if (this.find(copyName)) throw new Error(`ItemAlreadyExists: a sheet named ${copyName} exists`);
    const copy = new SheetModel(copyName);
    for (const [k, c] of from.cells) copy.cells.set(k, { ...c });
    for (const [n, v] of from.names) copy.names.set(n, { ...v });
    copy.charts = from.charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) }));
    copy.conditionalFormats = from.conditionalFormats.map((c) => ({ ...c }));
    copy.frozenRows = from.frozenRows;
    Object.assign(copy.columnWidths, from.columnWidths);
    this.sheets.splice(position, 0, copy);
    return copy;
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const r = parseAddress(address);
    return this.sheet(sheet).cells.get(key(r.row, r.col));
  }
  input(sheet: string, address: string): unknown {
    return this.cell(sheet, address)?.input;
  }
  /** As a user inserting rows before a 1-based row: cells below move down, names over them move or grow. */
  insertRows(sheet: string, before: number, howMany: number): void {
    const m = this.sheet(sheet);
    const moved = new Map<number, FakeCell>();
    for (const [k, c] of m.cells) {
      const row = Math.floor(k / COLS),
        col = k % COLS;
      moved.set(row >= before - 1 ? key(row + howMany, col) : k, c);
    }
    m.cells.clear();
    for (const [k, c] of moved) m.cells.set(k, c);
    for (const n of this.names.values()) {
      if (n.sheet !== m) continue;
      if (n.row >= before - 1) n.row += howMany;
      else if (n.row + n.rows - 1 >= before - 1) n.rows += howMany;
    }
  }
  /** What the calculation engine would have computed for a formula cell. */
  setComputed(sheet: string, address: string, value: unknown): void {
    const c = this.cell(sheet, address);
    if (!c || typeof c.input !== 'string' || !c.input.startsWith('=')) throw new Error(`${sheet}!${address} holds no formula`);
    c.computed = value;
  }
  /** Every typed input of a sheet, as "A1" -> input. */
  inputs(sheet: string): Map<string, FakeCell['input']> {
    const out = new Map<string, FakeCell['input']>();
    for (const [k, c] of this.sheet(sheet).cells)
      if (c.input !== '') out.set(`${columnLetter((k % COLS) + 1)}${Math.floor(k / COLS) + 1}`, c.input);
    return out;
  }
}
