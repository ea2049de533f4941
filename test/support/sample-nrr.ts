/**
 * The sample company's NRR over a period, as the NRR function gives it on the subscription ledger's
 * rows: the reference the data-history tests compare a month's value with, computed by the
 * registry function itself rather than by the monthly-history code under test.
 */
import { generateSample } from '../../playground/sample/company';
import { call, col } from './call';

export function sampleLedgerNrr(start: string, end: string): number {
  const rows = generateSample().sheets.Subscriptions.slice(1);
  return call('NRR', col(...rows.map((r) => r[0])), col(...rows.map((r) => r[1])), col(...rows.map((r) => r[2])), start, end) as number;
}
