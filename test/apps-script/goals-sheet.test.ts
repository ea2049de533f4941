/** KPI Goals as the source of truth in Sheets: edits made in the sheet survive a regeneration and show in the sidebar. */
import { FakeSheets } from '../fakes/spreadsheet-app';
import { AS_OF, sampleSetup, sampleWorkbook, generate, sidebarState } from './support';

let fake: FakeSheets;
let uninstall: () => void;
afterEach(() => uninstall?.());

/** Types into a cell as a manager would (setValue parses like typed input). */
function type(sheet: string, a1: string, value: unknown): void {
  fake.spreadsheet.getRange(`'${sheet}'!${a1}`).setValue(value);
}
const cell = (sheet: string, a1: string) => fake.spreadsheet.getRange(`'${sheet}'!${a1}`).getValue();

describe('KPI Goals read back before planning (Sheets)', () => {
  beforeEach(() => ({ fake, uninstall } = sampleWorkbook()));

  it('keeps a target and an owner typed in the sheet, and the sidebar shows them and says so', async () => {
    await generate(sampleSetup(), AS_OF);
    // the SaaS template's first card is MRR (row 2), with the goal 100 -> 200 by Ana
    type('KPI Goals', 'D2', 250);
    type('KPI Goals', 'G2', 'Chloé');
    const info = await sidebarState();
    expect(info.setup!.goals[0]).toMatchObject({ kpi: 'mrr', target: 250, owner: 'Chloé', baseline: 100 });
    expect(info.goalNotices!.map((n) => n.text)).toEqual(['MRR: kept target, owner as edited in the goals sheet.']);
    // the sidebar still sends its old goal: the sheet wins for the fields edited there
    const result = await generate(sampleSetup(), AS_OF);
    expect([cell('KPI Goals', 'D2'), cell('KPI Goals', 'G2')]).toEqual([250, 'Chloé']);
    expect(result.setup!.goals[0]).toMatchObject({ target: 250, owner: 'Chloé' });
    expect(result.notices[0]).toMatchObject({ code: 'goal_from_sheet', kpi: 'mrr' });
    // and once generated, the sheet holds what was generated: the next run has nothing to report
    expect((await generate(result.setup!, AS_OF)).notices.filter((n) => n.code === 'goal_from_sheet')).toEqual([]);
    expect(cell('KPI Goals', 'D2')).toBe(250);
  });

  it('keeps text typed in a number column where it was, reports it, and writes nothing over it', async () => {
    await generate(sampleSetup(), AS_OF);
    type('KPI Goals', 'D2', 'about 250');
    const result = await generate(sampleSetup(), AS_OF);
    expect(cell('KPI Goals', 'D2')).toBe('about 250');
    expect(result.notices[0].text).toBe(
      'KPI Goals D2 (target of MRR) holds "about 250", which is not a valid number: it was left as typed and not used. Type a number there.',
    );
    expect(result.setup!.goals[0].target).toBe(200);
  });

  it('a sidebar edit of a field the sheet left alone is the one written', async () => {
    await generate(sampleSetup(), AS_OF);
    const edited = sampleSetup();
    edited.goals[0].target = 300;
    await generate(edited, AS_OF);
    expect(cell('KPI Goals', 'D2')).toBe(300);
  });
});
