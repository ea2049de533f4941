import { CommissionsExtra } from '../../core/dashboard';
import type { WorkbookInfo } from '../../sidebar/bridge';
import { initialState, setExtra } from '../../sidebar/state';
import {
  addTier,
  canAddTier,
  CommissionInput,
  commissionInput,
  commissionPlan,
  removeTier,
  setTier,
} from '../../sidebar/steps/commission-input';

/** The commission plan as typed on the extras step: parsing, the problems named, tier edits, against hand-worked values. */
const INFO: WorkbookInfo = { sheets: [], existing: [], locale: 'en', setup: null, history: {}, today: '2026-10-31' };

describe('the commission plan as typed', () => {
  const plan = (p: Partial<CommissionInput>): CommissionInput => ({
    quota: '',
    tiers: [{ start: '0', rate: '' }],
    method: 'marginal',
    cap: '',
    period: 'month',
    ...p,
  });

  it('starts a new plan with one tier from 0, marginal and monthly, and reopens a saved one as typed', () => {
    expect(commissionInput(undefined, 'en')).toEqual({
      quota: '',
      tiers: [{ start: '0', rate: '' }],
      method: 'marginal',
      cap: '',
      period: 'month',
    });
    // quota 50,000; tiers from 0 and 100% of quota paying 5% and 12.5%; no cap
    const saved: CommissionsExtra = { quota: 50000, tiers: [0, 1], rates: [0.05, 0.125], method: 'retroactive', period: 'quarter' };
    const typed = commissionInput(saved, 'en');
    expect(typed.tiers).toEqual([
      { start: '0', rate: '5' },
      { start: '100', rate: '12.5' },
    ]);
    expect([typed.method, typed.cap, typed.period]).toEqual(['retroactive', '', 'quarter']);
    // read back in either language, the typed text gives the saved plan again
    for (const locale of ['en', 'fr'] as const) expect(commissionPlan(commissionInput(saved, locale), locale).plan).toEqual(saved);
  });

  it('reads a commission plan typed in percent, in French', () => {
    // quota 50 000; tiers from 0, 100% and 150% of quota paying 5%, 8% and 12,5%; cap 20 000
    const input = plan({
      quota: '50 000',
      tiers: [
        { start: '0', rate: '5' },
        { start: '100', rate: '8' },
        { start: '150', rate: '12,5' },
      ],
      method: 'retroactive',
      cap: '20 000',
      period: 'quarter',
    });
    expect(commissionPlan(input, 'fr')).toEqual({
      plan: { quota: 50000, tiers: [0, 1, 1.5], rates: [0.05, 0.08, 0.125], method: 'retroactive', period: 'quarter', cap: 20000 },
      problems: [],
    });
    // no cap typed: none in the plan
    expect(commissionPlan({ ...input, cap: '' }, 'fr').plan).not.toHaveProperty('cap');
  });

  it('explains each problem of a plan in English and French', () => {
    const bad = plan({
      quota: '',
      tiers: [
        { start: '0', rate: '5' },
        { start: '80', rate: '-1' },
        { start: '60', rate: 'x' },
      ],
      cap: '-5',
    });
    expect(commissionPlan(bad, 'en')).toEqual({
      problems: [
        'Type the quota: the won amount each owner should reach in the period.',
        'Tier 2: type its rate in % (0 or more).',
        'Tier 3 must start above tier 2 (80%).',
        'Tier 3: type its rate in % (0 or more).',
        'The cap must be a number of 0 or more, or blank for no cap.',
      ],
    });
    expect(
      commissionPlan(
        plan({
          quota: '0',
          tiers: [
            { start: '0', rate: '5' },
            { start: '', rate: '8' },
          ],
        }),
        'fr',
      ).problems,
    ).toEqual(['Le quota doit être un nombre supérieur à 0.', 'Palier 2 : indiquer où il commence, en % du quota.']);
  });

  it('adds tiers up to COMMISSION’s 20 and never removes the first', () => {
    let s = setExtra(initialState(INFO), 'commissions', true);
    s = setTier(addTier(s), 1, 'start', '100');
    expect(s.extras.plan.tiers).toEqual([
      { start: '0', rate: '' },
      { start: '100', rate: '' },
    ]);
    expect(removeTier(s, 0)).toBe(s);
    expect(removeTier(s, 1).extras.plan.tiers).toHaveLength(1);
    for (let i = 0; i < 30; i++) s = addTier(s);
    expect(s.extras.plan.tiers).toHaveLength(20);
    expect(canAddTier(s)).toBe(false);
  });
});
