import { checkGoal } from '../../core/dashboard/goals';
import { goalsFromSheet } from '../../core/dashboard/goals-sheet';
import { resolveSheetNames } from '../../core/dashboard/names';
import { DashboardSetup, MAX_SETUP_BYTES, parseSetup, serializeSetup } from '../../core/dashboard/setup';
import { historySeries, snapshotRows } from '../../core/dashboard/snapshot';
import { localeFrom } from '../../core/dashboard/i18n';
import { CATALOG } from '../../core/dashboard/catalog';
import { FIELDS } from '../../core/dashboard/fields';

const codes = (c: { messages: readonly { code: string }[] }) => c.messages.map((m) => m.code);
const goal = {
  kpi: 'mrr' as const,
  baseline: 1300,
  target: 1900,
  start: '2026-01-01',
  end: '2026-07-01',
  owner: 'Ana',
  frequency: 'monthly',
};
const MRR_HISTORY = [1000, 1100, 1150, 1300]; // monthly changes +100, +50, +150: best +150

describe('checkGoal: SMART', () => {
  it('accepts a complete goal within reach', () => {
    // 181 days = 5.947 months; (1900 − 1300) / 5.947 = +100.9 a month <= best +150
    const c = checkGoal(goal, MRR_HISTORY, 'en');
    expect(c.ok).toBe(true);
    expect(codes(c)).toEqual(['achievable']);
    expect(c.requiredPace).toBeCloseTo(600 / (181 / (365.25 / 12)), 9);
    expect(c.bestPace).toBe(150);
    expect(c.messages[0].text).toBe('Achievable: it needs +101 per month; the best month seen did +150.');
  });

  it('calls a goal a stretch above the best month, and far beyond at more than 1.5 times it', () => {
    // (2500 − 1300) / 5.947 = 201.8: above 150, below 225
    expect(codes(checkGoal({ ...goal, target: 2500 }, MRR_HISTORY))).toEqual(['stretch']);
    // (3000 − 1300) / 5.947 = 285.9 > 1.5 × 150
    const far = checkGoal({ ...goal, target: 3000 }, MRR_HISTORY, 'en');
    expect(codes(far)).toEqual(['far_beyond']);
    expect(far.ok).toBe(true); // a warning, not an error
    expect(far.messages[0].text).toBe(
      'The goal needs +286 per month, far beyond the best month seen (+150). Consider a later date or a closer target.',
    );
  });

  it('judges goals that go down in their own direction', () => {
    // churn 4% -> 2% in 60 days (1.971 months): −1.01 points a month; best fall seen −0.8 points: stretch
    const churn = { kpi: 'mrr_churn' as const, baseline: 0.04, target: 0.02, start: '2026-01-01', end: '2026-03-02', owner: 'Ana' };
    const c = checkGoal(churn, [0.05, 0.045, 0.048, 0.04], 'en');
    expect(codes(c)).toEqual(['stretch']);
    expect(c.bestPace).toBeCloseTo(-0.008, 12);
    expect(c.messages[0].text).toBe('Stretch goal: it needs -1.01% per month, more than the best month seen (-0.8%).');
    expect(codes(checkGoal(churn, [0.03, 0.035, 0.04, 0.045]))).toEqual(['never_seen']);
  });

  it('needs a numeric target, dates in order, an owner and a known frequency', () => {
    expect(codes(checkGoal({ kpi: 'mrr', baseline: 1, start: '2026-01-01', end: '2026-02-01', owner: 'A' }))).toEqual(['target_missing']);
    const bad = checkGoal({
      kpi: 'mrr',
      baseline: 1,
      target: '12%',
      start: '2026-02-01',
      end: '2026-01-01',
      owner: ' ',
      frequency: 'yearly',
    });
    expect(bad.ok).toBe(false);
    expect(codes(bad)).toEqual(['target_not_number', 'dates_order', 'no_owner', 'frequency_invalid']);
    expect(codes(checkGoal({ kpi: 'mrr', baseline: 1, target: 2, start: '2026-02-30', owner: 'A' }))).toEqual([
      'date_invalid',
      'end_missing',
    ]);
    expect(codes(checkGoal({ kpi: 'mrr', baseline: 2, target: 2, start: '2026-01-01', end: '2026-02-01', owner: 'A' }))).toEqual([
      'target_equals_baseline',
    ]);
  });

  it('warns when the target moves the wrong way, and without a baseline (then judged from the last value)', () => {
    expect(
      codes(checkGoal({ kpi: 'cac', baseline: 500, target: 600, start: '2026-01-01', end: '2026-07-01', owner: 'A' }, [])).slice(0, 1),
    ).toEqual(['wrong_direction']);
    const c = checkGoal({ kpi: 'mrr', target: 1900, start: '2026-01-01', end: '2026-07-01', owner: 'A' }, MRR_HISTORY);
    expect(codes(c)).toEqual(['baseline_missing', 'achievable']);
    expect(c.requiredPace).toBeCloseTo(600 / (181 / (365.25 / 12)), 9); // from the last value, 1300
  });

  it('says when the history is too short to judge', () => {
    expect(codes(checkGoal(goal, [1200, null, 1300]))).toEqual(['not_enough_history']);
  });

  it('speaks French', () => {
    expect(checkGoal({ ...goal, owner: '' }, MRR_HISTORY, 'fr').messages[0].text).toBe(
      'Nommer un responsable : chaque KPI a besoin d’un porteur.',
    );
    expect(checkGoal(goal, MRR_HISTORY, 'fr').messages[0].text).toBe(
      'Atteignable : il demande +101 par mois ; le meilleur mois observé a fait +150.',
    );
  });
});

describe('setup', () => {
  const setup: DashboardSetup = {
    v: 1,
    locale: 'fr',
    template: 'saas',
    kpis: ['mrr', 'cac'],
    mapping: { ledger: { sheet: 'Abonnements', headerRow: 1, columns: { customer: 'A', month: 'B', mrr: 'C' } } },
    goals: [{ kpi: 'mrr', baseline: 100, target: 200, start: '2026-01-01', end: '2026-12-31', owner: 'Léa', frequency: 'monthly' }],
    options: { grossMargin: 0.8 },
  };

  it('round-trips through JSON', () => {
    expect(parseSetup(serializeSetup(setup))).toEqual(setup);
  });

  it('rejects what a hand-edited or old property could hold', () => {
    expect(() => parseSetup('{')).toThrow(/not valid JSON/);
    expect(() => parseSetup(JSON.stringify({ ...setup, v: 2 }))).toThrow(/version 2 is not supported/);
    expect(() => parseSetup(JSON.stringify({ ...setup, kpis: ['mrr', 'magic'] }))).toThrow(/"magic" is not in the catalog/);
    expect(() =>
      parseSetup(JSON.stringify({ ...setup, mapping: { ledger: { sheet: 'X', headerRow: 1, columns: { mrr: '3' } } } })),
    ).toThrow(/not a column letter/);
    expect(() => parseSetup(JSON.stringify({ ...setup, goals: [{ kpi: 'mrr', target: '200' }] }))).toThrow(/target must be a number/);
    expect(() => parseSetup(JSON.stringify({ ...setup, options: { trendPeriods: 2 } }))).toThrow(
      /trendPeriods must be a whole number from 3 to 36/,
    );
    expect(() => parseSetup(JSON.stringify({ ...setup, options: { wonPattern: 'a"b' } }))).toThrow(/without double quotes/);
  });

  it('fits a document property even with every KPI, every field and a goal each', () => {
    const mapping: DashboardSetup['mapping'] = {};
    for (const f of FIELDS) {
      const [ds, name] = f.ref.split('.') as [keyof DashboardSetup['mapping'], string];
      (mapping[ds] ??= { sheet: `Export of ${ds} from the CRM, 2026`, headerRow: 1, columns: {} }).columns[name] = 'AB';
    }
    const big: DashboardSetup = {
      ...setup,
      kpis: CATALOG.map((k) => k.id),
      mapping,
      goals: CATALOG.map((k) => ({
        kpi: k.id,
        baseline: 123456.78,
        target: 234567.89,
        start: '2026-01-01',
        end: '2026-12-31',
        owner: 'Marie-Hélène de la Fontaine-Dubois (Sales)',
        frequency: 'quarterly',
      })),
    };
    const text = serializeSetup(big);
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThan(MAX_SETUP_BYTES);
    const huge = { ...big, goals: big.goals.map((g) => ({ ...g, owner: 'x'.repeat(400) })) };
    expect(() => serializeSetup(huge)).toThrow(/more than the 9000 a document property holds/);
  });

  it('maps host locales to en or fr', () => {
    expect(['fr', 'fr-CA', 'fr_FR', 'en-US', 'de', '', undefined].map(localeFrom)).toEqual(['fr', 'fr', 'fr', 'en', 'en', 'en', 'en']);
  });
});

describe('sheet names', () => {
  it('uses the standard names in an empty workbook', () => {
    expect(resolveSheetNames([{ name: 'Data' }])).toEqual({
      names: { dashboard: 'KPI Dashboard', goals: 'KPI Goals', definitions: 'KPI Definitions', history: 'KPI History' },
      renamed: [],
    });
  });

  it("never takes a user's sheet: another name, reported", () => {
    const r = resolveSheetNames([{ name: 'KPI Dashboard' }, { name: 'KPI Dashboard (KPI Pilot)' }, { name: 'kpi goals' }]);
    expect(r.names.dashboard).toBe('KPI Dashboard (KPI Pilot 2)');
    expect(r.names.goals).toBe('KPI Goals (KPI Pilot)');
    expect(r.renamed).toEqual([
      { role: 'dashboard', wanted: 'KPI Dashboard', used: 'KPI Dashboard (KPI Pilot 2)' },
      { role: 'goals', wanted: 'KPI Goals', used: 'KPI Goals (KPI Pilot)' },
    ]);
  });

  it('finds its own sheets again by marker, even renamed, and regenerates them in place', () => {
    const r = resolveSheetNames([
      { name: 'KPI Dashboard' },
      { name: 'Our board', marker: 'dashboard' },
      { name: 'KPI History', marker: 'history' },
    ]);
    expect(r.names.dashboard).toBe('Our board');
    expect(r.names.history).toBe('KPI History');
    expect(r.renamed).toEqual([]);
  });
});

describe('snapshot', () => {
  const spec = {
    historySheet: 'KPI History',
    asOfCell: "'KPI Dashboard'!B2",
    valuesRange: "'KPI Dashboard'!B5:B7",
    kpis: ['mrr', 'nrr', 'cac'],
  };

  it('makes one row per KPI with a number, dated at the as-of cell', () => {
    expect(snapshotRows(spec, 46096, [[420], [''], [733.5]])).toEqual({
      rows: [
        [46096, 'mrr', 420],
        [46096, 'cac', 733.5],
      ],
      skipped: ['nrr'],
    });
    expect(snapshotRows(spec, '2026-03-15', [420, { code: '#DIV/0!' }, 'Map data: Spend']).rows).toEqual([[46096, 'mrr', 420]]);
  });

  it('refuses a missing date or a values range that no longer matches', () => {
    expect(() => snapshotRows(spec, '', [[1], [2], [3]])).toThrow(/holds no date/);
    expect(() => snapshotRows(spec, 46096, [[1], [2]])).toThrow(/read 2 card values for 3 KPIs/);
  });

  it('reads a KPI series back from history rows, oldest first', () => {
    const rows = [
      ['Date', 'KPI', 'Value'],
      [46096, 'mrr', 420],
      [46065, 'mrr', 448],
      [46096, 'cac', 700],
      ['2026-04-15', 'mrr', 430],
    ];
    expect(historySeries(rows, 'mrr')).toEqual([448, 420, 430]);
  });
});

describe('goals read back from the KPI Goals sheet', () => {
  it('keeps edits made in the sheet, in either language', () => {
    const rows = [
      ['KPI', 'KPI id', 'Baseline', 'Target', 'Start', 'End', 'Owner', 'Frequency', 'Current', 'Progress', 'Status'],
      ['MRR', 'mrr', 100, 200, 46023, new Date(2026, 11, 31), 'Ana', 'Mensuelle', 150, 0.5, 'On track'],
      ['CAC', 'cac', '', 'abc', '', '', "'=x", 'weekly', '', '', ''],
      ['Notes', 'not-a-kpi', 1, 2, 3, 4, 'x', 'Monthly'],
    ];
    expect(goalsFromSheet(rows)).toEqual([
      { kpi: 'mrr', baseline: 100, target: 200, start: '2026-01-01', end: '2026-12-31', owner: 'Ana', frequency: 'monthly' },
      { kpi: 'cac', baseline: null, target: null, start: null, end: null, owner: '=x', frequency: 'weekly' },
    ]);
  });
});
