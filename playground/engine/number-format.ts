import type { Locale } from '../../core/dashboard/i18n';

/**
 * Spreadsheet number format codes as the playground grid shows them. Covers what the dashboard
 * plan writes (core/dashboard/format.ts) and the grid's toolbar sets: digit patterns with
 * thousands separators and fixed decimals ("#,##0.00", "0.0"), percent ("0.0%"), literal text
 * around the digits ('"$"#,##0.00', '#,##0.00 "€"'), sections "pos;neg;zero" with literal signs
 * ("+0.0%;-0.0%;0.0%") and dates ("yyyy-mm-dd", "yyyy-mm"). Other codes fall back to General.
 * In French, decimals take a comma, thousands a narrow space, and "%" a space before it.
 * O(length of the code) per call.
 * @example formatWithCode(1234.5, '#,##0.00') // => '1,234.50'
 * @example formatWithCode(46310, 'yyyy-mm') // => '2026-10'
 */
export function formatWithCode(
  value: number,
  code: string | null | undefined,
  general: (v: number) => string = String,
  locale: Locale = 'en',
): string {
  if (!code || !Number.isFinite(value)) return general(value);
  if (/[yd]/i.test(code.replace(/"[^"]*"/g, ''))) return formatDate(value, code);
  const sections = code.split(';');
  let section = sections[0];
  let v = value;
  if (sections.length >= 2 && value < 0) {
    section = sections[1];
    v = -value; // the negative section writes its own sign
  } else if (sections.length >= 3 && value === 0) section = sections[2];
  const m = /^((?:"[^"]*"|[^#0"])*)([#0,]*)(?:\.(0+))?(%?)(.*)$/.exec(section);
  if (!m || !m[2]) return general(value);
  const [, prefix, integer, decimals = '', percent, suffix] = m;
  const x = percent ? v * 100 : v;
  const fixed = Math.abs(x).toFixed(decimals.length);
  let [whole, frac] = fixed.split('.');
  const thousands = locale === 'fr' ? '\u202f' : ',';
  if (integer.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  const point = locale === 'fr' ? ',' : '.';
  const pct = percent ? (locale === 'fr' ? '\u202f%' : '%') : '';
  return `${literal(prefix)}${sign}${whole}${frac ? point + frac : ''}${pct}${literal(suffix)}`;
}

/** Literal text of a format section: quotes and backslash escapes removed. */
function literal(text: string): string {
  return text.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
}

/** A General-format number in the locale: "1234.5" -> "1234,5" in French. */
export function localizeGeneral(text: string, locale: Locale): string {
  return locale === 'fr' ? text.replace('.', ',') : text;
}

/** Decimals a format code shows (its first section), or undefined for General and dates. */
export function decimalsOf(code: string | null | undefined): number | undefined {
  if (!code || /[yd]/i.test(code.replace(/"[^"]*"/g, ''))) return undefined;
  const m = /[#0,]*0(?:\.(0+))?/.exec(code.split(';')[0].replace(/"[^"]*"/g, ''));
  return m ? (m[1] ?? '').length : undefined;
}

/** The same code with more or fewer decimals in every section ("0.0%", +1 -> "0.00%"); never below 0. */
export function withDecimals(code: string, decimals: number): string {
  const n = Math.max(0, Math.min(10, decimals));
  return code
    .split(';')
    .map((section) => section.replace(/((?:^|[^"])[#,]*0)(?:\.0+)?/, (_all, digits: string) => (n ? `${digits}.${'0'.repeat(n)}` : digits)))
    .join(';');
}

function formatDate(serial: number, code: string): string {
  const d = new Date(Math.round((Math.floor(serial) - 25569) * 86400000));
  const parts: Record<string, string> = {
    yyyy: String(d.getUTCFullYear()),
    mm: String(d.getUTCMonth() + 1).padStart(2, '0'),
    dd: String(d.getUTCDate()).padStart(2, '0'),
  };
  return code.replace(/yyyy|mm|dd/gi, (t) => parts[t.toLowerCase()]);
}
