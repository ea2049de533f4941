import { mergeGoals, planWithSheetGoals } from '../../core/dashboard/goals-merge';
import { readGoalsSheet } from '../../core/dashboard/goals-sheet';
import { DashboardSetup } from '../../core/dashboard/setup';

const HEADER = ['KPI', 'KPI id', 'Baseline', 'Target', 'Start', 'End', 'Owner', 'Frequency', 'Current', 'Progress', 'Status', 'Note'];
const base = (goals: DashboardSetup['goals']): DashboardSetup => ({
  v: 1,
  locale: 'en',
  template: null,
  kpis: ['mrr', 'cac'],
  mapping: { marketing: { sheet: 'Marketing', headerRow: 1, columns: { date: 'A', channel: 'B', spend: 'C' } } },
  goals,
});
// what the last generation wrote
const GENERATED = base([
  { kpi: 'mrr', baseline: 100, target: 200, start: '2026-01-01', end: '2026-12-31', owner: 'Ana', frequency: null },
  { kpi: 'cac', baseline: 500, target: 400, start: '2026-01-01', end: '2026-12-31', owner: 'Ben', frequency: 'weekly' },
]);

describe('goals read back from KPI Goals and merged with the sidebar', () => {
  it('finds columns by their header, even moved, and reports text in a number column', () => {
    const rows = [
      ['KPI', 'Notes', 'KPI id', 'Target', 'Baseline', 'Owner'],
      ['CAC', 'mine', 'cac', 'six hundred', 500, "'Zoé"],
    ];
    expect(readGoalsSheet(rows)).toEqual({
      goals: [{ kpi: 'cac', baseline: 500, target: null, owner: 'Zoé' }],
      unreadable: [{ kpi: 'cac', field: 'target', text: 'six hundred', cell: 'D2' }],
    });
  });

  it('takes a target and an owner edited in the sheet, and says so', () => {
    const sheet = readGoalsSheet([
      HEADER,
      ['MRR', 'mrr', 100, 250, 46023, 46387, 'Chloé', 'Monthly'],
      ['CAC', 'cac', 500, 400, 46023, 46387, 'Ben', 'Weekly'],
    ]);
    const m = mergeGoals(GENERATED, sheet, GENERATED);
    expect(m.taken).toEqual([
      { kpi: 'mrr', field: 'target', value: 250 },
      { kpi: 'mrr', field: 'owner', value: 'Chloé' },
    ]);
    expect(m.setup.goals[0]).toEqual({
      kpi: 'mrr',
      baseline: 100,
      target: 250,
      start: '2026-01-01',
      end: '2026-12-31',
      owner: 'Chloé',
      frequency: null,
    });
    expect(m.notices.map((n) => n.text)).toEqual(['MRR: kept target, owner as edited in the goals sheet.']);
  });

  it('keeps a field changed in the sidebar when the sheet still holds what was generated', () => {
    const sheet = readGoalsSheet([HEADER, ['MRR', 'mrr', 100, 200, 46023, 46387, 'Ana', 'Monthly']]);
    const sidebar = base([{ ...GENERATED.goals[0], target: 300 }, GENERATED.goals[1]]);
    const m = mergeGoals(sidebar, sheet, GENERATED);
    expect(m.setup.goals[0].target).toBe(300);
    expect(m.taken).toEqual([]);
  });

  it('lets the sheet win when both changed the same field', () => {
    const sheet = readGoalsSheet([HEADER, ['MRR', 'mrr', 100, 220, 46023, 46387, 'Ana', 'Monthly']]);
    const m = mergeGoals(base([{ ...GENERATED.goals[0], target: 300 }]), sheet, GENERATED);
    expect(m.setup.goals[0].target).toBe(220);
    expect(m.taken).toEqual([{ kpi: 'mrr', field: 'target', value: 220 }]);
  });

  it('keeps an unreadable cell as typed, reported, and the goal keeps the sidebar value', () => {
    const sheet = readGoalsSheet([HEADER, ['CAC', 'cac', 500, 'about 350', 46023, 'end of year', 'Ben', 'Weekly']]);
    const { plan, merge } = planWithSheetGoals(
      { setup: GENERATED, asOf: '2026-03-31', existingSheets: [{ name: 'Goals 2026', marker: 'goals' }] },
      sheet,
      GENERATED,
    );
    expect(merge.setup.goals[1]).toMatchObject({ target: 400, end: '2026-12-31' });
    expect(merge.notices.map((n) => n.text)).toEqual([
      'Goals 2026 D2 (target of Customer acquisition cost) holds "about 350", which is not a valid number: it was left as typed and not used. Type a number there.',
      'Goals 2026 F2 (end of Customer acquisition cost) holds "end of year", which is not a valid date (YYYY-MM-DD): it was left as typed and not used. Type a date (YYYY-MM-DD) there.',
    ]);
    const goals = plan.sheets.find((s) => s.role === 'goals')!;
    const rows = goals.blocks.find((b) => b.range.startsWith('A2'))!.cells;
    expect(rows[1].slice(2, 6)).toEqual([500, 'about 350', 46023, 'end of year']); // CAC is the second card: row 3
    expect(plan.notices[0].code).toBe('goal_unreadable');
  });

  it('without a record of the last generation, the sheet wins wherever it differs', () => {
    const sheet = readGoalsSheet([HEADER, ['CAC', 'cac', 500, 450, '', '', 'Ben', 'Weekly']]);
    const m = mergeGoals(GENERATED, sheet, null);
    expect(m.setup.goals[1]).toEqual({ kpi: 'cac', baseline: 500, target: 450, start: null, end: null, owner: 'Ben', frequency: 'weekly' });
    expect(m.taken.map((x) => x.field)).toEqual(['target', 'start', 'end']);
  });
});
