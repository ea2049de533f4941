/**
 * "Download workbook" keeps dates as dates and number formats: KPI History's appended rows (day
 * serials in the workbook) get the plan's date column format, goals' start and end dates and the
 * cards' number formats travel with their cells. Read back with ExcelJS.
 */
import { buildPlan } from '../../core/dashboard/planner';
import { snapshotRows } from '../../core/dashboard/snapshot';
import { applyPlan } from '../../playground/dashboard/apply';
import { Workbook } from '../../playground/engine/workbook';
import { workbookSheets } from '../../playground/export/workbook-sheets';
import { workbookToXlsx } from '../../playground/export/xlsx';
import { generateSample } from '../../playground/sample/company';
import { readBytes } from './read-back';
import { mappingOf } from '../support/mapping';

it('writes History dates and goal dates as dates with their formats, and card number formats', async () => {
  const sample = generateSample();
  const mapping = mappingOf(sample.sheets);
  const setup = {
    v: 1 as const,
    locale: 'en' as const,
    kpis: ['mrr' as const, 'win_rate' as const],
    mapping,
    goals: [{ kpi: 'mrr' as const, baseline: 1, target: 2, start: '2026-01-01', end: '2026-12-31' }],
  };
  const workbook = new Workbook(sample.sheets);
  const plan = buildPlan({ setup, asOf: '2026-10-15' });
  applyPlan(workbook, plan);
  // one snapshot as the bridge appends it: 2026-10-15 is day 46310 (46023 = 2026-01-01, + 287)
  const { rows } = snapshotRows(plan.snapshot, 46310, [[123.5], [0.25]]);
  workbook.hf.setCellContents(
    { sheet: workbook.sheetId('KPI History'), row: 1, col: 0 },
    rows.map((r) => [...r]),
  );
  const wb = await readBytes(await workbookToXlsx(workbookSheets(workbook, plan, { date: '2026-10-31', locale: 'en' })));
  const history = wb.getWorksheet('KPI History')!;
  // ExcelJS reads a date-formatted serial back as a Date: a real date, not a number
  expect([history.getCell('A2').value, history.getCell('A2').numFmt]).toEqual([new Date('2026-10-15T00:00:00Z'), 'yyyy-mm-dd']);
  expect(history.getCell('B2').value).toBe('mrr');
  const goals = wb.getWorksheet('KPI Goals')!;
  expect([goals.getCell('E2').value, goals.getCell('E2').numFmt, goals.getCell('F2').numFmt]).toEqual([
    new Date('2026-01-01T00:00:00Z'),
    'yyyy-mm-dd',
    'yyyy-mm-dd',
  ]);
  const dash = wb.getWorksheet('KPI Dashboard')!;
  expect(dash.getCell('B6').numFmt).toBe(plan.sheets[0].blocks.find((b) => b.range.startsWith('A5:'))!.numberFormats![1][1]);
  expect(dash.getCell('B6').numFmt).toContain('%'); // win rate is a percent
});
