import { copyNotices, parseSheetIds, recordSheetIds, setAsideCopies } from '../../core/dashboard/sheet-copies';
import { buildPlan } from '../../core/dashboard/planner';
import { template } from '../../core/dashboard/templates';
import { SheetRole } from '../../core/dashboard/plan';

type S = { name: string; marker: SheetRole | null; id: number };
const sheet = (name: string, marker: SheetRole | null, id: number): S => ({ name, marker, id });

describe('setAsideCopies', () => {
  it('keeps the sheet whose id was recorded, wherever it is in tab order; the copy becomes the user’s', () => {
    const sheets = [
      sheet('KPI Dashboard (2)', 'dashboard', 9),
      sheet('Data', null, 1),
      sheet('KPI Dashboard', 'dashboard', 4),
      sheet('KPI Goals', 'goals', 5),
    ];
    const out = setAsideCopies(
      sheets,
      (s) => s.id,
      () => ({ dashboard: '4', goals: '5' }),
    );
    expect(out.map((s) => [s.name, s.marker, s.copyOf])).toEqual([
      ['KPI Dashboard (2)', null, 'dashboard'],
      ['Data', null, undefined],
      ['KPI Dashboard', 'dashboard', undefined],
      ['KPI Goals', 'goals', undefined],
    ]);
  });

  it('reads no id and no record while each role is marked once', () => {
    const idOf = jest.fn((s: S) => s.id);
    const recorded = jest.fn(() => ({}));
    const sheets = [sheet('KPI Dashboard', 'dashboard', 4), sheet('KPI Goals', 'goals', 5)];
    expect(setAsideCopies(sheets, idOf, recorded)).toEqual(sheets);
    expect(idOf).not.toHaveBeenCalled();
    expect(recorded).not.toHaveBeenCalled();
  });

  it('reads the ids of doubled roles only, up to the recorded one, and the record once', () => {
    const idOf = jest.fn((s: S) => s.id);
    const recorded = jest.fn(() => ({ goals: '7', history: '8' }));
    const sheets = [
      sheet('KPI Dashboard', 'dashboard', 4),
      sheet('Copy of KPI Goals', 'goals', 11),
      sheet('KPI Goals', 'goals', 7),
      sheet('KPI History', 'history', 8),
      sheet('KPI History (2)', 'history', 12),
    ];
    const out = setAsideCopies(sheets, idOf, recorded);
    expect(out.filter((s) => s.copyOf).map((s) => s.name)).toEqual(['Copy of KPI Goals', 'KPI History (2)']);
    expect(idOf.mock.calls.map((c) => c[0].name).sort()).toEqual(['Copy of KPI Goals', 'KPI Goals', 'KPI History']);
    expect(recorded).toHaveBeenCalledTimes(1);
  });

  it('without a record matching any of them, keeps the first in tab order', () => {
    const sheets = [sheet('A', 'dashboard', 1), sheet('B', 'dashboard', 2), sheet('C', 'dashboard', 3)];
    expect(
      setAsideCopies(
        sheets,
        (s) => s.id,
        () => ({}),
      ).map((s) => s.copyOf ?? s.marker),
    ).toEqual(['dashboard', 'dashboard', 'dashboard']);
    expect(
      setAsideCopies(
        sheets,
        (s) => s.id,
        () => ({ dashboard: '99' }),
      ).map((s) => s.marker),
    ).toEqual(['dashboard', null, null]);
    expect(
      setAsideCopies(
        sheets,
        (s) => s.id,
        () => ({ dashboard: '3' }),
      ).map((s) => s.marker),
    ).toEqual([null, null, 'dashboard']);
  });
});

describe('the record', () => {
  it('reads back what was recorded and nothing unreadable', () => {
    expect(
      parseSheetIds(JSON.stringify(recordSheetIds({ goals: '1' }, { dashboard: 12, history: '{00000000-0004-0000-0000-000000000000}' }))),
    ).toEqual({ goals: '1', dashboard: '12', history: '{00000000-0004-0000-0000-000000000000}' });
    expect(parseSheetIds('not json')).toEqual({});
    expect(parseSheetIds(null)).toEqual({});
    expect(parseSheetIds('{"dashboard":{"x":1},"mine":"2","goals":3}')).toEqual({ goals: '3' });
  });
});

describe('notices', () => {
  it('name each copy in the sidebar’s language, and the plan carries them', () => {
    const existing = [
      { name: 'Dashboard (2)', marker: null, copyOf: 'dashboard' as const },
      { name: 'KPI Dashboard', marker: 'dashboard' as const },
    ];
    expect(copyNotices(existing, 'en')).toEqual([
      {
        code: 'duplicate_sheet',
        level: 'info',
        sheet: 'dashboard',
        text: "'Dashboard (2)' looks like a copy of the dashboard; KPI Pilot leaves it alone.",
      },
    ]);
    expect(copyNotices(existing, 'fr')[0].text).toBe(
      '« Dashboard (2) » semble être une copie du tableau de bord ; KPI Pilot n’y touche pas.',
    );
    const setup = {
      v: 1 as const,
      locale: 'en' as const,
      template: 'saas' as const,
      kpis: [...template('saas').kpis],
      mapping: {},
      goals: [],
    };
    const plan = buildPlan({ setup, asOf: '2026-03-15', existingSheets: existing });
    expect(plan.notices.filter((n) => n.code === 'duplicate_sheet')).toHaveLength(1);
    // the copy's name is taken: the dashboard keeps its own sheet
    expect(plan.sheets[0].name).toBe('KPI Dashboard');
  });
});
