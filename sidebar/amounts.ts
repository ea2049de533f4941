import type { Locale, Unit } from '../core/dashboard';

/**
 * A number as a manager types it, in either language: "1 200,5", "1,200.5", "12.5%", "€ 40".
 * Percent KPIs are typed in percent ("25" or "25%" means 0.25). Returns undefined for blank,
 * NaN when the text is not a number (so the SMART check can say so).
 */
export function parseAmount(text: string, unit: Unit, locale: Locale): number | undefined {
  let s = text.replace(/[\s\u00a0\u202f€$£%]/g, '');
  if (!s) return undefined;
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  else if (comma >= 0) s = locale === 'fr' || !/^-?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(',', '.') : s.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return NaN;
  const n = Number(s);
  return unit === 'percent' ? n / 100 : n;
}

/** The inverse of parseAmount for pre-filling inputs: plain digits, locale decimal mark, percent ×100. */
export function formatAmount(value: number | null | undefined, unit: Unit, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const x = unit === 'percent' ? value * 100 : value;
  const s = String(Number(x.toFixed(unit === 'percent' ? 4 : 6)));
  return locale === 'fr' ? s.replace('.', ',') : s;
}
