/**
 * KPI History past the 1,000 rows a new Sheets grid has: a snapshot finds this period's rows
 * wherever they are, and two snapshots of one period leave one row per KPI.
 */
import { snapshotNow } from '../../apps-script/dashboard/server-api';
import { FakeSheets } from '../fakes/spreadsheet-app';
import { AS_OF, day, sampleSetup, sampleWorkbook, generate } from './support';

let fake: FakeSheets;
let uninstall: () => void;
afterEach(() => uninstall?.());

const KPIS = ['mrr', 'mrr_churn', 'nrr', 'cac', 'ltv', 'lead_to_opp', 'cpl'];

it('with 1,200 earlier rows: the grid grows once, the period is recorded once, and a second snapshot updates rows 1,202 to 1,208 in place', async () => {
  let card = 10;
  // every card evaluates to the current `card` value
  ({ fake, uninstall } = sampleWorkbook({ evaluate: (sheet, _row, col) => (sheet === 'KPI Dashboard' && col === 2 ? card : undefined) }));
  await generate(sampleSetup(), AS_OF);
  const history = fake.sheet('KPI History')!;
  // 1,200 rows of 2020-2025 months, typed by earlier snapshots: one KPI per row
  const old = Array.from({ length: 1200 }, (_, i) => [day('2020-01-31') + i, 'MRR', 'mrr', i]);
  history.insertRowsAfter(1000, 201);
  history.getRange(2, 1, old.length, 4).setValues(old);
  expect(history.getLastRow()).toBe(1201);
  const earlier = history.getRange(2, 1, 1200, 4).getValues();

  expect(snapshotNow()).toMatchObject({ appended: 7, updated: 0 });
  expect(history.getMaxRows()).toBe(1208);
  expect(
    history
      .getRange(1202, 3, 7, 1)
      .getValues()
      .map((r) => r[0]),
  ).toEqual(KPIS);
  expect(
    history
      .getRange(1202, 4, 7, 1)
      .getValues()
      .map((r) => r[0]),
  ).toEqual(Array(7).fill(10));

  card = 12;
  expect(snapshotNow()).toMatchObject({ appended: 0, updated: 7 });
  expect(history.getLastRow()).toBe(1208);
  expect(
    history
      .getRange(1202, 4, 7, 1)
      .getValues()
      .map((r) => r[0]),
  ).toEqual(Array(7).fill(12));
  expect(history.cell(1202, 1)!.v).toBe(day(AS_OF));
  // the earlier periods are untouched
  expect(history.getRange(2, 1, 1200, 4).getValues()).toEqual(earlier);
});
