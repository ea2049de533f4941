/**
 * Excel dashboard host benchmark: a 7-KPI SaaS dashboard generated through createExcelBridge into
 * the workbook model of test/office-addin/fake-excel.ts, with 500 and 50,000 rows in each of the
 * four data sheets. Figures only:
 * - context.sync() round trips per bridge call (the issue's budget: at most 10, equal at both sizes);
 * - time of our side of a generation (discover, plan, queue, apply into the model). The model
 *   applies writes at once, so this is the add-in's JavaScript plus the model, not Excel's own work;
 *   the baseline is core buildPlan alone in the same run.
 * Then the same with every extra sheet and alerts on (a Touches sheet of the same size added),
 * and the syncs of alerts() (the task pane's breach list). With extras, generate reads each mapped
 * sheet's used range for the data row counts: the fake model finds a used range by scanning every
 * cell (O(data)), which Excel does not, so that time grows here with the rows while the syncs do not.
 */
import { buildPlan } from '../core/dashboard/planner';
import { FakeWorkbook } from '../test/office-addin/fake-excel';
import { allExtrasSetup, bigWorkbook, bridgeFor, plainOffice, saasSetup } from '../test/office-addin/support';
import { TOUCHES } from '../test/fixtures/dashboard/company';
import { compare, report, section } from './harness';

async function best(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    min = Math.min(min, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return min;
}

async function syncsOf(book: FakeWorkbook, fn: () => Promise<unknown>): Promise<number> {
  const before = book.syncs;
  await fn();
  return book.syncs - before;
}

export async function run(): Promise<void> {
  section('Excel dashboard host (7-KPI SaaS dashboard, fake workbook)');
  const planMs = await best(async () => buildPlan({ setup: saasSetup(), asOf: '2026-03-15' }), 20);
  report('core buildPlan (baseline)', planMs);
  for (const rows of [500, 50000]) {
    const book = bigWorkbook(rows);
    const bridge = bridgeFor(book, plainOffice());
    const first = await syncsOf(book, () => bridge.generate(saasSetup(), '2026-03-15'));
    const again = await syncsOf(book, () => bridge.generate(saasSetup(), '2026-03-15'));
    book.setComputed('KPI Dashboard', 'B5', 1);
    const snap = await syncsOf(book, () => bridge.snapshot());
    const load = await syncsOf(book, () => bridge.load());
    console.log(
      `${`syncs at ${rows} data rows`.padEnd(58)} generate ${first} (again ${again}), snapshot ${snap}, load ${load}; target <= 10 and equal`,
    );
    const ms = await best(() => bridge.generate(saasSetup(), '2026-03-15'), 20);
    compare(`regenerate (discover + plan + apply), ${rows} rows`, ms, 'buildPlan', planMs);
  }

  section('Excel dashboard host: every extra sheet and alerts on');
  const extrasPlanMs = await best(async () => buildPlan({ setup: allExtrasSetup(), asOf: '2026-03-15' }), 20);
  report('core buildPlan, all extras (baseline)', extrasPlanMs);
  for (const rows of [500, 50000]) {
    const book = bigWorkbook(rows);
    book.addSheet('Touches', [TOUCHES[0], ...Array.from({ length: rows }, (_, i) => TOUCHES[1 + (i % 5)])]);
    const bridge = bridgeFor(book, plainOffice());
    const first = await syncsOf(book, () => bridge.generate(allExtrasSetup(), '2026-03-15'));
    const again = await syncsOf(book, () => bridge.generate(allExtrasSetup(), '2026-03-15'));
    const alerts = await syncsOf(book, () => bridge.alerts());
    console.log(
      `${`syncs at ${rows} data rows, all extras`.padEnd(58)} generate ${first} (again ${again}), alerts ${alerts}; target <= 10 and equal`,
    );
    const ms = await best(() => bridge.generate(allExtrasSetup(), '2026-03-15'), 10);
    compare(`regenerate all extras, ${rows} rows`, ms, 'buildPlan', extrasPlanMs);
    const alertMs = await best(() => bridge.alerts(), 10);
    compare(`alerts() (discover + read + checkAlerts), ${rows} rows`, alertMs, 'buildPlan', extrasPlanMs);
  }
}
