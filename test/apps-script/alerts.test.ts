/**
 * Alerts in Sheets against the fake: the breaches the sidebar gets, the daily digest trigger
 * (created once, removed, other users' and other handlers' triggers left alone), the scopes it
 * asks for and when, and the digest run (one e-mail per owner, HTML escaped, quota, nothing when
 * nothing is in breach, under the lock). Breaches are worked out by hand from the goals below.
 */
import {
  confirmDigestRecipients,
  DAILY_KEY,
  DIGEST_HANDLER,
  getAlerts,
  LAST_DIGEST_KEY,
  sendDailyDigest,
  setDailyAlerts,
} from '../../apps-script/dashboard/alerts';
import { ALERT_SCOPES } from '../../apps-script/dashboard/scopes';
import { GENERATED_DASHBOARD_KEY } from '../../apps-script/dashboard/generated-store';
import { isoFromSerial } from '../../core/args/cells';
import { gridRect } from '../../apps-script/dashboard/grid';
import { splitSheetRef } from '../../core/dashboard/a1';
import { buildPlan } from '../../core/dashboard/planner';
import { DashboardSetup } from '../../core/dashboard/setup';
import { AUTH_URL, FakeOptions, FakeSheets, RawSheet } from '../fakes/spreadsheet-app';
import { day, sampleSetup, sampleWorkbook, generate } from './support';

let fake: FakeSheets;
let uninstall: () => void;
afterEach(() => uninstall?.());

const TODAY = new Date().toISOString().slice(0, 10); // the fake spreadsheet is on UTC
// goals 73 days into a 364-day window: expected progress 73/364, so with tolerance 0.1 the pace
// threshold of baseline 100 → target 200 is 100 + 100 × (73/364 − 0.1) = 110.0549...
const START = isoFromSerial(day(TODAY) - 73);
const END = isoFromSerial(day(TODAY) - 73 + 364);

/** SaaS cards: mrr, mrr_churn, nrr, cac, ltv, lead_to_opp, cpl. */
function alertSetup(): DashboardSetup {
  return sampleSetup('saas', {
    alerts: { enabled: true, email: true },
    goals: [
      // 110 is just below the 110.05 pace: "Behind pace"
      { kpi: 'mrr', baseline: 100, target: 200, start: START, end: END, owner: 'Ana Lima <ana@acme.fr>', frequency: 'monthly' },
      // lower is better; the explicit threshold 50 wins over the pace (75.98): 60 is "Past threshold"
      {
        kpi: 'cac',
        baseline: 80,
        target: 40,
        start: START,
        end: END,
        owner: 'Bob & <b>Co</b> <bob@acme.fr>',
        frequency: 'monthly',
        threshold: 50,
      },
    ],
  });
}

const CARDS: Record<string, number> = { mrr: 110, mrr_churn: 0.02, nrr: 1, cac: 60, ltv: 5000, lead_to_opp: 0.2, cpl: 60 };
/** Wobbles around a level, the last period at the level itself: never an anomaly. */
const WOBBLE = [1, 1.02, 0.98, 1.01, 0.99, 1.03, 0.97, 1, 1.02, 0.98, 1.01, 1];
const TRENDS: Record<string, number[]> = {
  mrr: [99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110], // rising: its last point is no drop
  cac: WOBBLE.map((w) => 60 * w),
  cpl: [20, 21, 19, 20, 22, 18, 20, 21, 19, 20, 21, 60], // a spike of a lower-is-better KPI: "Anomaly"
};

/** What the dashboard's formula cells evaluate to, placed where the plan puts the cards and trend columns. */
function dashboardValues(setup: DashboardSetup, cards = CARDS, trends = TRENDS): FakeOptions['evaluate'] {
  const plan = buildPlan({ setup, asOf: TODAY });
  const cells = new Map<string, number>();
  const top = gridRect(splitSheetRef(plan.snapshot.valuesRange).a1);
  plan.snapshot.kpis.forEach((id, i) => cells.set(`${top.row + i},${top.col}`, cards[id]));
  for (const [id, ref] of Object.entries(plan.trend.series)) {
    const r = gridRect(splitSheetRef(ref).a1);
    const series = trends[id] ?? WOBBLE.map((w) => (cards[id] ?? 1) * w);
    series.forEach((v, i) => cells.set(`${r.row + i},${r.col}`, v));
  }
  return (sheet, row, col) => (sheet === 'KPI Dashboard' ? cells.get(`${row},${col}`) : undefined);
}

async function open(options: FakeOptions = {}, setup = alertSetup(), rows?: number): Promise<FakeSheets> {
  ({ fake, uninstall } = sampleWorkbook({ timeZone: 'Etc/UTC', evaluate: dashboardValues(setup), ...options }, rows));
  await generate(setup, TODAY);
  return fake;
}

describe('getAlerts', () => {
  it('before any generation: nothing in breach, daily off, and no permission needed', () => {
    ({ fake, uninstall } = sampleWorkbook());
    expect(getAlerts()).toEqual({ daily: false, dailyAvailable: true, breaches: [] });
    expect(fake.prompts).toEqual([]);
  });

  it('reads the values and trend back and reports the breaches worked out by hand, without the alert scopes', async () => {
    await open();
    const status = getAlerts();
    expect(status.daily).toBe(false);
    expect(status.dailyAvailable).toBe(true);
    expect(status.breaches.map((b) => [b.kpi, b.kinds, b.owner, b.value])).toEqual([
      ['mrr', ['pace'], 'Ana Lima <ana@acme.fr>', 110],
      ['cac', ['threshold'], 'Bob & <b>Co</b> <bob@acme.fr>', 60],
      ['cpl', ['anomaly'], null, 60],
    ]);
    expect(status.breaches[0].threshold).toBeCloseTo(100 + 100 * (73 / 364 - 0.1), 9);
    expect(status.breaches[1].threshold).toBe(50);
    expect(status.breaches[2].threshold).toBeNull();
    expect(JSON.parse(JSON.stringify(status))).toEqual(status); // what google.script.run can carry
    expect(fake.prompts).toEqual([]);
  });

  it('costs the same few round trips at 500 and 50,000 data rows: sheets, markers, one read of the dashboard', async () => {
    const measure = async (rows: number) => {
      await open({}, alertSetup(), rows);
      fake.resetCounts();
      getAlerts();
      const out = { counts: fake.counts(), byMethod: fake.byMethod(), cellsRead: Object.fromEntries(fake.cellsRead) };
      uninstall();
      return out;
    };
    const small = await measure(500);
    expect(await measure(50000)).toEqual(small);
    expect(small.byMethod['Range.getValues']).toBe(2); // the card and trend anchors (the as-of cell: one getValue)
    expect(small.counts.read).toBeLessThanOrEqual(10); // sheets, markers, three anchors found and read
    expect(Object.keys(small.cellsRead)).toEqual(['KPI Dashboard']);
  });
});

describe('setDailyAlerts', () => {
  const ALERT_ONLY = [
    'https://www.googleapis.com/auth/script.scriptapp',
    'https://www.googleapis.com/auth/script.send_mail',
    'https://www.googleapis.com/auth/userinfo.email',
  ];

  it('asks for exactly the alert scopes when they are missing, and installs nothing', async () => {
    await open();
    expect(ALERT_SCOPES).toEqual(ALERT_ONLY);
    expect(() => setDailyAlerts(true)).toThrow(new RegExp(`two more permissions.*${AUTH_URL.replace(/[?.]/g, '\\$&')}`));
    expect(fake.prompts).toEqual([ALERT_ONLY]);
    expect(fake.triggers).toEqual([]);
    expect(fake.properties.has(DAILY_KEY)).toBe(false);
    // a user who granted some of them is asked only for the rest
    fake.grant(ALERT_ONLY[1]);
    expect(() => setDailyAlerts(true)).toThrow(/two more permissions/);
    expect(fake.prompts[1]).toEqual([ALERT_ONLY[0], ALERT_ONLY[2]]);
  });

  it('creates exactly one daily trigger at 7 in the spreadsheet zone, however often it is switched on', async () => {
    await open({ timeZone: 'Europe/Paris' });
    fake.grant(...ALERT_ONLY);
    const status = setDailyAlerts(true);
    expect(status.daily).toBe(true);
    expect(status.breaches.map((b) => b.kpi)).toEqual(['mrr', 'cac', 'cpl']);
    setDailyAlerts(true);
    setDailyAlerts(true);
    expect(fake.triggers.map(({ owner, handler, schedule }) => ({ owner, handler, schedule }))).toEqual([
      { owner: 'ana@example.com', handler: DIGEST_HANDLER, schedule: { everyDays: 1, atHour: 7, timeZone: 'Europe/Paris' } },
    ]);
    expect(JSON.parse(fake.properties.get(DAILY_KEY)!)).toMatchObject({
      by: 'ana@example.com',
      trigger: fake.triggers[0].id,
      confirmed: [],
    });
    expect(fake.lock).toMatchObject({ held: false });
  });

  it('switched off, deletes only its own trigger: not another function’s, not another user’s; twice is fine', async () => {
    await open();
    fake.grant(...ALERT_ONLY);
    fake.triggers.push({
      id: 'other-fn',
      owner: 'ana@example.com',
      document: 'elsewhere',
      handler: 'somethingElse',
      schedule: { everyDays: 1 },
    });
    fake.triggers.push({
      id: 'other-user',
      owner: 'carl@example.com',
      document: fake.spreadsheet.id,
      handler: DIGEST_HANDLER,
      schedule: { everyDays: 1 },
    });
    setDailyAlerts(true);
    expect(fake.triggers).toHaveLength(3);
    const status = setDailyAlerts(false);
    expect(status.daily).toBe(false);
    expect(fake.triggers.map((t) => t.id)).toEqual(['other-fn', 'other-user']);
    expect(fake.properties.has(DAILY_KEY)).toBe(false);
    expect(setDailyAlerts(false).daily).toBe(false);
    expect(fake.triggers.map((t) => t.id)).toEqual(['other-fn', 'other-user']);
  });

  it('one digest a day per spreadsheet: another editor switching on adds no second trigger', async () => {
    await open();
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    fake.user = 'ben@example.com';
    fake.grant(...ALERT_SCOPES);
    expect(setDailyAlerts(true).daily).toBe(true);
    expect(fake.triggers.map((t) => t.owner)).toEqual(['ana@example.com']);
    expect(JSON.parse(fake.properties.get(DAILY_KEY)!)).toMatchObject({ by: 'ana@example.com', trigger: fake.triggers[0].id });
  });

  it('any editor can switch it off: the owner’s trigger then deletes itself at its next run, sending nothing', async () => {
    await open();
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    fake.user = 'ben@example.com'; // never granted the alert scopes: switching off asks for none
    expect(setDailyAlerts(false).daily).toBe(false);
    expect(fake.prompts).toEqual([]);
    expect(fake.triggers).toHaveLength(1); // Google lets only Ana delete Ana's trigger
    fake.user = 'ana@example.com';
    expect(sendDailyDigest()).toMatchObject({ skipped: 'switched off', sent: [] });
    expect(fake.triggers).toEqual([]);
    expect(fake.mail.sent).toEqual([]);
  });

  it('switched off and on again by another editor: the first owner’s trigger retires, the new one sends', async () => {
    await open();
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    fake.user = 'ben@example.com';
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(false);
    setDailyAlerts(true);
    expect(fake.triggers.map((t) => t.owner)).toEqual(['ana@example.com', 'ben@example.com']);
    fake.user = 'ana@example.com';
    expect(sendDailyDigest().skipped).toBe('switched off');
    fake.user = 'ben@example.com';
    expect(sendDailyDigest().sent.length).toBe(3);
    expect(fake.triggers.map((t) => t.owner)).toEqual(['ben@example.com']);
  });

  it('switching off needs no new permission from a user who never granted the alert scopes', async () => {
    await open();
    expect(setDailyAlerts(false)).toMatchObject({ daily: false });
    expect(fake.prompts).toEqual([]);
  });
});

describe('sendDailyDigest (the trigger)', () => {
  async function switchedOn(options: FakeOptions = {}, setup = alertSetup(), cards = CARDS) {
    await open({ ...options, evaluate: dashboardValues(setup, cards) }, setup);
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    fake.resetCounts();
    return fake;
  }

  it('e-mails each owner in the account’s domain one digest of their KPIs in breach; owners without an address go to that account', async () => {
    await switchedOn({ user: 'carl@acme.fr' });
    const run = sendDailyDigest();
    expect(run).toMatchObject({ date: TODAY, breaches: 3, deferred: [], unaddressed: [], withheld: [] });
    expect(fake.mail.sent.map((m) => m.to)).toEqual(['ana@acme.fr', 'bob@acme.fr', 'carl@acme.fr']);
    expect(run.sent).toEqual([
      { to: 'ana@acme.fr', kpis: ['mrr'] },
      { to: 'bob@acme.fr', kpis: ['cac'] },
      { to: 'carl@acme.fr', kpis: ['cpl'] },
    ]);
    const [ana, bob, none] = fake.mail.sent;
    expect(ana.subject).toContain('MRR');
    expect(ana.subject).toContain(TODAY);
    expect(ana.body).toContain('MRR');
    expect(ana.htmlBody).toContain('https://docs.google.com/spreadsheets/d/fake-spreadsheet-id/edit');
    expect(ana.name).toBe('KPI Pilot');
    expect(none.body).toContain('Cost per lead');
    // what the owner typed never reaches the greeting (nor any markup)
    expect(bob.body.split('\n')[0]).toBe('Hello,');
    expect(bob.htmlBody).not.toContain('Co');
    expect(bob.htmlBody).not.toContain('<b>');
    expect(JSON.parse(fake.properties.get(LAST_DIGEST_KEY)!)).toEqual(run);
    expect(fake.mail.quota).toBe(97);
  });

  it('moves the dashboard’s as-of date to today before reading, inside the document lock', async () => {
    await switchedOn();
    fake.sheet('KPI Dashboard')!.cell(2, 2)!.v = day('2026-01-15'); // a manager's older as-of date
    sendDailyDigest();
    expect(fake.sheet('KPI Dashboard')!.cell(2, 2)).toMatchObject({ v: day(TODAY), fmt: 'yyyy-mm-dd' });
    const log = fake.log;
    const at = (e: string) => log.indexOf(e);
    expect(at('Lock.tryLock')).toBeGreaterThanOrEqual(0);
    expect(at('Range.setValue')).toBeGreaterThan(at('Lock.tryLock'));
    expect(log.lastIndexOf('MailApp.sendEmail')).toBeLessThan(at('Lock.releaseLock'));
    expect(fake.lock).toMatchObject({ held: false, acquired: 3, released: 3 }); // generate, setDailyAlerts, the digest
  });

  it('keeps within the mail quota: most breaches first, the rest deferred and reported', async () => {
    const setup = alertSetup();
    // Bob owns two KPIs in breach now (cac and cpl): his digest goes first
    setup.goals.push({ kpi: 'cpl', owner: 'Bob & <b>Co</b> <bob@acme.fr>' });
    await switchedOn({ mailQuota: 1, user: 'carl@acme.fr' }, setup);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const run = sendDailyDigest();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1 deferred \(mail quota\), 0 without an address/)); // in the execution log
    warn.mockRestore();
    expect(run.sent).toEqual([{ to: 'bob@acme.fr', kpis: ['cac', 'cpl'] }]);
    expect(run.deferred).toEqual(['Ana Lima <ana@acme.fr>']);
    expect(fake.mail.sent).toHaveLength(1);
    expect(fake.mail.quota).toBe(0);
  });

  it('still sends, and the sidebar still lists the breaches, after KPI History was deleted: neither plans nor needs it', async () => {
    await switchedOn({ user: 'carl@acme.fr' });
    fake.spreadsheet.deleteSheet(fake.sheet('KPI History')!);
    expect(getAlerts().breaches.map((b) => b.kpi)).toEqual(['mrr', 'cac', 'cpl']);
    expect(sendDailyDigest()).toMatchObject({ date: TODAY, breaches: 3 });
    expect(fake.mail.sent.map((m) => m.to)).toEqual(['ana@acme.fr', 'bob@acme.fr', 'carl@acme.fr']);
  });

  it('sends for a dashboard generated by an earlier version (no record): the cards from its generated setup, the trend columns from their header', async () => {
    await switchedOn({ user: 'carl@acme.fr' });
    const withRecord = getAlerts().breaches;
    fake.properties.delete(GENERATED_DASHBOARD_KEY);
    expect(getAlerts().breaches).toEqual(withRecord);
    expect(sendDailyDigest()).toMatchObject({ date: TODAY, breaches: 3 });
    expect(fake.mail.sent.map((m) => m.to)).toEqual(['ana@acme.fr', 'bob@acme.fr', 'carl@acme.fr']);
    expect(fake.properties.has(GENERATED_DASHBOARD_KEY)).toBe(false); // the full record is the sidebar's to store
  });

  it('sends nothing when nothing is in breach', async () => {
    await switchedOn({}, alertSetup(), { ...CARDS, mrr: 150, cac: 45 });
    const healthy = { ...TRENDS, cpl: [20, 21, 19, 20, 22, 18, 20, 21, 19, 20, 21, 20] };
    fake.options.evaluate = dashboardValues(alertSetup(), { ...CARDS, mrr: 150, cac: 45, cpl: 20 }, healthy);
    const run = sendDailyDigest();
    expect(run).toMatchObject({ breaches: 0, sent: [] });
    expect(fake.log.filter((e) => e.startsWith('MailApp.'))).toEqual([]);
  });

  it('reports the digest nobody can receive when Google withholds the user’s address and the owner has none', async () => {
    await switchedOn();
    // with no known account, only addresses it confirmed earlier can receive a digest
    fake.properties.set(DAILY_KEY, JSON.stringify({ by: '', confirmed: ['ana@acme.fr', 'bob@acme.fr'] }));
    fake.hideEmail = true; // "if security policies do not allow access to the user's email address": blank
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const run = sendDailyDigest();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/0 deferred \(mail quota\), 1 without an address/));
    warn.mockRestore();
    expect(run.sent.map((m) => m.to)).toEqual(['ana@acme.fr', 'bob@acme.fr']);
    expect(run.unaddressed).toEqual([null]);
    expect(fake.mail.sent).toHaveLength(2);
  });

  it('stops before reading or sending anything when the user revoked an alert scope', async () => {
    await switchedOn();
    fake.revoke('https://www.googleapis.com/auth/script.send_mail');
    const before = fake.dump('KPI Dashboard');
    expect(() => sendDailyDigest()).toThrow(/Authorization is required/);
    expect(fake.mail.sent).toEqual([]);
    expect(fake.dump('KPI Dashboard')).toEqual(before);
    expect(fake.prompts.at(-1)).toEqual(['https://www.googleapis.com/auth/script.send_mail']);
  });

  it('deletes itself when the daily e-mail was switched off meanwhile', async () => {
    await switchedOn();
    fake.properties.delete(DAILY_KEY);
    expect(sendDailyDigest()).toMatchObject({ skipped: 'switched off', sent: [] });
    expect(fake.triggers).toEqual([]);
  });

  it('costs the same calls at 500 and 50,000 data rows', async () => {
    const measure = async (rows: number) => {
      await open({ evaluate: dashboardValues(alertSetup()) }, alertSetup(), rows);
      fake.grant(...ALERT_SCOPES);
      setDailyAlerts(true);
      fake.resetCounts();
      sendDailyDigest();
      const out = { byMethod: fake.byMethod(), cellsRead: Object.fromEntries(fake.cellsRead) };
      uninstall();
      return out;
    };
    const small = await measure(500);
    expect(await measure(50000)).toEqual(small);
    expect(small.byMethod['MailApp.sendEmail']).toBe(3);
    expect(small.byMethod['Range.getValues']).toBe(3); // the cards checked before the date is written, then cards and trend
  });
});

describe('digest recipients', () => {
  /** An editor's goal: an outside address as owner, and a threshold the KPI can never meet. */
  function hostileSetup(): DashboardSetup {
    const setup = alertSetup();
    setup.goals[1] = { ...setup.goals[1], owner: 'Dear friend, claim your prize at evil.example <victim@external.example>', threshold: 1 };
    return setup;
  }
  const ownerTriggers = () => fake.triggers.filter((t) => t.handler === DIGEST_HANDLER);

  it('shows the list when the digest is switched on: the account, its domain, and outside addresses waiting', async () => {
    await open({ user: 'carl@acme.fr' }, hostileSetup());
    fake.grant(...ALERT_SCOPES);
    const status = setDailyAlerts(true);
    expect(status.recipients).toEqual([
      { address: 'ana@acme.fr', status: 'domain', kpis: ['mrr'] },
      { address: 'victim@external.example', status: 'unconfirmed', kpis: ['cac'] },
    ]);
    expect(status.recipientsChanged).toBe(false); // shown now
    expect(status.canConfirmRecipients).toBe(true);
  });

  it('an owner an editor typed outside the domain is never mailed: the account gets that digest, with a plain greeting', async () => {
    await open({ user: 'carl@acme.fr' }, hostileSetup());
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    const run = sendDailyDigest({ triggerUid: ownerTriggers()[0].id });
    expect(fake.mail.sent.map((m) => m.to)).not.toContain('victim@external.example');
    expect(run.withheld).toEqual(['victim@external.example']);
    const toAccount = fake.mail.sent.filter((m) => m.to === 'carl@acme.fr');
    expect(toAccount.map((m) => m.body.split('\n')[0])).toEqual(['Hello,', 'Hello,']);
    for (const m of fake.mail.sent) {
      expect(m.body).not.toContain('prize');
      expect(m.htmlBody).not.toContain('prize');
    }
    expect(toAccount.some((m) => m.body.includes('outside your domain'))).toBe(true);
  });

  it('shows the list again when it changes, and only the account can confirm an outside address', async () => {
    await open({ user: 'carl@acme.fr' });
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    expect(getAlerts().recipientsChanged).toBe(false);
    // another editor points a goal at an outside address and regenerates
    fake.user = 'ben@acme.fr';
    await generate(hostileSetup(), TODAY);
    const seenByBen = getAlerts();
    expect(seenByBen.recipientsChanged).toBe(true);
    expect(seenByBen.canConfirmRecipients).toBe(false);
    fake.grant(...ALERT_SCOPES);
    expect(() => confirmDigestRecipients(['victim@external.example'])).toThrow(
      'Only carl@acme.fr, who switched the daily digest on, can confirm its recipients',
    );
    fake.user = 'carl@acme.fr';
    const changed = getAlerts();
    expect(changed.recipientsChanged).toBe(true);
    expect(changed.recipients!.find((r) => r.address === 'victim@external.example')!.status).toBe('unconfirmed');
    // the account confirms: the address now receives its own digest, and the list counts as seen
    const confirmed = confirmDigestRecipients(['victim@external.example']);
    expect(confirmed.recipientsChanged).toBe(false);
    expect(confirmed.recipients!.find((r) => r.address === 'victim@external.example')!.status).toBe('confirmed');
    const run = sendDailyDigest({ triggerUid: ownerTriggers()[0].id });
    expect(run.withheld).toEqual([]);
    expect(fake.mail.sent.map((m) => m.to)).toContain('victim@external.example');
  });

  it('"seen" without confirming keeps outside addresses waiting', async () => {
    await open({ user: 'carl@acme.fr' });
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    await generate(hostileSetup(), TODAY);
    expect(getAlerts().recipientsChanged).toBe(true);
    const seen = confirmDigestRecipients([]);
    expect(seen.recipientsChanged).toBe(false);
    expect(seen.recipients!.map((r) => r.status)).toEqual(['domain', 'unconfirmed']);
    // text that is not one clean address is not confirmed
    expect(confirmDigestRecipients(['x <victim@external.example>']).recipients!.map((r) => r.status)).toEqual(['domain', 'unconfirmed']);
  });
});

describe('one digest per spreadsheet per day, whatever getEmail() returns', () => {
  it('two editors whose address Google withholds: the second switching on adds no trigger', async () => {
    await open();
    fake.hideEmail = true;
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    fake.user = 'ben@example.com';
    fake.grant(...ALERT_SCOPES);
    expect(setDailyAlerts(true).daily).toBe(true);
    expect(fake.triggers.map((t) => t.owner)).toEqual(['ana@example.com']);
  });

  it('the account whose trigger was deleted by hand gets a new one by switching on again', async () => {
    await open();
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    fake.triggers.splice(0, 1);
    expect(setDailyAlerts(true).daily).toBe(true);
    expect(fake.triggers).toHaveLength(1);
    expect(JSON.parse(fake.properties.get(DAILY_KEY)!).trigger).toBe(fake.triggers[0].id);
  });

  it('of two triggers left from before, only the recorded one sends; the other retires', async () => {
    await open({}, alertSetup());
    fake.hideEmail = true;
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    const first = fake.triggers[0];
    fake.properties.set(
      DAILY_KEY,
      JSON.stringify({ ...JSON.parse(fake.properties.get(DAILY_KEY)!), confirmed: ['ana@acme.fr', 'bob@acme.fr'] }),
    );
    fake.user = 'ben@example.com';
    fake.grant(...ALERT_SCOPES);
    const second = fake.addTrigger(DIGEST_HANDLER, { everyDays: 1, atHour: 7 }); // an older version made one per editor
    expect(sendDailyDigest({ triggerUid: second.id })).toMatchObject({ skipped: 'switched off', sent: [] });
    expect(fake.triggers.map((t) => t.id)).toEqual([first.id]);
    fake.user = 'ana@example.com';
    expect(sendDailyDigest({ triggerUid: first.id }).sent.length).toBe(2);
    expect(fake.mail.sent).toHaveLength(2);
  });

  it('without trigger ids (a record from before), the second run of the day sends nothing', async () => {
    await open();
    fake.hideEmail = true;
    fake.grant(...ALERT_SCOPES);
    fake.properties.set(DAILY_KEY, JSON.stringify({ by: '', confirmed: ['ana@acme.fr', 'bob@acme.fr'] }));
    fake.user = 'ana@example.com';
    fake.addTrigger(DIGEST_HANDLER, { everyDays: 1, atHour: 7 });
    fake.user = 'ben@example.com';
    fake.grant(...ALERT_SCOPES);
    fake.addTrigger(DIGEST_HANDLER, { everyDays: 1, atHour: 7 });
    fake.user = 'ana@example.com';
    expect(sendDailyDigest().sent.length).toBe(2);
    fake.user = 'ben@example.com';
    expect(sendDailyDigest()).toMatchObject({ skipped: 'already sent today', sent: [] });
    expect(fake.mail.sent).toHaveLength(2);
  });
});

describe('rows inserted above the cards', () => {
  const RENAMED =
    'The dashboard’s card table no longer shows MRR (it was renamed, deleted or moved out of the table). Nothing was written. Generate the dashboard again to restore it.';

  async function moved(): Promise<{ dash: RawSheet; mrrRow: number }> {
    await open({ evaluate: dashboardValues(alertSetup()) });
    fake.grant(...ALERT_SCOPES);
    setDailyAlerts(true);
    const dash = fake.sheet('KPI Dashboard')!;
    dash.insertRowsBefore(1, 1); // a row at the top: the as-of date moves from B2 to B3
    dash.insertRowsBefore(6, 2); // two rows above the cards
    dash.getRange('B2').setValue('my note in B2');
    const mrrRow = dash.grid.findIndex((r) => r?.[0]?.v === 'MRR') + 1;
    expect(mrrRow).toBe(8); // row 5 as generated, + 1 + 2
    return { dash, mrrRow };
  }

  it('the daily digest follows the anchors: today’s date goes in the moved as-of cell, the manager’s B2 is kept', async () => {
    const { dash } = await moved();
    dash.cell(3, 2)!.v = day('2026-01-15');
    const run = sendDailyDigest();
    expect(run.skipped).toBeUndefined();
    expect(dash.cell(3, 2)!.v).toBe(day(TODAY));
    expect(dash.cell(2, 2)!.v).toBe('my note in B2');
  });

  it('when a card can no longer be found, the digest writes no date, sends nothing and records why; the alert list refuses with the same message', async () => {
    const { dash, mrrRow } = await moved();
    dash.getRange(`A${mrrRow}`).setValue('Monthly revenue'); // the MRR card renamed by hand
    dash.cell(3, 2)!.v = day('2026-01-15');
    const before = fake.dump('KPI Dashboard');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const run = sendDailyDigest();
    expect(warn).toHaveBeenCalledWith(`KPI Pilot daily digest: ${RENAMED}`);
    warn.mockRestore();
    expect(run).toMatchObject({ skipped: RENAMED, breaches: 0, sent: [] });
    expect(fake.mail.sent).toEqual([]);
    expect(JSON.parse(fake.properties.get(LAST_DIGEST_KEY)!).skipped).toBe(RENAMED);
    expect(() => getAlerts()).toThrow(RENAMED);
    expect(fake.dump('KPI Dashboard')).toEqual(before);
  });

  it('when the as-of cell was typed over, the digest and the alert list stop before writing', async () => {
    const { dash } = await moved();
    dash.getRange('B3').setValue('next week');
    const before = fake.dump('KPI Dashboard');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const run = sendDailyDigest();
    warn.mockRestore();
    expect(run.skipped).toMatch(/as-of cell holds "next week", not a date\. Nothing was written/);
    expect(fake.mail.sent).toEqual([]);
    expect(() => getAlerts()).toThrow(/as-of cell holds "next week", not a date\. Nothing was written/);
    expect(fake.dump('KPI Dashboard')).toEqual(before);
  });
});
