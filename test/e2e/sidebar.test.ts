import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Browser, Page } from 'playwright-core';
import { generateSample } from '../../playground/sample/company';
import { engineValues, gridCell, usePlayground } from '../support/browser';

/**
 * The sidebar end to end in the playground, headless Chromium: SaaS template, sample data mapped,
 * a goal, generate; values and statuses checked against the sample rows by plain arithmetic
 * here (not the core); regenerate; setup kept across a reload; a user's "KPI Dashboard" left
 * alone; keyboard only; "Download workbook".
 */
jest.setTimeout(180000);

const sample = generateSample();
const ledger = sample.sheets.Subscriptions.slice(1);
const marketing = sample.sheets.Marketing.slice(1);
const mrrOf = (month: string) => ledger.filter((r) => r[1] === month).reduce((t, r) => t + (r[2] as number), 0);
const oct = marketing.filter((r) => r[0] === '2026-10-01');
const total = (rows: typeof marketing, col: number) => rows.reduce((t, r) => t + (r[col] as number), 0);
const MRR = mrrOf('2026-10-01');
const CAC = total(oct, 2) / total(oct, 5);
const CPL = total(oct, 2) / total(oct, 3);
const LEAD_TO_OPP = total(oct, 4) / total(oct, 3);
/** '#,##0.00' as a spreadsheet shows it. */
const money = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct1 = (v: number) => `${(v * 100).toFixed(1)}%`;
// the goal typed below: MRR from 250,000 to 350,000 over 2026; as of 2026-10-31, 303 of 364 days are gone
const OWNER = '<img src=x onerror="window.hacked=1">Ana & Co';
const PROGRESS = (MRR - 250000) / 100000;
const EXPECTED = 303 / 364;
const STATUS = PROGRESS >= 1 ? 'Achieved' : PROGRESS >= EXPECTED ? 'On track' : PROGRESS >= EXPECTED - 0.1 ? 'At risk' : 'Off track';

let browser: Browser;
let url: string;
let page: Page;
let errors: string[];
const artifacts = join(__dirname, '../../artifacts');

usePlayground((s) => ({ browser, url, page, errors } = s));

const sidebar = () => page.locator('#sidebar');
const cell = gridCell;
const sheetTabs = (p: Page) => p.locator('#tabs [role="tab"]').allTextContents();

async function next(): Promise<void> {
  await sidebar().getByRole('button', { name: 'Next' }).click();
}

async function generate(p: Page): Promise<string> {
  const notices = p.locator('#sidebar .kp-notices').first(); // the generate step's notices (the share section has its own)
  await p.locator('#sidebar').getByRole('button', { name: 'Generate dashboard' }).click();
  await p.waitForFunction(() => /generated|Failed/.test(document.querySelector('#sidebar .kp-notices')?.textContent ?? ''), undefined, {
    timeout: 120000,
  });
  return (await notices.textContent()) ?? '';
}

it('walks the steps: SaaS template, balance meter, mapping, a goal', async () => {
  expect(await sidebar().getByRole('heading', { level: 2 }).textContent()).toBe('Template');
  await sidebar().getByLabel('SaaS / tech').check();
  await next();
  // focus moves to the new step's heading
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('KPIs');
  const meter = sidebar().locator('.kp-meter');
  expect(await meter.textContent()).toContain('KPIs: 7 (5–7)');
  expect(await meter.textContent()).toContain('Impact share: 86% (at least 70%)');
  expect(await meter.textContent()).toContain('Balanced');
  // one more KPI: the meter warns live
  await sidebar()
    .getByLabel(/^Leads/)
    .check();
  expect(await meter.textContent()).toContain('KPIs: 8 (5–7)');
  expect(await meter.textContent()).toContain('can be a vanity metric');
  await sidebar()
    .getByLabel(/^Leads/)
    .uncheck();
  expect(await meter.textContent()).toContain('Balanced');
  await next();
  // extra sheets are optional; alerts are on for a new dashboard
  expect(await sidebar().getByRole('heading', { level: 2 }).textContent()).toBe('Extras');
  expect(
    await sidebar()
      .getByLabel(/^Add an Attribution sheet/)
      .isChecked(),
  ).toBe(false);
  expect(
    await sidebar()
      .getByLabel(/^Flag KPIs in breach on the dashboard/)
      .isChecked(),
  ).toBe(true);
  await next();

  // mapping detected from the sample's headers; the manager can change a column and put it back
  const mkt = sidebar().locator('fieldset[data-dataset="marketing"]');
  expect(await mkt.getByLabel('Sheet').inputValue()).toBe('Marketing');
  expect(await mkt.getByLabel('Marketing spend').inputValue()).toBe('C');
  expect(await sidebar().locator('fieldset[data-dataset="ledger"]').getByLabel('Sheet').inputValue()).toBe('Subscriptions');
  await mkt.getByLabel('Leads').selectOption('');
  expect(await sidebar().textContent()).toContain('Cost per lead: not computed until Leads is mapped.');
  await mkt.getByLabel('Leads').selectOption('D');
  expect(await sidebar().textContent()).toContain('Every chosen KPI has its data.');
  await next();

  const mrr = sidebar().locator('fieldset[data-kpi="mrr"]');
  await mrr.getByLabel('Baseline').fill('250000');
  await mrr.getByLabel('Target').fill('350000');
  await mrr.getByLabel('Start').fill('2026-01-01');
  await mrr.getByLabel('End').fill('2026-12-31');
  expect(await mrr.locator('.kp-messages').textContent()).toContain('Name an owner');
  await mrr.getByLabel('Owner').fill(OWNER);
  expect(await mrr.locator('.kp-messages').textContent()).not.toContain('Name an owner');
  await next();
  expect(await sidebar().getByLabel('As of').inputValue()).toBe('2026-10-31');
});

it('generates the four sheets with the values and status worked out from the sample rows', async () => {
  const notice = await generate(page);
  expect(notice).toContain('Dashboard generated: KPI Dashboard, KPI Goals, KPI Definitions, KPI History.');
  expect(await sheetTabs(page)).toEqual([
    'Examples',
    'Marketing',
    'Subscriptions',
    'Deals',
    'Touchpoints',
    'Transactions',
    'KPI Dashboard',
    'KPI Goals',
    'KPI Definitions',
    'KPI History',
  ]);
  // the dashboard is shown; cards in template order: MRR, MRR churn, NRR, CAC, LTV, lead-to-opp, CPL
  expect(await cell(page, 1, 1).textContent()).toBe('2026-10-31');
  expect(await cell(page, 4, 0).textContent()).toBe('MRR');
  expect(await cell(page, 4, 1).textContent()).toBe(money(MRR));
  expect(await cell(page, 4, 2).textContent()).toBe('350,000.00');
  expect(await cell(page, 4, 3).textContent()).toBe(`${Math.round(PROGRESS * 100)}%`);
  expect(await cell(page, 4, 4).textContent()).toBe(STATUS);
  expect(await cell(page, 4, 5).textContent()).toBe(money(mrrOf('2026-09-01')));
  expect(await cell(page, 7, 1).textContent()).toBe(money(CAC));
  expect(await cell(page, 9, 1).textContent()).toBe(pct1(LEAD_TO_OPP));
  expect(await cell(page, 10, 1).textContent()).toBe(money(CPL));
  expect(await cell(page, 4, 7).textContent()).toBe(OWNER); // typed text shown as text
  await page.locator('#tabs').getByRole('tab', { name: 'KPI Goals' }).click();
  expect(await cell(page, 1, 6).textContent()).toBe(OWNER);
  expect(await cell(page, 1, 10).textContent()).toBe(STATUS);
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  expect(await page.locator('#sidebar img, #grid img').count()).toBe(0);
});

it('judges the goal "achievable" against the MRR trend once the dashboard exists', async () => {
  await sidebar().getByRole('button', { name: '5. Goals' }).click();
  // pace needed: 100,000 over 364 days = 100000 / (364 / 30.4375) a month; best month: the largest rise of the 12 trend months
  const months = Array.from({ length: 12 }, (_, i) => mrrOf(`${i < 2 ? 2025 : 2026}-${String(((10 + i) % 12) + 1).padStart(2, '0')}-01`));
  const best = Math.max(...months.slice(1).map((v, i) => v - months[i]));
  const pace = 100000 / (364 / 30.4375);
  const word = pace > 1.5 * best ? 'far beyond' : pace > best ? 'Stretch goal' : 'Achievable';
  expect(await sidebar().locator('fieldset[data-kpi="mrr"] .kp-messages').textContent()).toContain(word);
  await sidebar().getByRole('button', { name: '6. Generate' }).click();
});

it('generating again leaves one set of sheets', async () => {
  await generate(page);
  const tabs = await sheetTabs(page);
  expect(tabs.filter((t) => t.startsWith('KPI'))).toEqual(['KPI Dashboard', 'KPI Goals', 'KPI Definitions', 'KPI History']);
  expect(tabs).toHaveLength(10);
});

it('snapshot records the card values in KPI History, one row per KPI for the period, naming the date on its button', async () => {
  const button = () => sidebar().getByRole('button', { name: 'Record values as of 2026-10-31' });
  await button().click();
  await page.waitForFunction(() => /7 values added/.test(document.querySelector('#sidebar .kp-notices')?.textContent ?? ''));
  expect(await sidebar().locator('.kp-notices').first().textContent()).toContain(
    'KPI History as of 2026-10-31: 7 values added, 0 updated in place.',
  );
  // a second snapshot of the same period updates those rows in place
  await button().click();
  await page.waitForFunction(() => /7 updated in place/.test(document.querySelector('#sidebar .kp-notices')?.textContent ?? ''));
  await page.locator('#tabs').getByRole('tab', { name: 'KPI History' }).click();
  expect(await cell(page, 1, 0).textContent()).toBe('2026-10-31');
  expect(await cell(page, 1, 1).textContent()).toBe('MRR');
  expect(await cell(page, 1, 2).textContent()).toBe('mrr');
  expect(await cell(page, 8, 0).textContent()).toBe(''); // one row per KPI: rows 1-7
});

it('offers the workbook as an .xlsx, loading ExcelJS only on the click', async () => {
  const scripts = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => n.endsWith('.js')),
    );
  expect((await scripts()).some((n) => n.includes('xlsx'))).toBe(false);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.getByRole('button', { name: 'Download workbook' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('kpi-pilot.xlsx');
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip, as every .xlsx
  expect((await scripts()).some((n) => n.includes('xlsx.chunk.js'))).toBe(true);
});

it('keeps the setup across a reload, and leaves a user sheet named KPI Dashboard untouched', async () => {
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  // the saved setup reopens on the generate step
  expect(await sidebar().getByRole('heading', { level: 2 }).textContent()).toBe('Generate');
  await sidebar().getByRole('button', { name: '5. Goals' }).click();
  const mrr = sidebar().locator('fieldset[data-kpi="mrr"]');
  expect(await mrr.getByLabel('Owner').inputValue()).toBe(OWNER);
  expect(await mrr.getByLabel('Target').inputValue()).toBe('350000');
  await sidebar().getByRole('button', { name: '6. Generate' }).click();
  // the generated sheets came back with the workbook; "Reset to sample" starts the workbook over, the setup stays
  expect(await sheetTabs(page)).toContain('KPI Dashboard');
  page.once('dialog', (d) => void d.accept());
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Reset to sample' }).click()]);
  await page.waitForSelector('body[data-ready="true"]');
  expect(await sheetTabs(page)).not.toContain('KPI Dashboard');
  expect(await sidebar().getByRole('heading', { level: 2 }).textContent()).toBe('Generate');

  // the workbook is the sample again: the user makes a sheet called KPI Dashboard
  await page.getByRole('button', { name: 'Add sheet' }).click();
  await page.getByLabel('New sheet name').fill('KPI Dashboard');
  await page.keyboard.press('Enter');
  await cell(page, 0, 0).click();
  await page.fill('#formula', 'my notes');
  await page.press('#formula', 'Enter');
  const notice = await generate(page);
  expect(notice).toContain(
    'A sheet named "KPI Dashboard" already exists and is not KPI Pilot\'s: the dashboard uses "KPI Dashboard (KPI Pilot)" instead.',
  );
  await page.locator('#tabs').getByRole('tab', { name: 'KPI Dashboard', exact: true }).click();
  expect(await cell(page, 0, 0).textContent()).toBe('my notes');
  expect(await engineValues(page, 'KPI Dashboard')).toEqual([['my notes']]);
  await page.locator('#tabs').getByRole('tab', { name: 'KPI Dashboard (KPI Pilot)' }).click();
  expect(await cell(page, 4, 1).textContent()).toBe(money(MRR));
});

it('keeps a screenshot of the sidebar and saw no console errors', async () => {
  mkdirSync(artifacts, { recursive: true });
  await page.locator('#panel').screenshot({ path: join(artifacts, 'sidebar.png') });
  await page.screenshot({ path: join(artifacts, 'sidebar-playground.png') });
  expect(errors).toEqual([]);
});

it('reaches "Generate dashboard" with the keyboard only', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const p = await context.newPage();
  const errs: string[] = [];
  p.on('pageerror', (e) => errs.push(String(e)));
  await p.goto(url);
  await p.waitForSelector('body[data-ready="true"]');
  await p.focus('#tab-dashboard');
  let reached = false;
  for (let i = 0; i < 400 && !reached; i++) {
    const focus = await p.evaluate(() => {
      const a = document.activeElement as HTMLInputElement | null;
      const checked = !!document.querySelector('#sidebar input[type="radio"]:checked');
      return { tag: a?.tagName, type: a?.type, text: a?.textContent?.trim(), checked };
    });
    if (focus.tag === 'BUTTON' && focus.text === 'Generate dashboard') reached = true;
    else if (focus.tag === 'INPUT' && focus.type === 'radio' && !focus.checked) await p.keyboard.press('Space');
    else if (focus.tag === 'BUTTON' && focus.text === 'Next') await p.keyboard.press('Enter');
    else await p.keyboard.press('Tab');
  }
  expect(reached).toBe(true);
  await p.keyboard.press('Enter');
  await p.waitForFunction(() => /generated/.test(document.querySelector('#sidebar .kp-notices')?.textContent ?? ''), undefined, {
    timeout: 120000,
  });
  expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('Generate dashboard');
  expect(errs).toEqual([]);
  await context.close();
});

it('speaks French when the browser does, down to the generated sheets', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
  const p = await context.newPage();
  await p.goto(url);
  await p.waitForSelector('body[data-ready="true"]');
  const side = p.locator('#sidebar');
  expect(await side.getByRole('heading', { level: 2 }).textContent()).toBe('Modèle');
  await side.getByLabel('AARRR').check();
  await side.getByRole('button', { name: 'Suivant' }).click();
  expect(await side.locator('.kp-meter').textContent()).toContain('Part d’impact : 80 % (au moins 70 %)'); // AARRR: CPL is the one activity KPI of five
  await side.getByRole('button', { name: '5. Objectifs' }).click();
  await side.locator('fieldset[data-kpi="conversion_rate"]').getByLabel('Cible (en %)').fill('2,5');
  expect(await side.locator('fieldset[data-kpi="conversion_rate"] .kp-messages').textContent()).toContain('Indiquer une date de fin');
  await p.screenshot({ path: join(artifacts, 'sidebar-goals-fr.png') });
  await side.getByRole('button', { name: '6. Générer' }).click();
  await side.getByRole('button', { name: 'Générer le tableau de bord' }).click();
  await p.waitForFunction(() => /généré/.test(document.querySelector('#sidebar .kp-notices')?.textContent ?? ''), undefined, {
    timeout: 120000,
  });
  expect(await cell(p, 0, 0).textContent()).toBe('Tableau de bord KPI');
  await p.locator('#tabs').getByRole('tab', { name: 'KPI Goals' }).click();
  expect(await cell(p, 2, 3).textContent()).toBe('2,5\u202f%'); // 2,5 typed in percent: 0.025 in the cell, shown the French way
  await context.close();
});
