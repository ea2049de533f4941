/**
 * KPI History past 1,000 rows in Excel: a snapshot reads History's used range, finds this period's
 * rows wherever they are, and two snapshots of one period leave one row per KPI.
 */
import { officeFake } from './office-fake';
import { bridgeFor, companyWorkbook, saasSetup } from './support';

const KPIS = ['mrr', 'mrr_churn', 'nrr', 'cac', 'ltv', 'lead_to_opp', 'cpl'];
const AS_OF_SERIAL = 46096; // 2026-03-15

it('with 1,200 earlier rows: the period is recorded once after them, and a second snapshot updates it in place', async () => {
  const book = companyWorkbook();
  const bridge = bridgeFor(book, officeFake());
  await bridge.generate(saasSetup(), '2026-03-15');
  const history = book.sheet('KPI History');
  const COLS = 16384;
  for (let i = 0; i < 1200; i++) {
    const row = i + 1; // 0-based row 1 is the sheet's row 2
    [AS_OF_SERIAL - 2000 + i, 'MRR', 'mrr', i].forEach((v, col) => history.cells.set(row * COLS + col, { input: v }));
  }
  const earlier = JSON.stringify([...history.cells].filter(([k]) => k < 1201 * COLS));
  const cardRows = KPIS.map((_, i) => `B${5 + i}`);
  cardRows.forEach((a) => book.setComputed('KPI Dashboard', a, 10));
  expect(await bridge.snapshot()).toMatchObject({ appended: 7, updated: 0 });
  expect(KPIS.map((_, i) => book.input('KPI History', `C${1202 + i}`))).toEqual(KPIS);
  cardRows.forEach((a) => book.setComputed('KPI Dashboard', a, 12));
  expect(await bridge.snapshot()).toMatchObject({ appended: 0, updated: 7 });
  expect(KPIS.map((_, i) => book.input('KPI History', `D${1202 + i}`))).toEqual(Array(7).fill(12));
  expect(book.input('KPI History', 'A1209')).toBeUndefined();
  expect(JSON.stringify([...history.cells].filter(([k]) => k < 1201 * COLS))).toBe(earlier);
});
