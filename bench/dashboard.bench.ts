/**
 * Dashboard planner benchmark: building the plan for a 7-KPI SaaS dashboard when the data sheets
 * hold 500 and 50,000 rows. The plan never reads the data (formulas do, in the workbook), so the
 * two should cost the same; the baseline is one custom-function evaluation (CAC) over the same
 * 50,000 rows, what a single dashboard cell would cost if it were not a native formula. Also shown:
 * HyperFormula computing the generated sheets over 50,000 marketing rows (the playground's cost).
 */
import { HyperFormula, RawCellContent } from 'hyperformula';
import { serialFromYmd } from '../core/args/cells';
import { requireRect } from '../core/dashboard/a1';
import { buildPlan, detectMapping, renderPlan, SheetInfo, template } from '../core/dashboard';
import { callFunction } from '../core/hosts';
import { compare, report, section, time } from './harness';

const MARKETING_HEADERS = ['Month', 'Channel', 'Spend', 'Leads', 'Opportunities', 'New customers', 'Revenue'];

function sheetsWith(rows: number): SheetInfo[] {
  return [
    { name: 'Marketing', headers: MARKETING_HEADERS, rows },
    { name: 'Subscriptions', headers: ['Customer', 'Month', 'MRR'], rows },
    { name: 'Deals', headers: ['Deal', 'Owner', 'Created', 'Closed', 'Amount', 'Stage'], rows },
    { name: 'Transactions', headers: ['Customer', 'Date', 'Amount'], rows },
  ];
}

function planFor(rows: number) {
  const mapping = detectMapping(sheetsWith(rows)).mapping;
  return buildPlan({
    setup: { v: 1, locale: 'en', template: 'saas', kpis: [...template('saas').kpis], mapping, goals: [] },
    asOf: '2026-03-15',
  });
}

function marketingRows(n: number): RawCellContent[][] {
  const rows: RawCellContent[][] = [MARKETING_HEADERS];
  for (let i = 0; i < n; i++) {
    const month = serialFromYmd(2024, i % 27, 1);
    rows.push([month, `C${i % 5}`, 100 + (i % 37), 5 + (i % 7), 1 + (i % 3), i % 2, 300 + (i % 11)]);
  }
  return rows;
}

export function run(): void {
  section('Dashboard plan (7-KPI SaaS template, 12 periods)');
  const small = time(() => planFor(500), 20);
  const large = time(() => planFor(50_000), 20);
  report('buildPlan + detectMapping, data sheets of 500 rows', small);
  compare('buildPlan + detectMapping, data sheets of 50,000 rows', large, '500 rows', small, 'same (the plan never reads data)');

  const spend = Array.from({ length: 50_000 }, (_, i) => [100 + (i % 37)]);
  const customers = Array.from({ length: 50_000 }, (_, i) => [i % 2]);
  const cac = time(() => callFunction('CAC', [spend, customers]), 20);
  compare('buildPlan at 50,000 rows vs one CAC() over 50,000 rows', large, 'CAC over 50k rows', cac);

  const plan = planFor(50_000);
  const json = JSON.stringify(plan);
  report('plan size (JSON)', 0, `${(json.length / 1024).toFixed(1)} KB, ${plan.sheets.reduce((n, s) => n + s.blocks.length, 0)} blocks`);

  // the generated sheets computed by HyperFormula over 50,000 marketing rows (CAC, CPL, lead-to-opportunity only: no ledger)
  const mkPlan = (n: number) => {
    const mapping = detectMapping([{ name: 'Marketing', headers: MARKETING_HEADERS, rows: n }]).mapping;
    return renderPlan(
      buildPlan({
        setup: { v: 1, locale: 'en', kpis: ['cac', 'cpl', 'lead_to_opp', 'conversion_rate', 'romi'], mapping, goals: [] },
        asOf: '2026-03-15',
      }),
      'hyperformula',
      { maxRows: n + 1 },
    );
  };
  const evaluate = (n: number) => {
    const p = mkPlan(n);
    const sheets: Record<string, RawCellContent[][]> = { Marketing: marketingRows(n) };
    for (const s of p.sheets) {
      const grid: RawCellContent[][] = [];
      for (const b of s.blocks) {
        const { row, col } = requireRect(b.range);
        b.cells.forEach((r, i) =>
          r.forEach((c, j) => ((grid[row + i] ??= [])[col + j] = c !== null && typeof c === 'object' ? c.formula : c)),
        );
      }
      sheets[s.name] = Array.from(grid, (r) => Array.from(r ?? [], (v) => (v === undefined ? null : v)));
    }
    const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', maxRows: n + 10 });
    hf.destroy();
  };
  const hf500 = time(() => evaluate(500), 3);
  report('HyperFormula builds and computes the sheets, 500 rows', hf500);
  const hf50k = time(() => evaluate(50_000), 1);
  compare('HyperFormula builds and computes the sheets, 50,000 rows', hf50k, '500 rows', hf500);
}
