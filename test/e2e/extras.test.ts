import { mkdirSync } from 'fs';
import { join } from 'path';
import { Browser, Page } from 'playwright-core';
import { callFunction } from '../../core/hosts';
import { generateSample } from '../../playground/sample/company';
import { engineValues, gridCell, usePlayground } from '../support/browser';

/**
 * The extra sheets and alerts end to end in the playground, headless Chromium: SaaS template,
 * Attribution, Customers at risk and Commissions ticked with a hand-worked commission plan, a
 * goal with an alert threshold set to be breached, generate. Every number is worked out here from
 * the sample rows (playground/sample/company.ts): attribution credits by counting journeys,
 * customer summaries by counting purchase days, payouts by the plan's arithmetic. The customer
 * models' outputs are compared with the core functions called in node on the same data.
 */
jest.setTimeout(240000);

const sample = generateSample();
const AS_OF = '2026-10-31';
const DAY = 86400000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

let browser: Browser;
let page: Page;
let errors: string[];

usePlayground((s) => ({ browser, page, errors } = s));

const sidebar = () => page.locator('#sidebar');
const next = () => sidebar().getByRole('button', { name: 'Next' }).click();
const tabs = () => page.locator('#tabs [role="tab"]').allTextContents();
const cell = (row: number, col: number) => gridCell(page, row, col);

/** A sheet's values as the engine holds them; an error cell becomes its code ('#N/A'...). */
const values = (sheet: string) => engineValues(page, sheet, true);

async function generate(): Promise<string> {
  await sidebar().getByRole('button', { name: 'Generate dashboard' }).click();
  await page.waitForFunction(() => /generated|Failed/.test(document.querySelector('#sidebar .kp-notices')?.textContent ?? ''), undefined, {
    timeout: 180000,
  });
  return (await sidebar().locator('.kp-notices').first().textContent()) ?? '';
}

function close(actual: unknown, expected: number, relative = 1e-9): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

// ---- attribution by hand: journeys from the touch rows -------------------------------------------
type Touch = { channel: string; day: number };
const journeys = new Map<string, { touches: Touch[]; converted: boolean }>();
for (const [journey, date, channel, converted] of sample.sheets.Touchpoints.slice(1)) {
  let j = journeys.get(journey as string);
  if (!j) journeys.set(journey as string, (j = { touches: [], converted: converted === true }));
  j.touches.push({ channel: channel as string, day: dayOf(date as string) });
}
const credit = (share: (touches: Touch[]) => number[]): Map<string, number> => {
  const out = new Map<string, number>();
  for (const { touches, converted } of journeys.values()) {
    if (!converted) continue;
    // the generator writes each journey's touches in time order; equal days keep row order, as the function does
    const sorted = [...touches].sort((a, b) => a.day - b.day);
    share(sorted).forEach((w, i) => out.set(sorted[i].channel, (out.get(sorted[i].channel) ?? 0) + w));
  }
  return out;
};
const CONVERSIONS = [...journeys.values()].filter((j) => j.converted).length;
const FIRST = credit((t) => t.map((_, i) => (i === 0 ? 1 : 0)));
const LAST = credit((t) => t.map((_, i) => (i === t.length - 1 ? 1 : 0)));
const LINEAR = credit((t) => t.map(() => 1 / t.length));
const POSITION = credit((t) =>
  t.length === 1 ? [1] : t.length === 2 ? [0.5, 0.5] : t.map((_, i) => (i === 0 || i === t.length - 1 ? 0.4 : 0.2 / (t.length - 2))),
);
const TIME_DECAY = credit((t) => {
  const w = t.map((x) => 2 ** (-(t[t.length - 1].day - x.day) / 7)); // half-life 7 days before the last touch
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
});

// ---- commissions by hand: won deals closed in the quarter of the as-of date ----------------------
// plan: quota 50,000 a quarter; tier 1 from 0% pays 5%, tier 2 from 100% pays 10%, marginal; cap 3,000
const QUOTA = 50000;
const CAP = 3000;
const wonInQuarter = new Map<string, number>();
for (const [, owner, , closed, amount, stage] of sample.sheets.Deals.slice(1)) {
  wonInQuarter.set(owner as string, wonInQuarter.get(owner as string) ?? 0);
  if (stage === 'Won' && closed && (closed as string) >= '2026-10-01' && (closed as string) < '2027-01-01')
    wonInQuarter.set(owner as string, wonInQuarter.get(owner as string)! + (amount as number));
}
const payout = (won: number) => Math.min(CAP, Math.min(won, QUOTA) * 0.05 + Math.max(0, won - QUOTA) * 0.1);

// ---- customers: one customer's summary by counting its purchase days ---------------------------------
const purchases = sample.sheets.Transactions.slice(1).filter((r) => (r[1] as string) <= AS_OF);
function summaryOf(customer: string): { x: number; tx: number; T: number; m: number } {
  const byDay = new Map<number, number>();
  for (const [c, date, amount] of purchases)
    if (c === customer) byDay.set(dayOf(date as string), (byDay.get(dayOf(date as string)) ?? 0) + (amount as number));
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const repeats = days.slice(1);
  return {
    x: repeats.length,
    tx: (days[days.length - 1] - days[0]) / 7,
    T: (dayOf(AS_OF) - days[0]) / 7,
    m: repeats.length ? repeats.reduce((t, d) => t + byDay.get(d)!, 0) / repeats.length : 0,
  };
}

it('offers the extra sheets, lists the data they read, and takes a commission plan with live checks', async () => {
  await sidebar().getByLabel('SaaS / tech').check();
  await next();
  await next();
  expect(await sidebar().getByRole('heading', { level: 2 }).textContent()).toBe('Extras');
  await sidebar()
    .getByLabel(/^Add an Attribution sheet/)
    .check();
  expect(await sidebar().textContent()).toContain('Reads "Touchpoints".');
  await sidebar()
    .getByLabel(/^Add a Customers at risk sheet/)
    .check();
  expect(await sidebar().textContent()).toContain('Reads "Transactions".');
  await sidebar()
    .getByLabel(/^Add a Commissions sheet/)
    .check();
  const plan = sidebar().locator('.kp-plan');
  expect(await plan.locator('.kp-messages').textContent()).toContain('Type the quota');
  await plan.getByLabel('Quota per owner and period').fill('50,000');
  await plan.getByLabel('Period', { exact: true }).selectOption('quarter');
  await plan.getByLabel('Rate of tier 1 (%)').fill('5');
  await plan.getByRole('button', { name: 'Add a tier' }).click();
  await plan.getByLabel('Tier 2 starts at (% of quota)').fill('80');
  await plan.getByLabel('Rate of tier 2 (%)').fill('-10');
  expect(await plan.locator('.kp-messages').textContent()).toContain('Tier 2: type its rate in % (0 or more).');
  await plan.getByLabel('Rate of tier 2 (%)').fill('10');
  await plan.getByLabel('Tier 2 starts at (% of quota)').fill('100');
  await plan.getByLabel('Cap per owner (optional)').fill('3000');
  expect(await plan.locator('.kp-messages').textContent()).toBe('Plan complete.');
  expect(await plan.getByLabel(/^Marginal/).isChecked()).toBe(true);
  mkdirSync(join(__dirname, '../../artifacts'), { recursive: true });
  await page.locator('#panel').screenshot({ path: join(__dirname, '../../artifacts/sidebar-extras.png') });
  await next();

  // the data step shows the touchpoints (no KPI reads them) and the sheets of the other extras
  const touches = sidebar().locator('fieldset[data-dataset="touches"]');
  expect(await touches.getByLabel('Sheet').inputValue()).toBe('Touchpoints');
  expect(await touches.locator('select').count()).toBe(6); // sheet + journey, timestamp, channel, converted, value
  expect(await sidebar().locator('fieldset[data-dataset="orders"]').getByLabel('Sheet').inputValue()).toBe('Transactions');
  expect(await sidebar().locator('fieldset[data-dataset="deals"]').getByLabel('Sheet').inputValue()).toBe('Deals');
  await next();

  // MRR is about 295,000: a threshold of 400,000 is breached
  const mrr = sidebar().locator('fieldset[data-kpi="mrr"]');
  await mrr.getByLabel('Owner').fill('Ana');
  await mrr.getByLabel('Alert threshold (optional)').fill('400000');
  await next();
  expect(await sidebar().textContent()).toContain('Extra sheets: Attribution, Customers at risk, Commissions.');
});

it('generates the Attribution sheet: models side by side, the causation line, credits counted from the journeys', async () => {
  const notice = await generate();
  expect(notice).toContain(
    'Dashboard generated: KPI Dashboard, KPI Goals, KPI Definitions, KPI History, Attribution, Customers at risk, Commissions.',
  );
  const sheet = await values('Attribution');
  expect(sheet[1][0]).toMatch(/^Attribution measures association, not causation/);
  expect(sheet[4].slice(0, 8)).toEqual([
    'Channel',
    'First touch',
    'Last touch',
    'Linear',
    'Position (40/20/40)',
    'Time decay',
    'Markov',
    'Shapley',
  ]);
  const rows = sheet.slice(5).filter((r) => typeof r[0] === 'string' && r[0] !== '');
  expect(rows.map((r) => r[0]).sort()).toEqual(['Email', 'Events', 'Referral', 'Search', 'Social']);
  for (const r of rows) {
    const channel = r[0] as string;
    close(r[1], FIRST.get(channel) ?? 0);
    close(r[2], LAST.get(channel) ?? 0);
    close(r[3], LINEAR.get(channel) ?? 0);
    close(r[4], POSITION.get(channel) ?? 0);
    close(r[5], TIME_DECAY.get(channel) ?? 0);
  }
  // every model hands out each conversion once: Markov and Shapley columns add up to the converted journeys
  for (const col of [1, 2, 3, 4, 5, 6, 7])
    close(
      rows.reduce((t, r) => t + (r[col] as number), 0),
      CONVERSIONS,
    );
  await page.locator('#tabs').getByRole('tab', { name: 'Attribution' }).click();
  expect(await cell(1, 0).textContent()).toMatch(/association, not causation/);
});

it('ranks Customers at risk by value at risk above the floor, counts the lost apart, one customer equal to the core functions in node', async () => {
  const sheet = await values('Customers at risk');
  expect(sheet[4].slice(0, 10)).toEqual([
    'Chance still active',
    'Customer',
    'Repeat purchases',
    'Weeks first to last purchase',
    'Weeks since first purchase',
    'Average repeat value',
    'Churn risk',
    'Expected purchases',
    'Predicted value',
    'Value at risk',
  ]);
  expect(sheet[3].slice(0, 3)).toEqual(['Lost below (chance still active)', 0.1, 'Customers already lost']);
  const table = sheet.slice(5).filter((r) => typeof r[1] === 'string' && r[1] !== '');
  const lost = sheet[3][3] as number;
  const customers = new Set(purchases.map((r) => r[0])).size;
  expect(table.length + lost).toBe(customers); // every customer with a purchase by the as-of date, listed or counted
  // a realistic mix: those without a repeat purchase day cannot be told gone (P(alive) = 1) and are all listed; some are lost, far from all
  const purchaseDays = new Map<string, Set<string>>();
  for (const [c, date] of purchases) purchaseDays.set(c as string, (purchaseDays.get(c as string) ?? new Set()).add(date as string));
  const firstTimers = [...purchaseDays.values()].filter((d) => d.size === 1).length;
  expect(firstTimers).toBeGreaterThan(0);
  expect(table.length).toBeGreaterThanOrEqual(firstTimers);
  expect(lost / customers).toBeGreaterThan(0.05);
  expect(lost / customers).toBeLessThan(0.3);
  for (const r of table) expect(r[0] as number).toBeGreaterThanOrEqual(0.1); // none below the floor
  for (let i = 1; i < table.length; i++) expect(table[i][9] as number).toBeLessThanOrEqual(table[i - 1][9] as number); // value at risk, highest first

  // the core in node on the same rows: RFM, then both fits, then the customer's models
  const col = (i: number) => sample.sheets.Transactions.slice(1).map((r) => [r[i]]);
  const run = (name: string, args: unknown[]) => {
    const out = callFunction(name, args);
    if (!out.ok) throw out.error;
    return out.value as unknown[][];
  };
  const rfm = run('RFM', [col(0), col(1), col(2), AS_OF, 'week']).slice(1);
  const c = (i: number) => rfm.map((r) => [r[i]]);
  const bg = run('BGNBD_FIT', [c(1), c(2), c(3)])[1].slice(0, 4);
  const gg = run('GG_FIT', [c(1), c(4)])[1].slice(0, 3);
  // the lost count, independently: customers whose P(alive) is under the 10% floor
  expect(lost).toBe(run('P_ALIVE', [c(1), c(2), c(3), [bg]]).filter((r) => (r[0] as number) < 0.1).length);
  const row = table[Math.floor(table.length / 3)]; // a customer a third of the way down the ranking
  const s = summaryOf(row[1] as string);
  close(row[2], s.x);
  close(row[3], s.tx);
  close(row[4], s.T);
  close(row[5], s.m);
  const one = (v: number) => [[v]];
  const scalar = (t: unknown) => (Array.isArray(t) ? (t as unknown[][])[0][0] : t);
  // the fitted parameters reach the sheet's model columns through cells: compare at 1e-6
  close(row[0], scalar(run('P_ALIVE', [one(s.x), one(s.tx), one(s.T), [bg]])) as number, 1e-6);
  close(row[6], scalar(run('CHURN_RISK', [one(s.x), one(s.tx), one(s.T), [bg]])) as number, 1e-6);
  close(row[7], scalar(run('EXPECTED_PURCHASES', [one(s.x), one(s.tx), one(s.T), 52, [bg]])) as number, 1e-6);
  const clv = scalar(run('CLV_PREDICT', [one(s.x), one(s.tx), one(s.T), one(s.m), 52, 0, 1, [bg], [gg]])) as number;
  close(row[8], clv, 1e-6);
  close(row[9], (1 - (scalar(run('P_ALIVE', [one(s.x), one(s.tx), one(s.T), [bg]])) as number)) * clv, 1e-6); // churn risk × predicted value
});

it('pays each owner of the Commissions sheet what the hand-worked plan gives', async () => {
  const sheet = await values('Commissions');
  expect(sheet[2].slice(0, 2)).toEqual(['Period', 'Quarter']);
  const owners = sheet.slice(5).filter((r) => typeof r[0] === 'string' && r[0] !== '');
  expect(owners.map((r) => r[0])).toEqual([...wonInQuarter.keys()].sort());
  for (const r of owners) {
    const won = wonInQuarter.get(r[0] as string)!;
    close(r[1], won);
    close(r[2], QUOTA);
    close(r[3], won / QUOTA);
    expect(r[4]).toBe(won >= QUOTA ? 2 : 1);
    close(r[5], won >= QUOTA ? 0.1 : 0.05);
    close(r[6], payout(won));
  }
  expect(owners.some((r) => payout(wonInQuarter.get(r[0] as string)!) === CAP)).toBe(true); // the cap is exercised
});

it('shows the breached goal in the Alerts section and on the dashboard', async () => {
  const mrr = sample.sheets.Subscriptions.slice(1)
    .filter((r) => r[1] === '2026-10-01')
    .reduce((t, r) => t + (r[2] as number), 0);
  await page.waitForFunction(() => !!document.querySelector('#sidebar .kp-breaches li[data-kpi="mrr"]'), undefined, { timeout: 30000 });
  const item = await sidebar().locator('.kp-breaches li[data-kpi="mrr"]').textContent();
  expect(item).toBe(`MRR Value ${Math.round(mrr).toLocaleString('en-US')} · Past threshold · threshold 400,000 · owner Ana`);
  expect(await sidebar().locator('.kp-alerts').textContent()).not.toContain('Email owners a daily digest'); // Sheets only
  await page.locator('#tabs').getByRole('tab', { name: 'KPI Dashboard' }).click();
  expect(await cell(4, 10).textContent()).toBe('Past threshold');
  // the card's name and value are highlighted by the plan's formula format; a card without alert is not
  expect(await cell(4, 0).getAttribute('style')).toMatch(/background/);
  const alerts = (await values('KPI Dashboard')).slice(4, 11).map((r) => r[10]);
  for (let i = 0; i < 7; i++) if (alerts[i] === '') expect((await cell(4 + i, 0).getAttribute('style')) ?? '').not.toMatch(/background/);
});

it('regenerating keeps one set of sheets, extras included', async () => {
  const before = await tabs();
  await generate();
  expect(await tabs()).toEqual(before);
  expect(before.filter((t) => t === 'Attribution' || t === 'Customers at risk' || t === 'Commissions')).toEqual([
    'Attribution',
    'Customers at risk',
    'Commissions',
  ]);
  mkdirSync(join(__dirname, '../../artifacts'), { recursive: true });
  await page.locator('#panel').screenshot({ path: join(__dirname, '../../artifacts/sidebar-alerts.png') });
  expect(errors).toEqual([]);
});

it('speaks French on the extras step', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
  const p = await context.newPage();
  await p.goto(page.url());
  await p.waitForSelector('body[data-ready="true"]');
  const side = p.locator('#sidebar');
  await side.getByLabel('SaaS / tech').check();
  await side.getByRole('button', { name: '3. Compléments' }).click();
  await side.getByLabel(/^Ajouter une feuille Commissions/).check();
  await side.getByLabel('Quota par responsable et période').fill('0');
  expect(await side.locator('.kp-plan .kp-messages').textContent()).toContain('Le quota doit être un nombre supérieur à 0.');
  await side.getByRole('button', { name: '6. Générer' }).click();
  expect(await side.textContent()).toContain('La feuille Commissions est omise tant que son plan est incomplet');
  expect(await side.locator('.kp-alerts').textContent()).toBe('Générer le tableau de bord pour voir ses alertes ici.');
  await context.close();
});
