/** Loads the CDNOW fixtures (see test/fixtures/cdnow/SOURCE.md). */
import { readFileSync } from 'fs';
import { join } from 'path';

const dir = join(__dirname, '..', 'fixtures', 'cdnow');

function csv(name: string): number[][] {
  return readFileSync(join(dir, name), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks, 2 decimals). */
export function cdnowSummary(): { id: number[]; x: number[]; tx: number[]; T: number[] } {
  const rows = csv('cdnow_customers_summary.csv');
  return { id: rows.map((r) => r[0]), x: rows.map((r) => r[1]), tx: rows.map((r) => r[2]), T: rows.map((r) => r[3]) };
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
export function cdnowWithSpend(): { id: number[]; x: number[]; tx: number[]; T: number[]; zbar: number[] } {
  const rows = csv('cdnow_customers_summary_with_transactions.csv');
  return {
    id: rows.map((r) => r[0]),
    x: rows.map((r) => r[1]),
    tx: rows.map((r) => r[2]),
    T: rows.map((r) => r[3]),
    zbar: rows.map((r) => r[4]),
  };
}

/** CDNOW_sample.txt: master id, sample id, YYYYMMDD, CDs, dollars; returns sample id, ISO date, dollars. */
export function cdnowTransactions(): { customer: string[]; date: string[]; amount: number[] } {
  const rows = readFileSync(join(dir, 'CDNOW_sample.txt'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/));
  return {
    customer: rows.map((r) => String(Number(r[1]))),
    date: rows.map((r) => `${r[2].slice(0, 4)}-${r[2].slice(4, 6)}-${r[2].slice(6, 8)}`),
    amount: rows.map((r) => Number(r[4])),
  };
}
