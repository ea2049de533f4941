/**
 * Spreadsheet number format codes as the playground grid shows them. Covers what the dashboard
 * plan writes (core/dashboard/format.ts): digit patterns with thousands separators and fixed
 * decimals ("#,##0.00", "0.0"), percent ("0.0%"), sections "pos;neg;zero" with literal signs
 * ("+0.0%;-0.0%;0.0%") and dates ("yyyy-mm-dd", "yyyy-mm"). Other codes fall back to General.
 * O(length of the code) per call.
 * @example formatWithCode(1234.5, '#,##0.00') // => '1,234.50'
 * @example formatWithCode(46310, 'yyyy-mm') // => '2026-10'
 */
export function formatWithCode(value: number, code: string | null | undefined, general: (v: number) => string = String): string {
  if (!code || !Number.isFinite(value)) return general(value);
  if (/[yd]/i.test(code.replace(/"[^"]*"/g, ''))) return formatDate(value, code);
  const sections = code.split(';');
  let section = sections[0];
  let v = value;
  if (sections.length >= 2 && value < 0) {
    section = sections[1];
    v = -value; // the negative section writes its own sign
  } else if (sections.length >= 3 && value === 0) section = sections[2];
  const m = /^([^#0]*)([#0,]*)(?:\.(0+))?(%?)(.*)$/.exec(section);
  if (!m || !m[2]) return general(value);
  const [, prefix, integer, decimals = '', percent, suffix] = m;
  const x = percent ? v * 100 : v;
  const fixed = Math.abs(x).toFixed(decimals.length);
  let [whole, frac] = fixed.split('.');
  if (integer.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${prefix}${sign}${whole}${frac ? '.' + frac : ''}${percent}${suffix}`;
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
