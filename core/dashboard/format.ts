import { Unit } from './catalog';
import { Locale } from './i18n';

/** Spreadsheet number formats per unit; the same codes work in Excel and Google Sheets. */
export const NUMBER_FORMATS: Record<Unit, string> = {
  currency: '#,##0.00',
  count: '#,##0',
  percent: '0.0%',
  ratio: '0.00',
  days: '0.0',
  months: '0.0',
  currency_per_day: '#,##0.00',
};
export const DATE_FORMAT = 'yyyy-mm-dd';
export const MONTH_FORMAT = 'yyyy-mm';
export const PROGRESS_FORMAT = '0%';
export const CHANGE_FORMAT = '+0.0%;-0.0%;0.0%';

/**
 * A number for a message, without Intl (absent from some hosts): up to 2 decimals, percent
 * units shown ×100 with %, French decimal comma.
 * @example formatValue(0.125, 'percent', 'fr') // => '12,5 %'
 */
export function formatValue(v: number, unit: Unit, locale: Locale): string {
  const pct = unit === 'percent';
  const x = pct ? v * 100 : v;
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  let s = String(Number(x.toFixed(digits)));
  if (locale === 'fr') s = s.replace('.', ',');
  return pct ? (locale === 'fr' ? `${s} %` : `${s}%`) : s;
}
