/**
 * Hand-made data for the extra sheets: touchpoints of six journeys and deals of four owners; the
 * transactions come from the CDNOW fixture (cdnowOrders). Dates are day serials, as a
 * spreadsheet holds them. As-of date of the tests: 2026-03-15.
 */
import { serialFromYmd } from '../../../core/args/cells';

export type Row = (string | number | boolean | null)[];
export const d = (y: number, m: number, day: number, fraction = 0) => serialFromYmd(y, m - 1, day) + fraction;
export const AS_OF = '2026-03-15';

/** Journeys: u1 Ads > Email > Search (converts, 300), u2 Search (converts, 100), u3 Email > Search (converts, 200), u4 Ads (no), u5 Ads > Email (no), u6 Social > Ads > Search (converts, 150). */
export const TOUCHES: Row[] = [
  ['User ID', 'Timestamp', 'Channel', 'Converted', 'Conversion value'],
  ['u1', d(2026, 3, 1), 'Ads', 1, 300],
  ['u1', d(2026, 3, 8), 'Email', 1, 300],
  ['u1', d(2026, 3, 10), 'Search', 1, 300],
  ['u2', d(2026, 3, 2), 'Search', 1, 100],
  ['u3', d(2026, 3, 3), 'Email', 1, 200],
  ['u3', d(2026, 3, 5), 'Search', 1, 200],
  ['u4', d(2026, 3, 4), 'Ads', 0, null],
  ['u5', d(2026, 3, 4), 'Ads', 0, null],
  ['u5', d(2026, 3, 6), 'email', 0, null], // "email" is Email
  ['u6', d(2026, 2, 20), 'Social', 1, 150],
  ['u6', d(2026, 2, 27), 'Ads', 1, 150],
  ['u6', d(2026, 3, 6), 'Search', 1, 150],
];

/** Deals: Ana wins 220,000 in March 2026 (plus a lost deal and a February win), Ben 90,000, Chloé 0 (lost only), Dan a win in April (outside). */
export const DEALS: Row[] = [
  ['Deal', 'Deal owner', 'Close Date', 'Amount', 'Deal Stage'],
  ['D1', 'Ana', d(2026, 3, 2), 120000, 'Closed Won'],
  ['D2', 'Ana', d(2026, 3, 20), 100000, 'closedwon'],
  ['D3', 'Ana', d(2026, 3, 21), 50000, 'Closed Lost'],
  ['D4', 'Ana', d(2026, 2, 27), 70000, 'Closed Won'],
  ['D5', 'Ben', d(2026, 3, 31, 0.5), 90000, 'Closed Won'],
  ['D6', 'Chloé', d(2026, 3, 10), 40000, 'Closed Lost'],
  ['D7', 'Dan', d(2026, 4, 1), 300000, 'Closed Won'],
];

/**
 * Transactions of the first `customers` customers of the CDNOW 1/10 sample (test/fixtures/cdnow,
 * MIT via lifetimes, see its SOURCE.md) up to 1997-09-30: Customer, Order date, Total. Real data,
 * so BG/NBD and Gamma-Gamma fit as in the paper.
 */
export function cdnowOrders(customers: number): Row[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  const text = fs.readFileSync(`${__dirname}/../../fixtures/cdnow/CDNOW_sample.txt`, 'utf8');
  const rows: Row[] = [['Customer', 'Order date', 'Total']];
  const end = d(1997, 9, 30);
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5 || Number(f[1]) > customers) continue;
    const date = d(Number(f[2].slice(0, 4)), Number(f[2].slice(4, 6)), Number(f[2].slice(6, 8)));
    if (date <= end) rows.push([`K${f[1]}`, date, Number(f[4])]);
  }
  return rows;
}
