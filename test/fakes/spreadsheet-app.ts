/**
 * A SpreadsheetApp of our own for the Apps Script host tests: enough of Sheets to run the
 * dashboard applier (spreadsheet, sheets, ranges, developer metadata, conditional format rules,
 * line and column charts, PropertiesService, LockService, Session, Utilities, HtmlService, and for
 * the daily alerts ScriptApp (granted scopes, requireScopes, user triggers) and MailApp (quota,
 * sent messages)), and a COUNTER
 * of every call the script makes into it, by kind:
 * - read: returns document state, so Apps Script must flush queued writes and wait (a round trip);
 * - write: changes the document; Apps Script queues and batches these;
 * - get: hands back an object or a property already fetched (getRange, getName, metadata fields);
 * - builder: builds a rule or a chart in memory, touching no document;
 * - service: PropertiesService, LockService, Session, Utilities, HtmlService, the Ui, ScriptApp, MailApp.
 * The script sees only proxies; tests inspect the raw model through FakeSheets methods, which
 * are not counted. Fidelity choices that matter (each mirrors Sheets): setValues enters text
 * like typed input (=formula, 'apostrophe, numbers and ISO dates parsed unless the format is
 * "@"); number cells with a date format read back as Date (midnight in the spreadsheet's zone);
 * getRange outside the grid (1000 × 26 for a new sheet) throws; sheet names are unique
 * case-insensitively; a property value holds at most 9 KB.
 */
import { columnLetter, columnNumber, parseColumnSpan, parseRect, parseRowSpan, rect } from '../../core/dashboard/a1';

export type CallKind = 'read' | 'write' | 'get' | 'builder' | 'service';
export type CallCounts = Record<CallKind, number> & { total: number; document: number };

export interface FakeOptions {
  /** The spreadsheet's time zone (IANA). Default Etc/UTC. */
  timeZone?: string;
  /** What Session.getActiveUserLocale() answers. Default 'en'. */
  locale?: string;
  /** Date constructor of the realm the script runs in (a vm context's), for dates handed to it. */
  DateCtor?: DateConstructor;
  /**
   * Value of a formula cell when read; default '' (this fake computes nothing). A 2-D array is a
   * custom function's table: it spills right and down from the formula cell as in Sheets, or shows
   * #REF! when a filled cell stands in the way.
   */
  evaluate?: (sheet: string, row: number, col: number, formula: string) => unknown;
  /** "Now" for new Date() is the script's; this is only for tests that need a fixed today. */
  /** The user running the script (Session.getEffectiveUser()); default ana@example.com. */
  user?: string;
  /** Scopes this user granted; default the two a dashboard needs (a user who never switched alerts on). */
  granted?: readonly string[];
  /** What MailApp.getRemainingDailyQuota() answers at first; default 100 (a consumer account). */
  mailQuota?: number;
}

export const BASE_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
] as const;
const SCOPE = {
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;
export const AUTH_URL = 'https://script.google.com/a/macros/authorize?fake=1';

/** An installable trigger as the fake keeps it: whose, which document, what it runs, when. */
export interface FakeTrigger {
  readonly id: string;
  readonly owner: string;
  readonly document: string;
  readonly handler: string;
  readonly schedule: { everyDays?: number; atHour?: number; timeZone?: string };
}

/** A message MailApp.sendEmail was asked to send. */
export interface FakeMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly name?: string;
}

interface Cell {
  v?: unknown; // number, string, boolean
  f?: string; // formula
  fmt?: string;
  style?: Record<string, unknown>;
}

const DEFAULT_ROWS = 1000;
const DEFAULT_COLS = 26;
const MAX_PROPERTY_BYTES = 9 * 1024;

const READS = new Set([
  'getNamedRanges',
  'getRangeByName',
  'getSheets',
  'getSheetByName',
  'getSpreadsheetTimeZone',
  'getLastRow',
  'getLastColumn',
  'getCharts',
  'getConditionalFormatRules',
  'getDeveloperMetadata',
  'getValues',
  'getValue',
  'getFormulas',
  'getNumberFormats',
  'getFrozenRows',
  'getMaxRows',
  'getMaxColumns',
  'getBackgrounds',
  'getDisplayValues',
  'getColumnWidth',
  'getActiveSheet',
  'flush',
  'find',
]);
const SERVICE_CLASSES = new Set([
  'PropertiesService',
  'Properties',
  'LockService',
  'Lock',
  'Session',
  'Utilities',
  'HtmlService',
  'HtmlOutput',
  'Ui',
  'Menu',
  'ScriptApp',
  'AuthorizationInfo',
  'TriggerBuilder',
  'ClockTriggerBuilder',
  'Trigger',
  'MailApp',
  'User',
]);
const BUILDER_CLASSES = new Set(['ConditionalFormatRuleBuilder', 'EmbeddedChartBuilder', 'DeveloperMetadataFinder']);
const VALUE_CLASSES = new Set([
  'DeveloperMetadata',
  'DeveloperMetadataLocation',
  'ConditionalFormatRule',
  'EmbeddedChart',
  'BooleanCondition',
  'ContainerInfo',
  'ChartOptions',
]);

function kindOf(cls: string, method: string): CallKind {
  if (SERVICE_CLASSES.has(cls) || method === 'getUi') return 'service';
  if (READS.has(method) && !VALUE_CLASSES.has(cls)) return 'read';
  if (BUILDER_CLASSES.has(cls) || method === 'newChart' || method === 'newConditionalFormatRule') return 'builder';
  if (VALUE_CLASSES.has(cls)) return 'get';
  if (/^(set|insert|remove|clear|add|delete|update|activate|hide|show)/.test(method)) return 'write';
  return 'get';
}

/** Every raw object names its Apps Script class, so the counter can file its calls. */
abstract class Raw {
  abstract readonly $class: string;
}

export class FakeSheets {
  readonly log: string[] = [];
  /** Cells handed back by getValues / getFormulas / getNumberFormats, per sheet: a call count alone would not show a script reading 50,000 rows in one call. */
  readonly cellsRead = new Map<string, number>();
  readonly properties = new Map<string, string>();
  readonly lock = { busy: false, held: false, acquired: 0, released: 0 };
  readonly sidebars: { file: string; title: string }[] = [];
  readonly spreadsheet: RawSpreadsheet;
  readonly options: Required<Omit<FakeOptions, 'evaluate' | 'granted'>> & Pick<FakeOptions, 'evaluate'>;
  /** Who runs the script now (change it to act as another editor). */
  user: string;
  /** Session...getEmail() gives '' even with userinfo.email (a domain policy may withhold it). */
  hideEmail = false;
  /** Scopes granted, per user. */
  readonly granted = new Map<string, Set<string>>();
  /** Scope lists requireScopes was called with while some were missing (where Google would prompt). */
  readonly prompts: string[][] = [];
  /** Every installable trigger of the add-on, all users. */
  readonly triggers: FakeTrigger[] = [];
  readonly mail: { quota: number; sent: FakeMail[] };
  private triggerSeq = 0;
  private readonly proxies = new WeakMap<object, object>();
  private readonly raws = new WeakMap<object, object>();

  constructor(options: FakeOptions = {}) {
    const { granted, ...rest } = options;
    this.options = { timeZone: 'Etc/UTC', locale: 'en', DateCtor: Date, user: 'ana@example.com', mailQuota: 100, ...rest };
    this.user = this.options.user;
    this.granted.set(this.user, new Set(granted ?? BASE_SCOPES));
    this.mail = { quota: this.options.mailQuota, sent: [] };
    this.spreadsheet = new RawSpreadsheet(this);
  }

  /** Grants scopes to the current user (what the consent screen would do). */
  grant(...scopes: string[]): void {
    const own = this.granted.get(this.user) ?? new Set<string>(BASE_SCOPES);
    for (const s of scopes) own.add(s);
    this.granted.set(this.user, own);
  }

  /** Revokes scopes of the current user. */
  revoke(...scopes: string[]): void {
    for (const s of scopes) this.granted.get(this.user)?.delete(s);
  }

  hasScope(scope: string): boolean {
    return this.granted.get(this.user)?.has(scope) ?? BASE_SCOPES.includes(scope as (typeof BASE_SCOPES)[number]);
  }

  /** Apps Script refuses a service call whose scope was not granted. */
  needScope(scope: string, what: string): void {
    if (!this.hasScope(scope)) throw new Error(`You do not have permission to call ${what}. Required permissions: ${scope}`);
  }

  addTrigger(handler: string, schedule: FakeTrigger['schedule']): FakeTrigger {
    const t: FakeTrigger = { id: `t${++this.triggerSeq}`, owner: this.user, document: this.spreadsheet.id, handler, schedule };
    this.triggers.push(t);
    return t;
  }

  // ---- counting -------------------------------------------------------------------------

  counts(): CallCounts {
    const c: CallCounts = { read: 0, write: 0, get: 0, builder: 0, service: 0, total: 0, document: 0 };
    for (const entry of this.log) {
      const [cls, method] = entry.split('.');
      c[kindOf(cls, method)]++;
      c.total++;
    }
    c.document = c.read + c.write + c.get;
    return c;
  }

  /** How many times each Class.method was called, for reports. */
  byMethod(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.log) out[e] = (out[e] ?? 0) + 1;
    return out;
  }

  resetCounts(): void {
    this.log.length = 0;
    this.cellsRead.clear();
  }

  /** The proxy the script sees for a raw object: every method call is logged, arguments unwrapped, results wrapped. */
  wrap<T>(raw: T): T {
    if (raw === null || typeof raw !== 'object') return raw;
    if (Array.isArray(raw)) return raw.map((x) => this.wrap(x)) as T;
    if (!(raw instanceof Raw)) return raw;
    const known = this.proxies.get(raw);
    if (known) return known as T;
    const proxy = new Proxy(raw, {
      get: (target, prop, receiver) => {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string' || prop.startsWith('$') || prop === 'constructor') return value;
        return (...args: unknown[]) => {
          this.log.push(`${target.$class}.${prop}`);
          return this.wrap(
            value.apply(
              target,
              args.map((a) => this.unwrap(a)),
            ),
          );
        };
      },
    });
    this.proxies.set(raw, proxy);
    this.raws.set(proxy, raw);
    return proxy as T;
  }

  unwrap<T>(v: T): T {
    if (Array.isArray(v)) return v.map((x) => this.unwrap(x)) as T;
    if (v !== null && typeof v === 'object') return (this.raws.get(v) as T) ?? v;
    return v;
  }

  // ---- the globals a script sees ---------------------------------------------------------

  globals(): Record<string, unknown> {
    const enums = {
      DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' },
      DeveloperMetadataLocationType: { SPREADSHEET: 'SPREADSHEET', SHEET: 'SHEET', ROW: 'ROW', COLUMN: 'COLUMN' },
      WrapStrategy: { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' },
    };
    const fake = this;
    class SpreadsheetAppRaw extends Raw {
      readonly $class = 'SpreadsheetApp';
      readonly DeveloperMetadataVisibility = enums.DeveloperMetadataVisibility;
      readonly DeveloperMetadataLocationType = enums.DeveloperMetadataLocationType;
      readonly WrapStrategy = enums.WrapStrategy;
      getActiveSpreadsheet() {
        return fake.spreadsheet;
      }
      getActive() {
        return fake.spreadsheet;
      }
      flush() {}
      newConditionalFormatRule() {
        return new RawRuleBuilder();
      }
      getUi() {
        return new RawUi(fake);
      }
    }
    class PropertiesServiceRaw extends Raw {
      readonly $class = 'PropertiesService';
      getDocumentProperties() {
        return new RawProperties(fake.properties);
      }
    }
    class LockServiceRaw extends Raw {
      readonly $class = 'LockService';
      getDocumentLock() {
        return new RawLock(fake.lock);
      }
    }
    class SessionRaw extends Raw {
      readonly $class = 'Session';
      getActiveUserLocale() {
        return fake.options.locale;
      }
      getScriptTimeZone() {
        return 'Etc/UTC';
      }
      getEffectiveUser() {
        return new RawUser(fake);
      }
      getActiveUser() {
        return new RawUser(fake);
      }
    }
    class ScriptAppRaw extends Raw {
      readonly $class = 'ScriptApp';
      readonly AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' };
      readonly AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };
      getAuthorizationInfo(_mode: string, scopes?: string[]) {
        return new RawAuthorizationInfo(fake, scopes ?? [...(fake.granted.get(fake.user) ?? [])]);
      }
      /** Granular consent: when a listed scope is missing, the run ends (here: throws) and Google prompts where it can. */
      requireScopes(mode: string, scopes: string[]) {
        if (mode !== 'FULL') throw new Error('requireScopes: only AuthMode.FULL is supported');
        const missing = scopes.filter((s) => !fake.hasScope(s));
        if (missing.length) {
          fake.prompts.push(missing);
          throw new Error('Authorization is required to perform that action.');
        }
      }
      newTrigger(handler: string) {
        fake.needScope(SCOPE.scriptapp, 'ScriptApp.newTrigger');
        return new RawTriggerBuilder(fake, handler);
      }
      getUserTriggers(ss: RawSpreadsheet) {
        fake.needScope(SCOPE.scriptapp, 'ScriptApp.getUserTriggers');
        return fake.triggers.filter((t) => t.owner === fake.user && t.document === ss.id).map((t) => new RawTrigger(t));
      }
      getProjectTriggers() {
        fake.needScope(SCOPE.scriptapp, 'ScriptApp.getProjectTriggers');
        return fake.triggers.filter((t) => t.owner === fake.user).map((t) => new RawTrigger(t));
      }
      deleteTrigger(trigger: RawTrigger) {
        fake.needScope(SCOPE.scriptapp, 'ScriptApp.deleteTrigger');
        const i = fake.triggers.findIndex((t) => t.id === trigger.t.id && t.owner === fake.user);
        if (i < 0) throw new Error('No trigger of yours with that id');
        fake.triggers.splice(i, 1);
      }
    }
    class MailAppRaw extends Raw {
      readonly $class = 'MailApp';
      getRemainingDailyQuota() {
        fake.needScope(SCOPE.mail, 'MailApp.getRemainingDailyQuota');
        return fake.mail.quota;
      }
      sendEmail(message: FakeMail | string, subject?: string, body?: string) {
        fake.needScope(SCOPE.mail, 'MailApp.sendEmail');
        const m: FakeMail = typeof message === 'string' ? { to: message, subject: subject ?? '', body: body ?? '' } : { ...message };
        if (!m.to || typeof m.subject !== 'string' || typeof m.body !== 'string')
          throw new Error('Invalid argument: a message needs to, subject and body');
        if (/[\r\n]/.test(m.subject)) throw new Error('Invalid argument: subject');
        if (fake.mail.quota < 1) throw new Error('Service invoked too many times for one day: email.');
        fake.mail.quota--;
        fake.mail.sent.push(m);
      }
    }
    class UtilitiesRaw extends Raw {
      readonly $class = 'Utilities';
      formatDate(date: Date, timeZone: string, pattern: string) {
        return formatDate(date, timeZone, pattern);
      }
    }
    class HtmlServiceRaw extends Raw {
      readonly $class = 'HtmlService';
      createHtmlOutputFromFile(file: string) {
        return new RawHtmlOutput(file);
      }
      createHtmlOutput(html: string) {
        return new RawHtmlOutput(`<inline ${html.length} chars>`);
      }
    }
    return {
      SpreadsheetApp: this.wrap(new SpreadsheetAppRaw()),
      PropertiesService: this.wrap(new PropertiesServiceRaw()),
      LockService: this.wrap(new LockServiceRaw()),
      Session: this.wrap(new SessionRaw()),
      Utilities: this.wrap(new UtilitiesRaw()),
      HtmlService: this.wrap(new HtmlServiceRaw()),
      ScriptApp: this.wrap(new ScriptAppRaw()),
      MailApp: this.wrap(new MailAppRaw()),
    };
  }

  /** Puts the globals on `target` (globalThis by default); returns the function that takes them off. */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
    const g = this.globals();
    const before = Object.keys(g).map((k) => [k, Object.getOwnPropertyDescriptor(target, k)] as const);
    Object.assign(target, g);
    return () => {
      for (const [k, d] of before) {
        if (d) Object.defineProperty(target, k, d);
        else delete target[k];
      }
    };
  }

  // ---- test set-up and inspection (not counted) ------------------------------------------

  /** A user's sheet with these rows from A1 (values as a spreadsheet holds them: dates as serials). */
  addSheet(name: string, rows: readonly (readonly unknown[])[] = [], formats?: Record<string, string>): RawSheet {
    const sheet = this.spreadsheet.insertSheet(name, this.spreadsheet.sheets.length);
    sheet.maxRows = Math.max(DEFAULT_ROWS, rows.length);
    sheet.maxCols = Math.max(DEFAULT_COLS, ...rows.map((r) => r.length));
    sheet.grid = rows.map((r) => r.map((v) => (v === null || v === undefined || v === '' ? undefined : { v })));
    for (const [col, fmt] of Object.entries(formats ?? {})) {
      const c = columnNumber(col)! - 1;
      for (const row of sheet.grid) if (row[c]) row[c]!.fmt = fmt;
    }
    return sheet;
  }

  /**
   * As a user choosing "Duplicate" (then moving the copy to `index` in tab order): a new sheet id,
   * the cells, formats, rules and charts copied, and the sheet's developer metadata copied too,
   * as Sheets does. Named ranges stay on the original.
   */
  duplicateSheet(name: string, copyName: string, index?: number): RawSheet {
    const from = this.sheet(name);
    if (!from) throw new Error(`no sheet ${name}`);
    const copy = this.spreadsheet.insertSheet(copyName, index ?? this.spreadsheet.sheets.length);
    copy.grid = from.grid.map((row) => (row ?? []).map((c) => (c ? { ...c, style: c.style ? { ...c.style } : undefined } : undefined)));
    copy.maxRows = from.maxRows;
    copy.maxCols = from.maxCols;
    copy.frozenRows = from.frozenRows;
    copy.widths = { ...from.widths };
    copy.rules = [...from.rules];
    copy.charts = [...from.charts];
    for (const m of this.spreadsheet.metadata.filter((x) => x.sheet === from)) copy.addDeveloperMetadata(m.key, m.value, m.visibility);
    return copy;
  }

  sheet(name: string): RawSheet | undefined {
    return this.spreadsheet.sheets.find((s) => s.name === name);
  }

  sheetNames(): string[] {
    return this.spreadsheet.sheets.map((s) => s.name);
  }

  /** Markers as (sheet name, key, value): the role markers (KPIPILOT_SHEET), not the sheet ids recorded beside them. */
  markers(): [string, string, string][] {
    return this.spreadsheet.metadata
      .filter((m) => this.spreadsheet.sheets.includes(m.sheet) && m.key === 'KPIPILOT_SHEET')
      .map((m) => [m.sheet.name, m.key, m.value]);
  }

  /** Everything about a sheet, as plain data, to compare two states. */
  dump(name: string): unknown {
    const s = this.sheet(name);
    if (!s) return undefined;
    return {
      name: s.name,
      cells: s.grid.map((row) => (row ?? []).map((c) => (c ? { ...c } : null))),
      frozenRows: s.frozenRows,
      widths: { ...s.widths },
      maxCols: s.maxCols,
      rules: s.rules.map((r) => r.describe()),
      charts: s.charts.map((c) => c.describe()),
      markers: this.spreadsheet.metadata.filter((m) => m.sheet === s).map((m) => [m.key, m.value, m.visibility]),
    };
  }

  /** Date for a day serial at midnight in the spreadsheet's zone, in the script's realm. */
  dateOf(serial: number): Date {
    const utc = (serial - 25569) * 86400000;
    let ms = utc - offsetMinutes(this.options.timeZone, utc) * 60000;
    ms = utc - offsetMinutes(this.options.timeZone, ms) * 60000;
    return new this.options.DateCtor(ms);
  }
}

// ---- the document model ---------------------------------------------------------------------

export class RawSpreadsheet extends Raw {
  readonly $class = 'Spreadsheet';
  readonly sheets: RawSheet[] = [];
  readonly metadata: RawDeveloperMetadata[] = [];
  active: RawSheet | null = null;
  readonly id = 'fake-spreadsheet-id';
  private nextId = 1;
  constructor(readonly fake: FakeSheets) {
    super();
  }
  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }
  insertSheet(name: string, index?: number) {
    if (this.getSheetByName(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new RawSheet(this, name, this.nextId++);
    this.sheets.splice(index === undefined ? this.sheets.length : Math.min(index, this.sheets.length), 0, sheet);
    this.active = sheet;
    return sheet;
  }
  /** Sheets removes the sheet's named ranges with it (getNamedRanges no longer lists them, the name is free again). */
  deleteSheet(sheet: RawSheet) {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.namedRanges.length - 1; i >= 0; i--) if (this.namedRanges[i].range.sheet === sheet) this.namedRanges.splice(i, 1);
  }
  setActiveSheet(sheet: RawSheet) {
    this.active = sheet;
    return sheet;
  }
  getActiveSheet() {
    return this.active;
  }
  getSpreadsheetTimeZone() {
    return this.fake.options.timeZone;
  }
  getId() {
    return this.id;
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  /** "'KPI Dashboard'!B5:B11" */
  getRange(ref: string) {
    const m = /^'((?:[^']|'')+)'!(.+)$/.exec(ref) ?? /^([^'!]+)!(.+)$/.exec(ref);
    if (!m) throw new Error(`Range not found: ${ref}`);
    const sheet = this.getSheetByName(m[1].replace(/''/g, "'"));
    if (!sheet) throw new Error(`Range not found: ${ref}`);
    return sheet.getRange(m[2]);
  }
  createDeveloperMetadataFinder() {
    return new RawFinder(this);
  }
  readonly namedRanges: RawNamedRange[] = [];
  /** Names a range; as in Sheets, a name already used is refused. */
  setNamedRange(name: string, range: RawRange) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Invalid named range name: ${name}`);
    if (this.namedRanges.some((n) => n.name === name)) throw new Error(`A named range with the name ${name} already exists.`);
    this.namedRanges.push(new RawNamedRange(this, name, range));
  }
  getRangeByName(name: string) {
    const n = this.namedRanges.find((x) => x.name === name);
    return n && this.sheets.includes(n.range.sheet) ? n.range : null;
  }
  getNamedRanges() {
    return this.namedRanges.filter((n) => this.sheets.includes(n.range.sheet));
  }
  removeNamedRange(name: string) {
    const i = this.namedRanges.findIndex((x) => x.name === name);
    if (i < 0) throw new Error(`Named range ${name} not found`);
    this.namedRanges.splice(i, 1);
  }
}

export class RawNamedRange extends Raw {
  readonly $class = 'NamedRange';
  constructor(
    readonly ss: RawSpreadsheet,
    readonly name: string,
    public range: RawRange,
  ) {
    super();
  }
  getName() {
    return this.name;
  }
  getRange() {
    return this.range;
  }
  setRange(range: RawRange) {
    this.range = range;
    return this;
  }
  remove() {
    this.ss.removeNamedRange(this.name);
  }
}

export class RawSheet extends Raw {
  readonly $class = 'Sheet';
  grid: (Cell | undefined)[][] = [];
  maxRows = DEFAULT_ROWS;
  maxCols = DEFAULT_COLS;
  frozenRows = 0;
  widths: Record<string, number> = {};
  rules: RawRule[] = [];
  charts: RawChart[] = [];
  constructor(
    readonly ss: RawSpreadsheet,
    public name: string,
    readonly id: number,
  ) {
    super();
  }
  getName() {
    return this.name;
  }
  setName(name: string) {
    this.name = name;
    return this;
  }
  getSheetId() {
    return this.id;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxCols;
  }
  insertColumnsAfter(after: number, howMany: number) {
    if (after > this.maxCols) throw new Error('column out of range');
    this.maxCols += howMany; // inserted at the end only in our use; cells after `after` would shift
    return this;
  }
  insertRowsAfter(after: number, howMany: number) {
    if (after > this.maxRows) throw new Error('row out of range');
    this.maxRows += howMany;
    if (after < this.grid.length) this.insertRowsBefore(after + 1, howMany, false);
    return this;
  }
  /** As a user inserting rows: cells below move down, and named ranges over them move or grow as Sheets does. */
  insertRowsBefore(before: number, howMany: number, grow = true) {
    if (grow) this.maxRows += howMany;
    this.grid.splice(before - 1, 0, ...Array.from({ length: howMany }, () => [] as (Cell | undefined)[]));
    for (const n of this.ss.namedRanges) {
      const r = n.range;
      if (r.sheet !== this) continue;
      if (r.row >= before) n.range = new RawRange(this, r.row + howMany, r.col, r.rows, r.cols);
      else if (r.row + r.rows - 1 >= before) n.range = new RawRange(this, r.row, r.col, r.rows + howMany, r.cols);
    }
    return this;
  }
  deleteRows(first: number, howMany: number) {
    this.grid.splice(first - 1, howMany);
    this.maxRows -= howMany;
    for (const n of [...this.ss.namedRanges]) {
      const r = n.range;
      if (r.sheet !== this || r.row + r.rows - 1 < first) continue;
      if (r.row >= first + howMany) n.range = new RawRange(this, r.row - howMany, r.col, r.rows, r.cols);
      else this.ss.namedRanges.splice(this.ss.namedRanges.indexOf(n), 1); // Sheets turns it to #REF!: gone for our purpose
    }
    return this;
  }
  /** The rectangle from A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange() {
    return new RawRange(this, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn()));
  }
  getLastRow() {
    let last = 0;
    for (let r = this.grid.length - 1; r >= 0; r--)
      if (this.grid[r]?.some(hasContent)) {
        last = r + 1;
        break;
      }
    for (const [key, v] of this.spilled()) if (v !== '') last = Math.max(last, Number(key.split(',')[0]));
    return last;
  }
  getLastColumn() {
    let last = 0;
    for (const row of this.grid) if (row) for (let c = row.length - 1; c >= last; c--) if (hasContent(row[c])) last = c + 1;
    for (const [key, v] of this.spilled()) if (v !== '') last = Math.max(last, Number(key.split(',')[1]));
    return last;
  }
  /** Spilled values only when some formula returns a table (the common case costs nothing). */
  private spilled(): Map<string, unknown> {
    return this.ss.fake.options.evaluate ? this.shownValues() : new Map();
  }
  getRange(a: string | number, col?: number, rows = 1, cols = 1) {
    const rect = typeof a === 'string' ? this.parse(a) : { row: a, col: col!, rows, cols };
    if (rect.rows < 1 || rect.cols < 1) throw new Error('The number of rows and columns in the range must be at least 1.');
    if (rect.row < 1 || rect.col < 1 || rect.row + rect.rows - 1 > this.maxRows || rect.col + rect.cols - 1 > this.maxCols) {
      throw new Error(`The coordinates of the range are outside the dimensions of the sheet ${this.name}.`);
    }
    return new RawRange(this, rect.row, rect.col, rect.rows, rect.cols);
  }
  getRangeList(a1s: string[]) {
    return new RawRangeList(a1s.map((a) => this.getRange(a)));
  }
  private parse(a1: string): { row: number; col: number; rows: number; cols: number } {
    const rows = parseRowSpan(a1);
    if (rows) return { row: rows.row + 1, col: 1, rows: rows.height, cols: this.maxCols };
    const cols = parseColumnSpan(a1);
    if (cols) return { row: 1, col: cols.col + 1, rows: this.maxRows, cols: cols.width };
    const r = parseRect(a1);
    if (!r) throw new Error(`Range not found: ${a1}`);
    return { row: r.row + 1, col: r.col + 1, rows: r.height, cols: r.width };
  }
  clear() {
    this.grid = [];
    return this;
  }
  setFrozenRows(n: number) {
    this.frozenRows = n;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  setColumnWidths(start: number, n: number, width: number) {
    if (start + n - 1 > this.maxCols) throw new Error('Those columns are out of bounds.');
    for (let c = start; c < start + n; c++) this.widths[columnLetter(c)] = width;
    return this;
  }
  setColumnWidth(col: number, width: number) {
    return this.setColumnWidths(col, 1, width);
  }
  getColumnWidth(col: number) {
    return this.widths[columnLetter(col)] ?? 100;
  }
  addDeveloperMetadata(key: string, value: string, visibility = 'DOCUMENT') {
    this.ss.metadata.push(new RawDeveloperMetadata(this, key, value, visibility));
    return this;
  }
  getDeveloperMetadata() {
    return this.ss.metadata.filter((m) => m.sheet === this);
  }
  setConditionalFormatRules(rules: RawRule[]) {
    for (const r of rules) for (const range of r.ranges) if (range.sheet !== this) throw new Error('rule range on another sheet');
    this.rules = [...rules];
  }
  getConditionalFormatRules() {
    return [...this.rules];
  }
  newChart() {
    return new RawChartBuilder(this);
  }
  insertChart(chart: RawChart) {
    if (!(chart instanceof RawChart)) throw new Error('insertChart needs a built chart');
    this.charts.push(chart);
  }
  removeChart(chart: RawChart) {
    const i = this.charts.indexOf(chart);
    if (i < 0) throw new Error('chart not on this sheet');
    this.charts.splice(i, 1);
  }
  getCharts() {
    return [...this.charts];
  }
  activate() {
    this.ss.active = this;
    return this;
  }
  hidden = false;
  hideSheet() {
    this.hidden = true;
    return this;
  }
  showSheet() {
    this.hidden = false;
    return this;
  }
  isSheetHidden() {
    return this.hidden;
  }
  /** Values of formula cells and of the cells their tables spill into, by "row,col" (evaluate option). */
  shownValues(): Map<string, unknown> {
    const out = new Map<string, unknown>();
    const evaluate = this.ss.fake.options.evaluate;
    this.grid.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.f === undefined) return;
        const v = evaluate?.(this.name, r + 1, c + 1, cell.f) ?? '';
        if (!Array.isArray(v)) return void out.set(`${r + 1},${c + 1}`, v);
        const blocked = v.some((line: unknown[], i: number) =>
          line.some((_x, j) => (i || j) && hasContent(this.cell(r + 1 + i, c + 1 + j))),
        );
        if (blocked) return void out.set(`${r + 1},${c + 1}`, '#REF!');
        v.forEach((line: unknown[], i: number) => line.forEach((x, j) => out.set(`${r + 1 + i},${c + 1 + j}`, x ?? '')));
      }),
    );
    return out;
  }
  // raw helpers
  cell(row: number, col: number, create = false): Cell | undefined {
    if (!create) return this.grid[row - 1]?.[col - 1];
    const r = (this.grid[row - 1] ??= []);
    return (r[col - 1] ??= {});
  }
}

function hasContent(c: Cell | undefined): boolean {
  return !!c && ((c.v !== undefined && c.v !== '') || c.f !== undefined);
}

const DATE_FORMAT_RE = /^[^0#?]*[yd][^0#?]*$/i;

export class RawRange extends Raw {
  readonly $class = 'Range';
  constructor(
    readonly sheet: RawSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {
    super();
  }
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.col;
  }
  getNumRows() {
    return this.rows;
  }
  getNumColumns() {
    return this.cols;
  }
  getSheet() {
    return this.sheet;
  }
  getA1Notation() {
    return rect(this.col, this.row, this.cols, this.rows);
  }
  private each<T>(data: T[][] | null, name: string, fn: (cell: Cell, v: T, r: number, c: number) => void): this {
    if (data) {
      if (data.length !== this.rows)
        throw new Error(
          `${name}: the number of rows in the data (${data.length}) does not match the number of rows in the range (${this.rows}).`,
        );
      data.forEach((row) => {
        if (row.length !== this.cols)
          throw new Error(
            `${name}: the number of columns in the data (${row.length}) does not match the number of columns in the range (${this.cols}).`,
          );
      });
    }
    for (let r = 0; r < this.rows; r++)
      for (let c = 0; c < this.cols; c++)
        fn(this.sheet.cell(this.row + r, this.col + c, true)!, data ? data[r][c] : (undefined as T), r, c);
    return this;
  }
  private style(name: string, key: string, data: unknown[][]): this {
    return this.each(data, name, (cell, v) => {
      cell.style = { ...(cell.style ?? {}) };
      if (v === null) delete cell.style[key];
      else cell.style[key] = v;
    });
  }
  setValues(values: unknown[][]) {
    return this.each(values, 'setValues', (cell, v) => enter(cell, this.serialOfDate(v)));
  }
  setValue(v: unknown) {
    return this.each([[v]], 'setValue', (cell, x) => enter(cell, this.serialOfDate(x)));
  }
  /** A Date (of any realm) becomes its day serial in the spreadsheet's zone, as Sheets stores it. */
  private serialOfDate(v: unknown): unknown {
    if (Object.prototype.toString.call(v) !== '[object Date]') return v;
    const ms = (v as Date).getTime();
    const utc = ms + offsetMinutes(this.sheet.ss.fake.options.timeZone, ms) * 60000;
    return utc / 86400000 + 25569;
  }
  setFormulas(formulas: string[][]) {
    return this.each(formulas, 'setFormulas', (cell, v) => enter(cell, v));
  }
  /** As in Sheets: '' clears the cell's contents, anything else is entered as a formula. */
  setFormula(formula: string) {
    return this.each([[formula]], 'setFormula', (cell, v) => enter(cell, v));
  }
  private counted(): void {
    const m = this.sheet.ss.fake.cellsRead;
    m.set(this.sheet.name, (m.get(this.sheet.name) ?? 0) + this.rows * this.cols);
  }
  getValues() {
    this.counted();
    const out: unknown[][] = [];
    const fake = this.sheet.ss.fake;
    const shown = this.sheet.shownValues();
    for (let r = 0; r < this.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < this.cols; c++) {
        const cell = this.sheet.cell(this.row + r, this.col + c);
        let v: unknown = shown.get(`${this.row + r},${this.col + c}`) ?? cell?.v ?? '';
        if (typeof v === 'number' && cell?.fmt && DATE_FORMAT_RE.test(cell.fmt)) v = fake.dateOf(v);
        row.push(v);
      }
      out.push(row);
    }
    return out;
  }
  getValue() {
    return this.getValues()[0][0];
  }
  getFormulas() {
    this.counted();
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => this.sheet.cell(this.row + r, this.col + c)?.f ?? ''),
    );
  }
  getNumberFormats() {
    this.counted();
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => this.sheet.cell(this.row + r, this.col + c)?.fmt ?? 'General'),
    );
  }
  setNumberFormats(formats: string[][]) {
    return this.each(formats, 'setNumberFormats', (cell, f) => {
      if (typeof f !== 'string') throw new Error('setNumberFormats: formats must be text');
      cell.fmt = f;
    });
  }
  setNumberFormat(f: string) {
    return this.each(null, 'setNumberFormat', (cell) => (cell.fmt = f));
  }
  setFontWeights(v: unknown[][]) {
    return this.style('setFontWeights', 'fontWeight', v);
  }
  setFontStyles(v: unknown[][]) {
    return this.style('setFontStyles', 'fontStyle', v);
  }
  setFontSizes(v: unknown[][]) {
    if (v.flat().some((x) => typeof x !== 'number')) throw new Error('setFontSizes takes numbers');
    return this.style('setFontSizes', 'fontSize', v);
  }
  setFontColors(v: unknown[][]) {
    return this.style('setFontColors', 'fontColor', v);
  }
  setBackgrounds(v: unknown[][]) {
    return this.style('setBackgrounds', 'background', v);
  }
  setHorizontalAlignments(v: unknown[][]) {
    return this.style('setHorizontalAlignments', 'horizontalAlignment', v);
  }
  setWrapStrategies(v: unknown[][]) {
    if (v.flat().some((x) => !['WRAP', 'OVERFLOW', 'CLIP'].includes(x as string)))
      throw new Error('setWrapStrategies takes WrapStrategy values');
    return this.style('setWrapStrategies', 'wrap', v);
  }
  clear() {
    return this.each(null, 'clear', (cell) => {
      delete cell.v;
      delete cell.f;
      delete cell.fmt;
      delete cell.style;
    });
  }
}

/** setValues enters each value as if typed: the parsing Sheets applies to text unless the cell's format is plain text "@". */
function enter(cell: Cell, v: unknown): void {
  delete cell.f;
  delete cell.v;
  if (v === null || v === undefined || v === '') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('Sheets cannot hold NaN or Infinity');
    cell.v = v;
    return;
  }
  if (typeof v === 'boolean') {
    cell.v = v;
    return;
  }
  if (typeof v !== 'string') throw new Error(`setValues got a ${Object.prototype.toString.call(v)}`);
  if (cell.fmt === '@') {
    cell.v = v;
    return;
  }
  if (v.startsWith('=')) cell.f = v;
  else if (v.startsWith("'")) cell.v = v.slice(1);
  else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(v.trim()))
    cell.v = v.trim().endsWith('%') ? Number(v.trim().slice(0, -1)) / 100 : Number(v);
  else if (/^(true|false)$/i.test(v.trim())) cell.v = v.trim().toLowerCase() === 'true';
  else if (/^\d{4}-\d{2}-\d{2}$/.test(v.trim())) {
    const [y, m, d] = v.trim().split('-').map(Number);
    cell.v = Date.UTC(y, m - 1, d) / 86400000 + 25569;
    if (!cell.fmt || cell.fmt === 'General') cell.fmt = 'yyyy-mm-dd';
  } else cell.v = v;
}

export class RawRangeList extends Raw {
  readonly $class = 'RangeList';
  constructor(readonly ranges: RawRange[]) {
    super();
  }
  getRanges() {
    return [...this.ranges];
  }
  setNumberFormat(f: string) {
    for (const r of this.ranges) r.setNumberFormat(f);
    return this;
  }
}

export class RawDeveloperMetadata extends Raw {
  readonly $class = 'DeveloperMetadata';
  constructor(
    readonly sheet: RawSheet,
    readonly key: string,
    readonly value: string,
    readonly visibility: string,
  ) {
    super();
  }
  getKey() {
    return this.key;
  }
  getValue() {
    return this.value;
  }
  getVisibility() {
    return this.visibility;
  }
  getLocation() {
    return new RawLocation(this.sheet);
  }
}

class RawLocation extends Raw {
  readonly $class = 'DeveloperMetadataLocation';
  constructor(readonly sheet: RawSheet) {
    super();
  }
  getSheet() {
    return this.sheet;
  }
  getLocationType() {
    return 'SHEET';
  }
}

class RawFinder extends Raw {
  readonly $class = 'DeveloperMetadataFinder';
  private key?: string;
  private type?: string;
  constructor(readonly ss: RawSpreadsheet) {
    super();
  }
  withKey(key: string) {
    this.key = key;
    return this;
  }
  withLocationType(type: string) {
    this.type = type;
    return this;
  }
  find() {
    if (this.type && this.type !== 'SHEET') return [];
    return this.ss.metadata.filter((m) => this.ss.sheets.includes(m.sheet) && (this.key === undefined || m.key === this.key));
  }
}

export class RawRule extends Raw {
  readonly $class = 'ConditionalFormatRule';
  constructor(
    readonly condition: { type: string; value: unknown },
    readonly background: string | undefined,
    readonly fontColor: string | undefined,
    readonly ranges: RawRange[],
  ) {
    super();
  }
  getRanges() {
    return [...this.ranges];
  }
  describe() {
    return { ...this.condition, background: this.background, fontColor: this.fontColor, ranges: this.ranges.map((r) => r.getA1Notation()) };
  }
}

class RawRuleBuilder extends Raw {
  readonly $class = 'ConditionalFormatRuleBuilder';
  private condition?: { type: string; value: unknown };
  private background?: string;
  private fontColor?: string;
  private ranges: RawRange[] = [];
  whenTextEqualTo(text: string) {
    this.condition = { type: 'TEXT_EQ', value: text };
    return this;
  }
  whenNumberGreaterThan(n: number) {
    this.condition = { type: 'NUMBER_GREATER_THAN', value: n };
    return this;
  }
  whenNumberLessThan(n: number) {
    this.condition = { type: 'NUMBER_LESS_THAN', value: n };
    return this;
  }
  whenFormulaSatisfied(formula: string) {
    if (!formula.startsWith('=')) throw new Error('whenFormulaSatisfied: the formula must start with =');
    this.condition = { type: 'CUSTOM_FORMULA', value: formula };
    return this;
  }
  setBackground(c: string) {
    this.background = c;
    return this;
  }
  setFontColor(c: string) {
    this.fontColor = c;
    return this;
  }
  setRanges(ranges: RawRange[]) {
    if (ranges.some((r) => !(r instanceof RawRange))) throw new Error('setRanges takes Range objects');
    this.ranges = ranges;
    return this;
  }
  build() {
    if (!this.condition || !this.ranges.length) throw new Error('a conditional format rule needs a condition and ranges');
    return new RawRule(this.condition, this.background, this.fontColor, this.ranges);
  }
}

export class RawChart extends Raw {
  readonly $class = 'EmbeddedChart';
  constructor(
    readonly type: string,
    readonly ranges: RawRange[],
    readonly options: Record<string, unknown>,
    readonly position: [number, number, number, number],
    readonly numHeaders: number,
  ) {
    super();
  }
  getRanges() {
    return [...this.ranges];
  }
  describe() {
    return {
      type: this.type,
      ranges: this.ranges.map((r) => r.getA1Notation()),
      options: this.options,
      position: this.position,
      numHeaders: this.numHeaders,
    };
  }
}

class RawChartBuilder extends Raw {
  readonly $class = 'EmbeddedChartBuilder';
  private type = '';
  private ranges: RawRange[] = [];
  private options: Record<string, unknown> = {};
  private position: [number, number, number, number] = [1, 1, 0, 0];
  private numHeaders = -1;
  constructor(readonly sheet: RawSheet) {
    super();
  }
  asLineChart() {
    this.type = 'LINE';
    return this;
  }
  asColumnChart() {
    this.type = 'COLUMN';
    return this;
  }
  addRange(r: RawRange) {
    if (!(r instanceof RawRange)) throw new Error('addRange takes a Range');
    this.ranges.push(r);
    return this;
  }
  setTitle(t: string) {
    this.options.title = t;
    return this;
  }
  setNumHeaders(n: number) {
    this.numHeaders = n;
    return this;
  }
  setPosition(row: number, col: number, ox: number, oy: number) {
    this.position = [row, col, ox, oy];
    return this;
  }
  setOption(k: string, v: unknown) {
    this.options[k] = v;
    return this;
  }
  build() {
    if (!this.type || !this.ranges.length) throw new Error('a chart needs a type and ranges');
    return new RawChart(this.type, [...this.ranges], { ...this.options }, this.position, this.numHeaders);
  }
}

class RawProperties extends Raw {
  readonly $class = 'Properties';
  constructor(readonly store: Map<string, string>) {
    super();
  }
  getProperty(k: string) {
    return this.store.get(k) ?? null;
  }
  setProperty(k: string, v: string) {
    if (Buffer.byteLength(v, 'utf8') > MAX_PROPERTY_BYTES) throw new Error('Argument too large: value');
    this.store.set(k, String(v));
    return this;
  }
  setProperties(obj: Record<string, string>) {
    for (const [k, v] of Object.entries(obj)) this.setProperty(k, v);
    return this;
  }
  getProperties() {
    return Object.fromEntries(this.store);
  }
  deleteProperty(k: string) {
    this.store.delete(k);
    return this;
  }
}

class RawLock extends Raw {
  readonly $class = 'Lock';
  constructor(readonly state: FakeSheets['lock']) {
    super();
  }
  tryLock(_ms: number) {
    if (this.state.busy) return false;
    this.state.held = true;
    this.state.acquired++;
    return true;
  }
  waitLock(ms: number) {
    if (!this.tryLock(ms)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock() {
    return this.state.held;
  }
  releaseLock() {
    if (this.state.held) this.state.released++;
    this.state.held = false;
  }
}

class RawHtmlOutput extends Raw {
  readonly $class = 'HtmlOutput';
  title = '';
  constructor(readonly file: string) {
    super();
  }
  setTitle(t: string) {
    this.title = t;
    return this;
  }
}

class RawUi extends Raw {
  readonly $class = 'Ui';
  constructor(readonly fake: FakeSheets) {
    super();
  }
  showSidebar(html: RawHtmlOutput) {
    this.fake.sidebars.push({ file: html.file, title: html.title });
  }
  createAddonMenu() {
    return new RawMenu();
  }
}

class RawMenu extends Raw {
  readonly $class = 'Menu';
  readonly items: [string, string][] = [];
  addItem(label: string, fn: string) {
    this.items.push([label, fn]);
    return this;
  }
  addToUi() {}
}

class RawUser extends Raw {
  readonly $class = 'User';
  constructor(readonly fake: FakeSheets) {
    super();
  }
  /** Blank without userinfo.email granted, as Apps Script gives when it may not tell. */
  getEmail() {
    return this.fake.hasScope(SCOPE.email) && !this.fake.hideEmail ? this.fake.user : '';
  }
}

class RawAuthorizationInfo extends Raw {
  readonly $class = 'AuthorizationInfo';
  constructor(
    readonly fake: FakeSheets,
    readonly scopes: string[],
  ) {
    super();
  }
  getAuthorizationStatus() {
    return this.scopes.every((s) => this.fake.hasScope(s)) ? 'NOT_REQUIRED' : 'REQUIRED';
  }
  getAuthorizationUrl() {
    return this.getAuthorizationStatus() === 'REQUIRED' ? AUTH_URL : null;
  }
  getAuthorizedScopes() {
    return this.scopes.filter((s) => this.fake.hasScope(s));
  }
}

class RawTrigger extends Raw {
  readonly $class = 'Trigger';
  constructor(readonly t: FakeTrigger) {
    super();
  }
  getHandlerFunction() {
    return this.t.handler;
  }
  getUniqueId() {
    return this.t.id;
  }
  getEventType() {
    return 'CLOCK';
  }
}

class RawTriggerBuilder extends Raw {
  readonly $class = 'TriggerBuilder';
  constructor(
    readonly fake: FakeSheets,
    readonly handler: string,
  ) {
    super();
  }
  timeBased() {
    return new RawClockTriggerBuilder(this.fake, this.handler);
  }
}

class RawClockTriggerBuilder extends Raw {
  readonly $class = 'ClockTriggerBuilder';
  private readonly schedule: FakeTrigger['schedule'] = {};
  constructor(
    readonly fake: FakeSheets,
    readonly handler: string,
  ) {
    super();
  }
  everyDays(n: number) {
    this.schedule.everyDays = n;
    return this;
  }
  atHour(h: number) {
    if (!Number.isInteger(h) || h < 0 || h > 23) throw new Error('atHour takes 0..23');
    this.schedule.atHour = h;
    return this;
  }
  inTimezone(zone: string) {
    this.schedule.timeZone = zone;
    return this;
  }
  create() {
    if (!this.schedule.everyDays) throw new Error('a clock trigger needs a frequency');
    // Editor add-ons: one trigger of each type per user per document
    if (this.fake.triggers.some((t) => t.owner === this.fake.user && t.document === this.fake.spreadsheet.id)) {
      throw new Error('This add-on has already created a time-based trigger for this document for this Google user account.');
    }
    return new RawTrigger(this.fake.addTrigger(this.handler, { ...this.schedule }));
  }
}

// ---- time zones without a library: Intl knows them ----------------------------------------

function zoneParts(timeZone: string, ms: number): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const out: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** Minutes the zone is ahead of UTC at an instant. */
export function offsetMinutes(timeZone: string, ms: number): number {
  const p = zoneParts(timeZone, ms);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/** Utilities.formatDate for the patterns the add-in uses: yyyy MM dd HH mm ss and Z (+0100). */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const p = zoneParts(timeZone, ms);
  const off = offsetMinutes(timeZone, ms);
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const z = `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss|Z/g, (t) =>
    t === 'yyyy'
      ? String(p.year)
      : t === 'MM'
        ? pad(p.month)
        : t === 'dd'
          ? pad(p.day)
          : t === 'HH'
            ? pad(p.hour)
            : t === 'mm'
              ? pad(p.minute)
              : t === 'ss'
                ? pad(p.second)
                : z,
  );
}
