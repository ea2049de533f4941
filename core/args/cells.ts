import { ErrorCode, KpiError, numError, valueError } from '../errors';

/** What a host may put in one cell of an argument. */
export type Cell = number | string | boolean | Date | null | undefined | { code?: unknown; message?: unknown };
/** A raw argument as a host passes it: one value or a 2-D range. */
export type RawArg = Cell | Cell[][];

const ERROR_CODES: readonly ErrorCode[] = ['#VALUE!', '#DIV/0!', '#NUM!', '#N/A'];
/** Excel's CustomFunctions.ErrorCode names, for error values passed into a function. */
const EXCEL_ERROR_NAMES: Record<string, ErrorCode> = {
  invalidValue: '#VALUE!',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  notAvailable: '#N/A',
};

/** A Date from any realm (a vm context, an iframe), which `instanceof Date` would miss. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function isBlank(v: unknown): v is '' | null | undefined {
  return v === '' || v === null || v === undefined;
}

/** An error value arriving from a cell (Excel passes them with allowErrorForDataTypeAny): rethrow it. */
export function errorFromCell(v: unknown): KpiError | undefined {
  if (typeof v !== 'object' || v === null) return undefined; // the hot path: plain cell values
  if (v instanceof KpiError) return v;
  if (isDate(v) || Array.isArray(v)) return undefined;
  const raw = String((v as { code?: unknown }).code ?? '');
  const code = (ERROR_CODES as readonly string[]).includes(raw) ? (raw as ErrorCode) : EXCEL_ERROR_NAMES[raw];
  const message = String((v as { message?: unknown }).message ?? '') || `an input cell holds ${raw || 'an error'}`;
  return new KpiError(code ?? '#VALUE!', message);
}

/** Shows a cell value in an error message the way the user typed it. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 37) + '...' : v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) return Number.isNaN(v.getTime()) ? 'an invalid date' : isoFromSerial(rawSerial(v) as number);
  return String(v);
}

// ---- dates ------------------------------------------------------------------------------------
// Internally a day is its Excel 1900-system serial number (1 = 1900-01-01, 46082 = 2026-03-01).

const EPOCH_OFFSET = 25569; // serial of 1970-01-01
const MS_PER_DAY = 86400000;

export function serialFromYmd(year: number, month0: number, day: number): number {
  return Date.UTC(year, month0, day) / MS_PER_DAY + EPOCH_OFFSET;
}

/** Days either side of 1970 that a Date holds (±100,000,000): beyond them a Date is invalid. */
const DATE_DAYS = 100000000;

/**
 * The calendar day of a serial (its time of day dropped). Proleptic Gregorian calendar by
 * arithmetic on 400-year eras (the days-to-civil algorithm of H. Hinnant's "chrono-compatible
 * low-level date algorithms"), so reading a column of dates allocates no Date per cell; the
 * same answer as a Date, which is kept for serials past what a Date holds (NaN fields).
 */
export function ymdFromSerial(serial: number): { year: number; month0: number; day: number } {
  const days = Math.floor(serial) - EPOCH_OFFSET; // since 1970-01-01
  if (!(Math.abs(days) <= DATE_DAYS)) {
    const d = new Date(days * MS_PER_DAY);
    return { year: d.getUTCFullYear(), month0: d.getUTCMonth(), day: d.getUTCDate() };
  }
  const z = days + 719468; // days since 0000-03-01: years start in March, so 29 February ends one
  const era = Math.floor(z / 146097); // 400-year eras of 146,097 days
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153); // month counted from March
  const month0 = shifted < 10 ? shifted + 2 : shifted - 10;
  return { year: yearOfEra + era * 400 + (month0 < 2 ? 1 : 0), month0, day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1 };
}

/** A calendar month as one integer (year × 12 + month), so months compare and step by 1. */
export function monthIndex(serial: number): number {
  const { year, month0 } = ymdFromSerial(serial);
  return year * 12 + month0;
}

export function monthLabel(index: number): string {
  if (!Number.isFinite(index)) return 'an invalid month';
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

export function isoFromSerial(serial: number): string {
  const { year, month0, day } = ymdFromSerial(serial);
  if (!Number.isFinite(year)) return `serial ${serial}`; // beyond what a Date holds: never "NaN-NaN"

  return `${year}-${String(month0 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/;

/**
 * The dates both hosts hold: serial 0 is 1899-12-30 (the Sheets epoch; Excel's 1900 system starts
 * at 0 too, as "1900-01-00"), serial 2958465 is 9999-12-31, the last date either can show.
 */
export const FIRST_SERIAL = 0;
export const LAST_SERIAL = 2958465;

function inDateRange(serial: number): boolean {
  return serial >= FIRST_SERIAL && serial < LAST_SERIAL + 1; // a time of day on 9999-12-31 is fine
}

/**
 * A date from any host's shape: a Date (Sheets; read on the wall clock of the zone set by
 * setDateZone), an Excel serial number, or ISO text YYYY-MM-DD, within the dates a spreadsheet holds.
 * Returns undefined when the value is not such a date, so callers can name the position.
 */
export function toSerial(v: unknown): number | undefined {
  const s = rawSerial(v);
  return s !== undefined && inDateRange(s) ? s : undefined;
}

/** The serial a value stands for, before the range check (so a message can say what is wrong). */
function rawSerial(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined; // the usual cell first
  if (isDate(v)) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) return undefined;
    return (ms + zoneOffsetMinutes(v) * 60000) / MS_PER_DAY + EPOCH_OFFSET;
  }
  if (typeof v === 'string') {
    const m = ISO_DATE.exec(v.trim());
    if (!m) return undefined;
    const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    const serial = serialFromYmd(y, mo, d);
    const back = ymdFromSerial(serial);
    return back.month0 === mo && back.day === d ? serial : undefined; // rejects 2026-02-30
  }
  return undefined;
}

/**
 * Minutes east of UTC of the zone whose wall clock a Date is read in. By default the runtime's
 * own zone, right for Excel and browsers. Apps Script runs in the script's zone, which for an
 * add-on is not the spreadsheet's, so its host installs the spreadsheet's zone (apps-script/).
 */
let zoneOffsetMinutes: (d: Date) => number = (d) => -d.getTimezoneOffset();

export function setDateZone(offsetMinutes: (d: Date) => number): void {
  zoneOffsetMinutes = offsetMinutes;
}

export function requireDate(v: unknown, where: string): number {
  const s = rawSerial(v);
  if (s === undefined) throw valueError(`${where}: ${describe(v)} is not a date (use a date, a date serial or YYYY-MM-DD text)`);
  if (!inDateRange(s)) {
    throw numError(
      `${where}: ${describe(v)} is outside the dates a spreadsheet holds (1899-12-30 to 9999-12-31, serials ${FIRST_SERIAL} to ${LAST_SERIAL})`,
    );
  }
  return s;
}
