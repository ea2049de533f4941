/**
 * Plans of each template against expectations written out by hand from the layout in
 * docs/concepts/dashboards.md (cards from row 5, trend table from column L, 12 periods by default).
 */
import { renderFormula, renderPlan } from '../../core/dashboard/dialect';
import { sheetGrid } from '../../core/dashboard/grid';
import { CellBlock, DashboardPlan, PlanCell } from '../../core/dashboard/plan';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup, DataMapping } from '../../core/dashboard/setup';
import { template, TemplateId } from '../../core/dashboard/templates';
import { MAPPING, MARKETING, SHEETS } from '../fixtures/dashboard/company';
import { applyToWorkbook, parseRange, valueAt } from './hf-apply';

const { marketing: MARKETING_MAP, ledger: LEDGER_MAP, deals: DEALS_MAP, orders: ORDERS_MAP } = MAPPING;
const FULL: DataMapping = { marketing: MARKETING_MAP, ledger: LEDGER_MAP, deals: DEALS_MAP, orders: ORDERS_MAP };

function planOf(
  id: TemplateId,
  mapping: DataMapping = FULL,
  extra: Partial<DashboardSetup> = {},
  existingSheets = [] as { name: string; marker?: 'dashboard' }[],
): DashboardPlan {
  return buildPlan({
    setup: { v: 1, locale: 'en', template: id, kpis: [...template(id).kpis], mapping, goals: [], ...extra },
    asOf: '2026-03-15',
    existingSheets,
  });
}

/** The cell at an address of a planned sheet, whichever block holds it. */
function at(plan: DashboardPlan, role: string, address: string): PlanCell | undefined {
  const sheet = plan.sheets.find((s) => s.role === role)!;
  const p = parseRange(address);
  for (const b of sheet.blocks) {
    const r = parseRange(b.range);
    if (p.row >= r.row && p.row < r.row + r.height && p.col >= r.col && p.col < r.col + r.width)
      return b.cells[p.row - r.row][p.col - r.col];
  }
  return undefined;
}
const formulaAt = (plan: DashboardPlan, role: string, address: string) => (at(plan, role, address) as { formula: string }).formula;
const row = (plan: DashboardPlan, role: string, cols: string, r: number) => cols.split('').map((c) => at(plan, role, `${c}${r}`));
const trendBlock = (plan: DashboardPlan) => plan.sheets[0].blocks.find((b) => b.range.startsWith('L5:'))!;

describe('every plan', () => {
  const plans = (['saas', 'ecommerce', 'b2b', 'aarrr', 'north_star'] as TemplateId[]).map((id) => planOf(id));

  it('has the four sheets with their markers and modes', () => {
    for (const p of plans) {
      expect(p.sheets.map((s) => [s.role, s.name, s.marker.key, s.marker.value, s.mode])).toEqual([
        ['dashboard', 'KPI Dashboard', 'KPIPILOT_SHEET', 'dashboard', 'replace'],
        ['goals', 'KPI Goals', 'KPIPILOT_SHEET', 'goals', 'replace'],
        ['definitions', 'KPI Definitions', 'KPIPILOT_SHEET', 'definitions', 'replace'],
        ['history', 'KPI History', 'KPIPILOT_SHEET', 'history', 'append'],
      ]);
    }
  });

  it('writes only rectangular blocks, with formats of the same shape, and no text a host would read as a formula', () => {
    for (const p of plans) {
      for (const s of p.sheets) {
        for (const b of s.blocks) {
          const r = parseRange(b.range);
          expect(b.cells.length).toBe(r.height);
          b.cells.forEach((cells) => expect(cells.length).toBe(r.width));
          if (b.numberFormats) expect(b.numberFormats.map((x) => x.length)).toEqual(b.cells.map((x) => x.length));
          for (const c of b.cells.flat()) {
            if (typeof c === 'string') expect(c).not.toMatch(/^[=+\-@]/);
            if (c !== null && typeof c === 'object') expect(c.formula).toMatch(/^=/);
          }
        }
        // few calls for an applier: a handful of blocks per sheet
        expect(s.blocks.length).toBeLessThanOrEqual(10);
      }
    }
  });

  it('is plain JSON', () => {
    for (const p of plans) expect(JSON.parse(JSON.stringify(p))).toEqual(p);
  });

  it('writes the as-of date as a value and the period from it', () => {
    const p = plans[0];
    expect(row(p, 'dashboard', 'ABCD', 2)).toEqual(['As of', 46096, 'Period', { formula: '=DATE(YEAR(B2),MONTH(B2),1)' }]);
    expect(p.asOf).toBe(46096); // 2026-03-15
    expect(p.snapshot).toEqual({
      historySheet: 'KPI History',
      asOfCell: "'KPI Dashboard'!B2",
      valuesRange: "'KPI Dashboard'!B5:B11",
      kpis: template('saas').kpis,
    });
  });
});

describe('SaaS template', () => {
  const p = planOf('saas');

  it('has one card per KPI in template order, wired to the trend table and the goals sheet', () => {
    expect([5, 6, 7, 8, 9, 10, 11].map((r) => at(p, 'dashboard', `A${r}`))).toEqual([
      'MRR',
      'MRR churn rate',
      'Net revenue retention (12 months)',
      'Customer acquisition cost',
      'Customer lifetime value',
      'Lead-to-opportunity rate',
      'Cost per lead',
    ]);
    expect(row(p, 'dashboard', 'BCDEFGHIJ', 5)).toEqual([
      { formula: '=N16' },
      { formula: `=IF('KPI Goals'!D2="","",'KPI Goals'!D2)` },
      { formula: `=IF('KPI Goals'!J2="","",'KPI Goals'!J2)` },
      { formula: `=IF('KPI Goals'!K2="","",'KPI Goals'!K2)` },
      { formula: '=N15' },
      { formula: '=IF(AND(ISNUMBER(B5),ISNUMBER(F5)),IF(F5=0,"",(B5-F5)/ABS(F5)),"")' },
      { formula: `=IF('KPI Goals'!G2="","",'KPI Goals'!G2)` },
      { formula: `=IF('KPI Goals'!H2="","",'KPI Goals'!H2)` },
      'Impact · Lagging',
    ]);
    expect(formulaAt(p, 'dashboard', 'B11')).toBe('=T16'); // cost per lead: 7th KPI column (N + 6)
  });

  it('computes exactly the cards in the trend table; what a card is built from and is not a card is inlined', () => {
    const header = plan0Header(p);
    expect(header).toEqual([
      'Period start',
      'Next period start',
      'MRR',
      'MRR churn rate',
      'Net revenue retention (12 months)',
      'Customer acquisition cost',
      'Customer lifetime value',
      'Lead-to-opportunity rate',
      'Cost per lead',
    ]);
    expect(trendBlock(p).range).toBe('L5:T16');
    expect(trendBlock(p).customFunctions).toEqual(['REVENUE_CHURN', 'NRR']);
    expect(formulaAt(p, 'dashboard', 'L5')).toBe('=EDATE($D$2,-11)');
    expect(formulaAt(p, 'dashboard', 'L16')).toBe('=EDATE($D$2,0)');
    expect(formulaAt(p, 'dashboard', 'M5')).toBe('=EDATE($L5,1)');
    // each row reads its own period (L start, M next start) and the mapped columns; the values are
    // checked by evaluation (native-formulas.test.ts, monthly.test.ts)
    expect(refs(formulaAt(p, 'dashboard', 'N16'))).toEqual(["'Subscriptions'!C:C", "'Subscriptions'!B:B", '$L16', '$M16']);
    expect(refs(formulaAt(p, 'dashboard', 'O16'))).toEqual([
      "'Subscriptions'!A2:A",
      "'Subscriptions'!B2:B",
      "'Subscriptions'!C2:C",
      '$L16',
    ]);
    expect(refs(formulaAt(p, 'dashboard', 'P16'))).toEqual([
      "'Subscriptions'!A2:A",
      "'Subscriptions'!B2:B",
      "'Subscriptions'!C2:C",
      '$L16',
    ]);
    expect(refs(formulaAt(p, 'dashboard', 'Q16'))).toEqual(["'Marketing'!C:C", "'Marketing'!A:A", '$L16', '$M16', "'Marketing'!F:F"]);
    expect(refs(formulaAt(p, 'dashboard', 'N5'))).toEqual(["'Subscriptions'!C:C", "'Subscriptions'!B:B", '$L5', '$M5']);
    // LTV = ARPA × margin / churn: churn is a card (column O of the same row), ARPA is not and is written out in place
    expect(refs(formulaAt(p, 'dashboard', 'R16'))).toEqual(["'Subscriptions'!C:C", "'Subscriptions'!B:B", '$L16', '$M16', 'O16']);
  });

  it('formats values by unit', () => {
    const cards = p.sheets[0].blocks.find((b) => b.range === 'A5:J11')!;
    expect(cards.numberFormats![0]).toEqual([null, '#,##0.00', '#,##0.00', '0%', null, '#,##0.00', '+0.0%;-0.0%;0.0%', null, null, null]);
    expect(cards.numberFormats![1][1]).toBe('0.0%'); // churn
    expect(trendBlock(p).numberFormats![0].slice(0, 4)).toEqual(['yyyy-mm', 'yyyy-mm-dd', '#,##0.00', '0.0%']);
  });

  it('colours status and change by direction', () => {
    const cf = p.sheets[0].conditionalFormats;
    expect(cf.filter((c) => c.rule.type === 'textEquals').map((c) => [c.ranges, (c.rule as { text: string }).text])).toEqual(
      ['Achieved', 'On track', 'At risk', 'Off track', 'Missed', 'Not started', 'Check dates', 'Check goal'].map((t) => [['E5:E11'], t]),
    );
    const change = cf.filter((c) => c.rule.type !== 'textEquals');
    expect(change.map((c) => [c.ranges, c.rule, c.style.background])).toEqual([
      [['G5', 'G7', 'G9', 'G10'], { type: 'greaterThan', value: 0 }, '#D9EAD3'],
      [['G5', 'G7', 'G9', 'G10'], { type: 'lessThan', value: 0 }, '#F4CCCC'],
      [['G6', 'G8', 'G11'], { type: 'lessThan', value: 0 }, '#D9EAD3'],
      [['G6', 'G8', 'G11'], { type: 'greaterThan', value: 0 }, '#F4CCCC'],
    ]);
  });

  it('places the insights under the cards and one chart per card under them', () => {
    expect(at(p, 'dashboard', 'A13')).toBe('Insights');
    // only the rules about cards: LTV:CAC, CAC payback and velocity are not SaaS cards; then the change of each ratio card
    expect([14, 15, 16, 17, 18, 19, 20, 21, 22, 23].map((r) => at(p, 'dashboard', `A${r}`))).toEqual([
      'Targeting or qualification',
      'Churn trend',
      'Customer acquisition cost: what moved',
      'Customer acquisition cost by channel',
      'Customer lifetime value: what moved',
      'Lead-to-opportunity rate: what moved',
      'Lead-to-opportunity rate by channel',
      'Cost per lead: what moved',
      'Cost per lead by channel',
      undefined,
    ]);
    // churn is column O: current period on row 16, the three before above it
    expect(formulaAt(p, 'dashboard', 'B15')).toMatch(
      /^=IF\(AND\(ISNUMBER\(O16\),ISNUMBER\(O15\),ISNUMBER\(O14\),ISNUMBER\(O13\)\),IF\(AND\(O16>O15,O15>O14,O14>O13\),"MRR churn has risen/,
    );
    const block = p.sheets[0].blocks.find((b) => b.range === 'A14:B22')!;
    expect(block.style).toEqual({ wrap: true });
    expect(p.sheets[0].columnWidths.B).toBe(420);
    const charts = p.sheets[0].charts;
    expect(charts.map((c) => c.anchor)).toEqual(['A24', 'F24', 'A40', 'F40', 'A56', 'F56', 'A72']);
    expect(charts[0]).toEqual({
      type: 'line',
      title: 'MRR',
      anchor: 'A24',
      widthPx: 480,
      heightPx: 300,
      categories: 'L5:L16',
      series: [{ name: 'MRR', values: 'N5:N16' }],
      numberFormat: '#,##0.00',
    });
  });

  it('writes the goals table with the native GOAL_STATUS chain', () => {
    const goals = planOf('saas', FULL, {
      goals: [
        { kpi: 'cac', baseline: 800, target: 600, start: '2026-01-01', end: '2026-12-31', owner: '=HYPERLINK("x")', frequency: 'weekly' },
      ],
    });
    expect(row(goals, 'goals', 'ABCDEFGHI', 5)).toEqual([
      'Customer acquisition cost',
      'cac',
      800,
      600,
      46023,
      46387,
      `'=HYPERLINK("x")`,
      'Weekly',
      { formula: "='KPI Dashboard'!B8" },
    ]);
    expect(row(goals, 'goals', 'CDEFG', 2)).toEqual([null, null, null, null, null]); // MRR has no goal
    expect(at(goals, 'goals', 'H2')).toBe('Monthly'); // the catalog's default frequency
    // progress and status judge the goal on its own row (current I, baseline C, target D, start E,
    // end F) at the dashboard's as-of cell; what they show is checked by evaluation against
    // GOAL_STATUS in native-formulas.test.ts
    expect(refs(formulaAt(goals, 'goals', 'J5'))).toEqual(['I5', 'D5', 'C5']);
    expect(refs(formulaAt(goals, 'goals', 'K5'))).toEqual(['D5', 'C5', 'I5', 'E5', 'F5', "'KPI Dashboard'!$B$2"]);
    expect(refs(formulaAt(goals, 'goals', 'K2'))).toEqual(['D2', 'C2', 'I2', 'E2', 'F2', "'KPI Dashboard'!$B$2"]);
    expect(at(goals, 'definitions', 'M5')).toBe(`'=HYPERLINK("x")`);
  });

  it('describes each KPI on the definitions sheet', () => {
    expect(row(p, 'definitions', 'ABDFHIJKN', 3)).toEqual([
      'MRR churn rate',
      'mrr_churn',
      'REVENUE_CHURN(customers, months, amounts, period)',
      'KPI Pilot function (needs the add-in)',
      'Lower is better',
      'Impact',
      'Lagging',
      'Retention',
      "'Subscriptions'!A:A (Customer), 'Subscriptions'!B:B (Month), 'Subscriptions'!C:C (MRR)",
    ]);
    expect(at(p, 'definitions', 'F2')).toBe('Native formula (works without the add-in)');
  });

  it('keeps history append-only with a date column', () => {
    const h = p.sheets[3];
    expect(h.blocks.map((b) => [b.range, b.cells])).toEqual([['A1:D1', [['Date', 'KPI', 'KPI id', 'Value']]]]);
    expect(h.columnFormats).toEqual({ A: 'yyyy-mm-dd' });
  });

  it('notes the KPIs that need the add-in', () => {
    expect(p.notices.map((n) => n.code)).toEqual(['custom_functions']);
    // MRR churn and NRR call KPI Pilot; LTV is ARPA / MRR churn and LTV:CAC reads LTV, so both
    // goes blank without the add-in too
    expect(p.notices[0].text).toBe(
      'Without the add-in a colleague sees errors in KPI Dashboard: the cards MRR churn rate, Net revenue retention (12 months), Customer lifetime value come from KPI Pilot functions. "Prepare for sharing" replaces them by their values (and "Make live again" restores them).',
    );
  });
});

/**
 * The cell and range references a formula reads, in order of first use, without repeats; text
 * literals skipped. Whole and open-ended columns count only with a sheet (as the planner writes them).
 */
function refs(formula: string | undefined): string[] {
  const code = (formula ?? '').replace(/"(?:[^"]|"")*"/g, '""');
  const found =
    code.match(
      /'(?:[^']|'')+'!\$?[A-Z]{1,3}\$?\d*:\$?[A-Z]{1,3}\$?\d*(?![A-Za-z0-9_(])|(?:'(?:[^']|'')+'!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![A-Za-z0-9_(])/g,
    ) ?? [];
  return [...new Set(found)];
}

function plan0Header(p: DashboardPlan): PlanCell[] {
  return p.sheets[0].blocks.find((b: CellBlock) => b.range.startsWith('L4:'))!.cells[0] as PlanCell[];
}

describe('other templates', () => {
  it('e-commerce with marketing and orders: no rule reads the cards, the ratio cards have their change explained', () => {
    const p = planOf('ecommerce', { marketing: MARKETING_MAP, orders: ORDERS_MAP });
    expect(plan0Header(p).slice(2)).toEqual([
      'Revenue',
      'Store conversion rate',
      'Average order value',
      'Customer retention rate',
      'Return on ad spend',
      'Customer acquisition cost',
    ]);
    // six cards end on row 10: insights title on 12, no rule is about these cards, four of them are ratios, two read by channel
    expect([12, 13, 14, 15, 16, 17, 18].map((r) => at(p, 'dashboard', `A${r}`))).toEqual([
      'Insights',
      'Store conversion rate: what moved',
      'Average order value: what moved',
      'Return on ad spend: what moved',
      'Return on ad spend by channel',
      'Customer acquisition cost: what moved',
      'Customer acquisition cost by channel',
    ]);
    expect(at(p, 'dashboard', 'A19')).toBeUndefined();
    expect(trendBlock(p).customFunctions).toEqual([]);
    // the by-channel rows call KPI_CHANGE_DRIVERS inside IFERROR with a sentence: without the add-in they say what they need, no notice
    expect(formulaAt(p, 'dashboard', 'B16')).toMatch(
      /^=IFERROR\(KPI_CHANGE_DRIVERS\(.*,"Needs the KPI Pilot add-in to split by channel \(or a Marketing cell that is not a number or a date\)"\)$/,
    );
    expect(p.notices).toEqual([]);
    // store conversion: orders of the period over the sessions of the period
    expect(refs(formulaAt(p, 'dashboard', 'O16'))).toEqual(["'Orders'!A:A", '$L16', '$M16', "'Marketing'!H:H", "'Marketing'!A:A"]);
  });

  it('B2B with deals and marketing: velocity from its factor columns, open deals at the period end', () => {
    const p = planOf('b2b', { marketing: MARKETING_MAP, deals: DEALS_MAP });
    expect(plan0Header(p).slice(2)).toEqual([
      'Pipeline velocity',
      'Win rate',
      'Sales cycle',
      'Average deal size',
      'Lead-to-opportunity rate',
      'New opportunities',
      'Customer acquisition cost',
    ]);
    // open deals at the period end (created C, closed D, outcome F) times win rate O and deal size Q over cycle P of the same row
    expect(refs(formulaAt(p, 'dashboard', 'N16'))).toEqual(["'Deals'!C:C", '$M16', "'Deals'!D:D", "'Deals'!F:F", 'O16', 'Q16', 'P16']);
    // cost per lead is not a B2B card: only the velocity rule is about the cards, then the ratio cards' changes
    // win rate, cycle, deal size, lead-to-opportunity (and by channel), CAC (and by channel): rows 15-21
    expect([14, 15, 21, 22].map((r) => at(p, 'dashboard', `A${r}`))).toEqual([
      'Pipeline velocity',
      'Win rate: what moved',
      'Customer acquisition cost by channel',
      undefined,
    ]);
  });

  it('AARRR: one KPI per stage', () => {
    const p = planOf('aarrr');
    expect([5, 6, 7, 8, 9].map((r) => at(p, 'dashboard', `A${r}`))).toEqual([
      'Cost per lead',
      'Lead-to-customer conversion',
      'MRR churn rate',
      'Referral share of leads',
      'ARPA',
    ]);
    expect([5, 6, 7, 8, 9].map((r) => at(p, 'definitions', `K${r - 3}`))).toEqual([
      'Acquisition',
      'Activation',
      'Retention',
      'Referral',
      'Revenue',
    ]);
  });

  it('North Star: the star and its inputs are labelled', () => {
    const p = planOf('north_star');
    expect([5, 6, 7, 8, 9].map((r) => at(p, 'dashboard', `J${r}`))).toEqual([
      'North Star · Impact · Lagging',
      'Input · Impact · Leading',
      'Input · Impact · Lagging',
      'Input · Impact · Lagging',
      'Input · Impact · Lagging',
    ]);
  });
});

describe('unmapped data, name collisions, French', () => {
  it('shows what to map instead of a value, and leaves the KPI out of the charts', () => {
    const p = planOf('saas', { marketing: MARKETING_MAP });
    expect(at(p, 'dashboard', 'B5')).toBe('Map data: Month, MRR');
    expect(at(p, 'dashboard', 'F5')).toBeNull();
    expect(p.sheets[0].charts.map((c) => c.title)).toEqual(['Customer acquisition cost', 'Lead-to-opportunity rate', 'Cost per lead']);
    expect(p.notices.filter((n) => n.code === 'unmapped').map((n) => n.kpi)).toEqual(['mrr', 'mrr_churn', 'nrr', 'ltv']);
    expect(p.notices[0].text).toBe('MRR is not computed: map Month, MRR.');
  });

  it("uses another name when a user's sheet has the standard one, and every formula follows", () => {
    const p = planOf('saas', FULL, {}, [{ name: 'KPI Goals' }]);
    expect(p.sheets[1].name).toBe('KPI Goals (KPI Pilot)');
    expect(formulaAt(p, 'dashboard', 'C5')).toBe(`=IF('KPI Goals (KPI Pilot)'!D2="","",'KPI Goals (KPI Pilot)'!D2)`);
    expect(p.notices[0]).toEqual({
      code: 'renamed',
      level: 'warning',
      sheet: 'goals',
      text: 'A sheet named "KPI Goals" already exists and is not KPI Pilot\'s: the dashboard uses "KPI Goals (KPI Pilot)" instead.',
    });
  });

  it('writes French labels but keeps the sheet names', () => {
    const p = planOf('saas', FULL, { locale: 'fr', goals: [{ kpi: 'mrr', frequency: 'quarterly' }] });
    expect(p.sheets.map((s) => s.name)).toEqual(['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']);
    expect(at(p, 'dashboard', 'A1')).toBe('Tableau de bord KPI');
    expect(row(p, 'dashboard', 'ABCDE', 4)).toEqual(['KPI', 'Valeur', 'Cible', 'Progression', 'Statut']);
    expect(at(p, 'goals', 'H2')).toBe('Trimestrielle');
    expect(at(p, 'dashboard', 'A14')).toBe('Ciblage ou qualification');
  });

  it('quotes sheet names with apostrophes, and the formulas still evaluate', () => {
    const mapping = { marketing: { ...MARKETING_MAP, sheet: "Bob's marketing" } };
    const p = buildPlan({
      setup: { v: 1, locale: 'en', kpis: ['cpl'], mapping, goals: [], options: { trendPeriods: 4 } },
      asOf: '2026-03-15',
    });
    expect(formulaAt(p, 'dashboard', 'N8')).toContain(`'Bob''s marketing'!C:C`);
    const wb = applyToWorkbook(p, { ...(SHEETS as Record<string, never>), "Bob's marketing": MARKETING as never });
    expect(valueAt(wb, 'KPI Dashboard', 'B5')).toBe(44);
  });

  it('refuses an empty selection or a date that is not one', () => {
    expect(() => planOf('saas', FULL, { kpis: [] })).toThrow(/choose at least one KPI/);
    expect(() => buildPlan({ setup: { v: 1, locale: 'en', kpis: ['mrr'], mapping: FULL, goals: [] }, asOf: 'soon' })).toThrow(/not a date/);
  });
});

describe('rendering for each host', () => {
  const f = `=IF(A1="NRR('X'!A2:A)",NRR('Bob''s'!A2:A,'L'!$B$2:$B,EDATE($L5,-12),$L5)+SUMIFS('L'!C:C,'L'!B:B,">0"),"")`;

  it('leaves Sheets formulas as they are', () => {
    expect(renderFormula(f, ['NRR'], 'sheets')).toBe(f);
  });

  it('prefixes custom functions and closes open ranges for Excel, never inside text', () => {
    expect(renderFormula(f, ['NRR'], 'excel')).toBe(
      `=IF(A1="NRR('X'!A2:A)",KPIPILOT.NRR('Bob''s'!A2:A1048576,'L'!$B$2:$B1048576,EDATE($L5,-12),$L5)+SUMIFS('L'!C:C,'L'!B:B,">0"),"")`,
    );
  });

  it('closes open ranges at the engine size for HyperFormula, without a prefix', () => {
    expect(renderFormula(`=GRR('L'!A2:A,'L'!B2:B)`, ['GRR'], 'hyperformula', { maxRows: 5000 })).toBe(`=GRR('L'!A2:A5000,'L'!B2:B5000)`);
  });

  it('renders a whole plan and leaves the original alone', () => {
    const p = planOf('saas');
    const excel = renderPlan(p, 'excel');
    // column 4 of the trend block is P: NRR (L, M, N MRR, O churn, P NRR)
    expect((trendBlock(excel).cells[11][4] as { formula: string }).formula).toBe(
      `=KPIPILOT.NRR('Subscriptions'!A2:A1048576,'Subscriptions'!B2:B1048576,'Subscriptions'!C2:C1048576,EDATE($L16,-12),$L16)`,
    );
    expect((trendBlock(p).cells[11][4] as { formula: string }).formula).toMatch(/^=NRR\(/);
  });
});

describe('sheetGrid: one rectangle per sheet for batched writes', () => {
  it('places every block where its range says, nulls between', () => {
    const p = planOf('saas');
    const g = sheetGrid(p.sheets[0]);
    // trend table L..T (20 columns: period start, next start, the 7 cards), 12 periods from row 5: rows 1-16; insights on rows 14-22 in A:B
    expect([g.range, g.rows, g.columns]).toEqual(['A1:T22', 22, 20]);
    expect(g.cells[0][0]).toBe('KPI Dashboard');
    expect(g.fontSizes[0][0]).toBe(16);
    expect(g.cells[4][1]).toEqual({ formula: '=N16' });
    expect(g.numberFormats[4][1]).toBe('#,##0.00');
    expect(g.cells[15][13]).toEqual(at(p, 'dashboard', 'N16'));
    expect(g.cells[4][10]).toBeNull(); // column K: the gap
    expect(g.fontWeights[3][0]).toBe('bold');
    expect(g.backgrounds[3][11]).toBe('#1F4E79');
    expect(g.backgrounds[4][0]).toBeNull();
    expect(g.customFunctions).toEqual(['REVENUE_CHURN', 'NRR', 'KPI_CHANGE_DRIVERS']);
    const h = sheetGrid(p.sheets[3]);
    expect([h.range, h.cells]).toEqual(['A1:D1', [['Date', 'KPI', 'KPI id', 'Value']]]);
  });
});
