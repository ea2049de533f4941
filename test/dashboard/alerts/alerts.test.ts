/**
 * Alerts: thresholds from goals (hand-worked), anomaly checks, breaches, digests (escaping,
 * grouping, quota), and the dashboard's alert cells evaluated in HyperFormula against
 * checkAlerts on the values read back.
 */
import { serialFromYmd, toSerial } from '../../../core/args/cells';
import { alertThreshold, crosses } from '../../../core/dashboard/alerts/threshold';
import { Breach, checkAlerts, currentIsAnomalous } from '../../../core/dashboard/alerts/check';
import { buildDigests, describeBreach, escapeHtml, fitToQuota, recipientOf } from '../../../core/dashboard/alerts/digest';
import { alertLabel } from '../../../core/dashboard/alerts/labels';
import { goalsFromSheet } from '../../../core/dashboard/goals-sheet';
import { detectMapping } from '../../../core/dashboard/mapping';
import { buildPlan } from '../../../core/dashboard/planner';
import { DashboardSetup, Goal } from '../../../core/dashboard/setup';
import { applyToWorkbook, valueAt } from '../hf-apply';
import { columnCells } from '../../support/refs';

const D = (iso: string) => toSerial(iso)!;
const ASOF = D('2026-03-15');
// 2026-01-01 .. 2026-12-31 is 364 days; 2026-03-15 is 73 days in: expected = 73/364
const E = 73 / 364;
const YEAR: Pick<Goal, 'start' | 'end'> = { start: '2026-01-01', end: '2026-12-31' };

describe('alert thresholds (hand-worked)', () => {
  it('is the pace of the goal minus the tolerance, on the side the goal moves', () => {
    const up = alertThreshold({ kpi: 'leads', baseline: 100, target: 200, ...YEAR }, 'higher', ASOF, 0.1)!;
    expect(up.source).toBe('pace');
    expect(up.breachWhen).toBe('below');
    expect(up.value).toBeCloseTo(100 + 100 * (E - 0.1), 12); // 110.0549...
    expect(up.value).toBeCloseTo(110.05494505494505, 10);
    const down = alertThreshold({ kpi: 'cac', baseline: 500, target: 300, ...YEAR }, 'lower', ASOF, 0.1)!;
    expect(down.breachWhen).toBe('above');
    expect(down.value).toBeCloseTo(500 - 200 * (E - 0.1), 12); // 479.89...
    expect(crosses(110, up)).toBe(true);
    expect(crosses(110.1, up)).toBe(false);
    expect(crosses(480, down)).toBe(true);
    expect(crosses(479, down)).toBe(false);
  });

  it('counts a blank baseline as 0 and a one-day goal as due', () => {
    expect(alertThreshold({ kpi: 'leads', target: 50, ...YEAR }, 'higher', ASOF, 0)!.value).toBeCloseTo(50 * E, 12);
    expect(
      alertThreshold({ kpi: 'leads', baseline: 10, target: 20, start: '2026-03-15', end: '2026-03-15' }, 'higher', ASOF, 0.1)!.value,
    ).toBeCloseTo(19, 12);
  });

  it('has no pace outside the dates, without target or dates, or when target = baseline', () => {
    const t = (g: Partial<Goal>) => alertThreshold({ kpi: 'leads', baseline: 100, target: 200, ...YEAR, ...g }, 'higher', ASOF, 0.1);
    expect(t({ start: '2026-04-01' })).toBeNull();
    expect(t({ end: '2026-03-01', start: '2026-01-01' })).toBeNull();
    expect(t({ end: '2025-12-01' })).toBeNull(); // end before start
    expect(t({ target: null })).toBeNull();
    expect(t({ start: null })).toBeNull();
    expect(t({ target: 100 })).toBeNull();
    expect(alertThreshold(undefined, 'higher', ASOF, 0.1)).toBeNull();
  });

  it('uses an explicit threshold first, on the side of the KPI direction', () => {
    expect(alertThreshold({ kpi: 'cpl', threshold: 15, baseline: 20, target: 10, ...YEAR }, 'lower', ASOF, 0.1)).toEqual({
      value: 15,
      breachWhen: 'above',
      source: 'threshold',
    });
    expect(alertThreshold({ kpi: 'leads', threshold: 80 }, 'higher', ASOF, 0.1)).toEqual({
      value: 80,
      breachWhen: 'below',
      source: 'threshold',
    });
  });
});

describe('anomaly check of the current period', () => {
  const steady = [100, 104, 98, 101, 99, 103, 100, 102, 97, 101, 100];
  it('flags a drop of a higher-is-better KPI, not a spike', () => {
    expect(currentIsAnomalous([...steady, 20], 'higher')).toBe(true);
    expect(currentIsAnomalous([...steady, 300], 'higher')).toBe(false);
    expect(currentIsAnomalous([...steady, 300], 'lower')).toBe(true);
    expect(currentIsAnomalous([...steady, 101], 'higher')).toBe(false);
  });
  it('skips blanks, and says no on a blank current period, an error or too few numbers', () => {
    expect(currentIsAnomalous(['', ...steady, null, 20], 'higher')).toBe(true);
    expect(currentIsAnomalous([...steady, 20, ''], 'higher')).toBe(false);
    expect(currentIsAnomalous([...steady, '#DIV/0!', 20], 'higher')).toBe(false);
    expect(currentIsAnomalous([1, 50], 'higher')).toBe(false);
    expect(currentIsAnomalous([], 'higher')).toBe(false);
  });
});

// ---- a company with twelve months of marketing data, leads collapsing in March 2026 -------------
const d = (y: number, m: number) => serialFromYmd(y, m - 1, 1);
const LEADS = [100, 104, 98, 101, 99, 103, 100, 102, 97, 101, 100, 20];
const CUSTOMERS = [10, 11, 10, 9, 10, 11, 10, 10, 9, 10, 11, 10];
const MARKETING = [
  ['Month', 'Channel', 'Spend', 'Leads', 'New customers'],
  ...LEADS.map((l, i) => [d(2025 + Math.floor((3 + i) / 12), ((3 + i) % 12) + 1), 'Ads', 1000, l, CUSTOMERS[i]]),
];
const data = { Marketing: MARKETING } as Record<string, (string | number | null)[][]>;
const MAPPING = detectMapping([{ name: 'Marketing', headers: MARKETING[0], rows: 12 }]).mapping;
const SETUP: DashboardSetup = {
  v: 1,
  locale: 'en',
  kpis: ['leads', 'cpl', 'conversion_rate', 'cac', 'mrr'],
  mapping: MAPPING,
  goals: [
    { kpi: 'leads', baseline: 100, target: 130, ...YEAR, owner: 'Ana <ana@acme.fr>' },
    { kpi: 'cpl', threshold: 15, owner: ' ana <ana@acme.fr>' },
    { kpi: 'conversion_rate', baseline: 0.1, target: 0.2, ...YEAR, owner: 'Bob & Co <bob@x.com>' },
  ],
  options: { trendPeriods: 12 },
  alerts: { enabled: true, email: true },
};

describe('alerts on the dashboard (HyperFormula)', () => {
  const plan = buildPlan({ setup: SETUP, asOf: '2026-03-15' });
  const wb = applyToWorkbook(plan, data);
  const dash = plan.sheets[0];
  const goals = plan.sheets[1];
  const series = (id: string) => columnCells(plan.trend.series[id]).map((c) => valueAt(wb, c.sheet, c.address));
  const values = Object.fromEntries(SETUP.kpis.map((id, i) => [id, valueAt(wb, 'KPI Dashboard', `B${5 + i}`)]));

  it('plans the alert column, thresholds, rules and where to read them', () => {
    expect(dash.blocks.map((b) => b.range)).toContain('A4:K4');
    expect(dash.blocks.map((b) => b.range)).toContain('A5:K9');
    expect(dash.blocks.length).toBeLessThanOrEqual(10);
    expect(goals.blocks.map((b) => b.range)).toEqual(['A1:N1', 'A2:M6', 'N2:N6']); // N: the goal's note
    expect(plan.alerts).toEqual({
      labelsRange: "'KPI Dashboard'!K5:K9",
      thresholdsRange: "'KPI Goals'!M2:M6",
      kpis: ['leads', 'cpl', 'conversion_rate', 'cac', 'mrr'],
      owners: ['Ana <ana@acme.fr>', 'ana <ana@acme.fr>', 'Bob & Co <bob@x.com>', null, null],
    });
    const texts = dash.conditionalFormats.filter((c) => c.ranges[0] === 'K5:K9').map((c) => (c.rule as { text: string }).text);
    expect(texts).toEqual(['Behind pace', 'Past threshold', 'Anomaly', 'Behind pace + Anomaly', 'Past threshold + Anomaly']);
    expect(dash.formulaFormats).toEqual([
      { ranges: ['A5:B9'], formula: '=$K5<>""', style: { background: '#F4CCCC', fontColor: '#990000' } },
    ]);
    expect(dash.blocks.find((b) => b.range === 'A5:K9')!.customFunctions).toContain('ANOMALIES');
    expect(dash.columnWidths.K).toBe(150);
  });

  it('shows the hand-worked labels', () => {
    // leads: 20 < 100 + 30 × (73/364 − 0.1) = 103.02, and a collapse against 97..104: both
    expect(valueAt(wb, 'KPI Dashboard', 'K5')).toBe('Behind pace + Anomaly');
    // CPL: 1000 / 20 = 50 > 15, and a spike of a lower-is-better KPI
    expect(valueAt(wb, 'KPI Dashboard', 'K6')).toBe('Past threshold + Anomaly');
    // conversion 10 / 20 = 0.5, above its pace 0.11; the spike is good news: no alert
    expect(valueAt(wb, 'KPI Dashboard', 'K7')).toBe('');
    // CAC has no goal; 100 against 91..111: nothing unusual
    expect(valueAt(wb, 'KPI Dashboard', 'K8')).toBe('');
    // MRR is not mapped: no alert cell
    expect(valueAt(wb, 'KPI Dashboard', 'K9')).toBe(null);
    // HyperFormula rounds what it shows to 10 significant digits
    expect(valueAt(wb, 'KPI Goals', 'M2')).toBeCloseTo(100 + 30 * (E - 0.1), 7);
    expect(valueAt(wb, 'KPI Goals', 'M3')).toBe(15);
    expect(valueAt(wb, 'KPI Goals', 'L3')).toBe(15);
    expect(valueAt(wb, 'KPI Goals', 'M4')).toBeCloseTo(0.1 + 0.1 * (E - 0.1), 9);
    expect(valueAt(wb, 'KPI Goals', 'M5')).toBe('');
  });

  it('agrees with checkAlerts on the values read back', () => {
    const serie = Object.fromEntries(SETUP.kpis.filter((id) => plan.trend.series[id]).map((id) => [id, series(id)]));
    const breaches = checkAlerts({ setup: SETUP, asOf: '2026-03-15', values, series: serie });
    const labels = SETUP.kpis.map((id) => alertLabel(breaches.find((b) => b.kpi === id)?.kinds ?? [], 'en'));
    expect(SETUP.kpis.map((_, i) => valueAt(wb, 'KPI Dashboard', `K${5 + i}`) ?? '')).toEqual(labels);
    expect(breaches.map((b) => [b.kpi, b.kinds, b.owner])).toEqual([
      ['leads', ['pace', 'anomaly'], 'Ana <ana@acme.fr>'],
      ['cpl', ['threshold', 'anomaly'], 'ana <ana@acme.fr>'],
    ]);
    expect(breaches[0].threshold).toBeCloseTo(valueAt(wb, 'KPI Goals', 'M2') as number, 7);
  });

  it('reads an edited threshold back from the goals sheet', () => {
    const rows = [
      [
        'KPI',
        'KPI id',
        'Baseline',
        'Target',
        'Start',
        'End',
        'Owner',
        'Frequency',
        'Current',
        'Progress',
        'Status',
        'Alert threshold',
        'Threshold in use',
      ],
      ['CPL', 'cpl', '', '', '', '', 'Ana', 'Weekly', 50, '', '', 12, 12],
      ['Leads', 'leads', 100, 130, '', '', 'Ana', 'Weekly', 20, '', '', '', 103],
    ];
    expect(goalsFromSheet(rows).map((g) => g.threshold)).toEqual([12, null]);
    expect(goalsFromSheet(rows.map((r) => r.slice(0, 11)))[0]).not.toHaveProperty('threshold');
  });

  it('labels in French', () => {
    const fr = buildPlan({ setup: { ...SETUP, locale: 'fr' }, asOf: '2026-03-15' });
    const wbFr = applyToWorkbook(fr, data);
    expect(valueAt(wbFr, 'KPI Dashboard', 'K5')).toBe('En retard sur le rythme + Anomalie');
    expect(valueAt(wbFr, 'KPI Dashboard', 'K6')).toBe('Seuil franchi + Anomalie');
    expect(fr.sheets[0].blocks.find((b) => b.range === 'A4:K4')!.cells[0][10]).toBe('Alerte');
  });
});

describe('digests', () => {
  const breach = (over: Partial<Breach>): Breach => ({
    kpi: 'leads',
    name: 'Leads',
    unit: 'count',
    direction: 'higher',
    owner: null,
    value: 20,
    kinds: ['pace'],
    threshold: 103.02,
    ...over,
  });
  const B: Breach[] = [
    breach({ owner: 'Ana <ana@acme.fr>' }),
    breach({
      kpi: 'cpl',
      name: 'Cost per lead',
      unit: 'currency',
      direction: 'lower',
      owner: ' ana <ana@acme.fr>',
      value: 50,
      kinds: ['threshold', 'anomaly'],
      threshold: 15,
    }),
    breach({
      kpi: 'mrr_churn',
      name: 'MRR churn rate',
      unit: 'percent',
      direction: 'lower',
      owner: null,
      value: 0.125,
      kinds: ['anomaly'],
      threshold: null,
    }),
    breach({
      kpi: 'cac',
      name: 'R&D <script>"cost"</script>',
      unit: 'currency',
      owner: "<img src=x onerror=alert(1)> O'Neil",
      value: 1234.5,
      kinds: ['pace'],
      threshold: 1000,
    }),
  ];

  it('writes one message per owner, grouped case-insensitively, in order of first breach', () => {
    const digests = buildDigests(B, {
      locale: 'en',
      asOf: '2026-03-15',
      dashboardUrl: 'https://docs.google.com/spreadsheets/d/abc?x=1&y=2',
    });
    expect(digests.map((g) => [g.owner, g.to, g.kpis])).toEqual([
      ['Ana <ana@acme.fr>', 'ana@acme.fr', ['leads', 'cpl']],
      [null, null, ['mrr_churn']],
      ["<img src=x onerror=alert(1)> O'Neil", null, ['cac']],
    ]);
    const ana = digests[0];
    expect(ana.subject).toBe('KPI Pilot: 2 KPI need attention (2026-03-15)');
    expect(ana.text).toBe(
      [
        'Hello,',
        '',
        'As of 2026-03-15, these KPIs need attention:',
        '',
        '- Leads: 20 (Behind pace) — behind the pace its goal needs (103 by now)',
        '- Cost per lead: 50 (Past threshold + Anomaly) — past its alert threshold (15); unusual for its history (anomaly)',
        '',
        'Open the dashboard: https://docs.google.com/spreadsheets/d/abc?x=1&y=2',
        '',
        'KPI Pilot sends one digest a day while alerts are switched on in the sidebar; switch them off there.',
      ].join('\n'),
    );
    expect(digests[1].subject).toBe('KPI Pilot: MRR churn rate needs attention (2026-03-15)');
    expect(digests[1].text).toContain('these KPIs without an owner need attention');
    expect(digests[1].text).toContain('- MRR churn rate: 12.5% (Anomaly) — unusual for its history (anomaly)');
  });

  it('escapes every piece of user text in the HTML', () => {
    const digests = buildDigests(B, { locale: 'en', asOf: '2026-03-15', dashboardUrl: 'https://x.test/?a=1&b="2"' });
    const html = digests[2].html;
    expect(html).not.toMatch(/<script|<img/);
    // the greeting never carries what an editor typed as owner
    expect(html).toContain('<p>Hello,</p>');
    expect(html).not.toContain('Neil');
    expect(html).toContain('<strong>R&amp;D &lt;script&gt;&quot;cost&quot;&lt;/script&gt;</strong>');
    expect(html).toContain('<a href="https://x.test/?a=1&amp;b=&quot;2&quot;">Open the dashboard</a>');
    expect(digests[0].html).toContain('<p>Hello,</p>');
    const [zoe] = buildDigests([breach({ owner: 'Zoë & "Max" <zoe@x.fr>' })], { locale: 'en', asOf: '2026-03-15' });
    expect(zoe.html).not.toContain('Zo');
    expect(zoe.text).not.toContain('Zo');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('writes French, with French dates and numbers', () => {
    const [ana] = buildDigests(B.slice(0, 2), { locale: 'fr', asOf: D('2026-03-15') });
    expect(ana.subject).toBe('KPI Pilot : 2 KPI à surveiller (15/03/2026)');
    expect(ana.text.split('\n').slice(0, 5)).toEqual([
      'Bonjour,',
      '',
      'Au 15/03/2026, ces KPI demandent votre attention :',
      '',
      '- Leads : 20 (En retard sur le rythme) — en retard sur le rythme de son objectif (103 à ce jour)',
    ]);
    expect(describeBreach(B[2], 'fr')).toBe('MRR churn rate : 12,5 % (Anomalie) — inhabituel par rapport à son historique (anomalie)');
    expect(describeBreach(B[1], 'fr')).toBe(
      'Cost per lead : 50 (Seuil franchi + Anomalie) — au-delà de son seuil d’alerte (15) ; inhabituel par rapport à son historique (anomalie)',
    );
  });

  it('keeps subjects on one line and finds addresses', () => {
    const [g] = buildDigests([breach({ name: 'Leads\r\nBcc: evil@x.com' })], { locale: 'en', asOf: '2026-03-15' });
    expect(g.subject).not.toMatch(/[\r\n]/);
    expect(recipientOf('Ana Lima <ana.lima+kpi@acme.co.uk>')).toBe('ana.lima+kpi@acme.co.uk');
    expect(recipientOf('Ana')).toBeNull();
    expect(buildDigests([breach({ owner: 'Ana' })], { locale: 'en', asOf: '2026-03-15', fallbackRecipient: 'boss@acme.fr' })[0].to).toBe(
      'boss@acme.fr',
    );
  });

  it('sends within the MailApp quota, most breaches first', () => {
    const mk = (to: string | null, n: number) => ({
      owner: to,
      to,
      withheld: null,
      subject: '',
      text: '',
      html: '',
      kpis: Array(n).fill('leads'),
    });
    const all = [mk('a@x.com', 1), mk(null, 2), mk('b@x.com', 3), mk('c@x.com', 2)];
    const q = fitToQuota(all, 2);
    expect(q.send.map((g) => g.to)).toEqual(['b@x.com', 'c@x.com']);
    expect(q.deferred.map((g) => g.to)).toEqual(['a@x.com']);
    expect(q.unaddressed.length).toBe(1);
    expect(fitToQuota(all, 0).send).toEqual([]);
    expect(fitToQuota(all, -3).send).toEqual([]);
  });
});
