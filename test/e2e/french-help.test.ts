import { Browser, BrowserContext, Page } from 'playwright-core';
import { gridCell, usePlayground } from '../support/browser';

/**
 * The function help of a French page, end to end in headless Chromium: the Functions tab, the
 * autocomplete list and the argument hint show KPI Pilot's functions in French (from
 * core/registry/text-fr.ts), the engine's functions keep their English help, and an English page
 * keeps the registry's English.
 */
jest.setTimeout(240000);

let browser: Browser;
let url: string;

usePlayground((s) => ({ browser, url } = s), { open: false });

async function open(address: string, locale?: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(address);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { context, page, errors };
}

const cell = gridCell;

it('shows the Functions tab in French with ?lang=fr: help and each argument, names and allowed values unchanged', async () => {
  const { context, page, errors } = await open(`${url}?lang=fr`);
  await page.getByRole('tab', { name: 'Fonctions' }).click();
  const cac = page.locator('.functions li[data-name="cac"]');
  expect(await cac.locator('button').textContent()).toBe('CAC(marketing_spend, new_customers, [sales_spend])');
  expect(await cac.locator('p').textContent()).toBe(
    'Coût d’acquisition client : (dépenses marketing + dépenses commerciales) / nouveaux clients.',
  );
  expect(await cac.locator('dt').allTextContents()).toEqual(['marketing_spend', 'new_customers', 'sales_spend (facultatif)']);
  expect(await cac.locator('dd').allTextContents()).toEqual([
    'Dépenses marketing de la période (une plage ou un nombre).',
    'Nouveaux clients gagnés sur la même période.',
    'Dépenses commerciales de la période ; omis, elles valent 0.',
  ]);
  // a choice argument: its French meaning, then the default and allowed values as typed
  const cycle = page.locator('.functions li[data-name="sales_cycle"] dd').last();
  expect(await cycle.textContent()).toBe(
    '"mean" (moyenne, par défaut) ou "median" (médiane).; par défaut "mean"; Valeurs permises : "mean", "median"',
  );
  // the engine's functions keep their help
  expect(await page.locator('.functions li[data-name="sum"] p').textContent()).toBe('Adds numbers and ranges.');
  // the filter finds a function by its French words
  await page.getByPlaceholder('Filtrer les fonctions').fill('attrition');
  const shown = await page.locator('.functions li:not([hidden])').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.name));
  expect(shown).toEqual(expect.arrayContaining(['churn_rate', 'revenue_churn']));
  expect(errors).toEqual([]);
  await context.close();
});

it('shows the autocomplete and the argument hint of =CAC( in French with ?lang=fr', async () => {
  const { context, page, errors } = await open(`${url}?lang=fr`);
  await page.locator('#tabs').getByRole('tab', { name: 'Marketing', exact: true }).click();
  await cell(page, 1, 9).click();
  await page.keyboard.type('=CA');
  expect(await page.locator('#suggestions li[data-name="CAC"] .help').textContent()).toBe(
    'Coût d’acquisition client : (dépenses marketing + dépenses commerciales) / nouveaux clients.',
  );
  await page.keyboard.type('C(');
  const hint = page.locator('#hint');
  expect(await hint.locator('.current').textContent()).toBe('marketing_spend');
  expect(await hint.locator('p').first().textContent()).toBe(
    'marketing_spend : Dépenses marketing de la période (une plage ou un nombre).',
  );
  await page.keyboard.type('C2:C9, F2:F9, ');
  expect(await hint.locator('.current').textContent()).toBe('[sales_spend]');
  expect(await hint.locator('p').first().textContent()).toBe(
    'sales_spend (facultatif) : Dépenses commerciales de la période ; omis, elles valent 0.',
  );
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
  await context.close();
});

it('follows a French browser, and an English page keeps the English help', async () => {
  const french = await open(url, 'fr-FR');
  await french.page.getByRole('tab', { name: 'Fonctions' }).click();
  expect(await french.page.locator('.functions li[data-name="cpl"] p').textContent()).toBe('Coût par lead : dépenses / leads.');
  await french.context.close();

  const english = await open(`${url}?lang=en`, 'fr-FR');
  await english.page.getByRole('tab', { name: 'Functions' }).click();
  expect(await english.page.locator('.functions li[data-name="cpl"] p').textContent()).toBe('Cost per lead: spend / leads.');
  expect(await english.page.locator('.functions li[data-name="cac"] dd').first().textContent()).toBe(
    'Marketing spend over the period (a range or a number).',
  );
  await english.context.close();
});
