import { Browser, Page } from 'playwright-core';
import { kpi } from '../../core/dashboard/catalog';
import { tr } from '../../core/dashboard/i18n';
import { TEMPLATES } from '../../core/dashboard/templates';
import { engineValues, gridCell, usePlayground } from '../support/browser';

/**
 * Each template on the sample company in the playground, headless Chromium: pick it, go straight
 * to Generate (the mapping the sidebar detected from the sample's headers), generate, and find
 * every card computed (a number, never "Map data"), the trend table holding exactly the chosen
 * KPIs, and the notice of what needs the add-in naming only chosen cards.
 */
jest.setTimeout(300000);

let browser: Browser;
let page: Page;
let errors: string[];

usePlayground((s) => ({ browser, page, errors } = s));

const sidebar = () => page.locator('#sidebar');
const cell = (row: number, col: number) => gridCell(page, row, col);

const sheetValues = (name: string) => engineValues(page, name);

// worked from the catalog: MRR churn and NRR are custom functions, LTV is built from MRR churn; every other KPI of the templates is
// native. Alerts are on for a new dashboard and their column calls ANOMALIES, so a template without such a card still gets the
// notice, naming no card.
const NEEDS_ADDIN: Record<string, string> = {
  saas: 'the cards MRR churn rate, Net revenue retention (12 months), Customer lifetime value come from KPI Pilot functions',
  ecommerce: 'their tables come from KPI Pilot functions',
  b2b: 'their tables come from KPI Pilot functions',
  aarrr: 'the cards MRR churn rate come from KPI Pilot functions',
  north_star: 'the cards MRR churn rate come from KPI Pilot functions',
};

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('the %s template on the sample company', (id, tpl) => {
  const names = tpl.kpis.map((k) => tr(kpi(k).name, 'en'));

  it('generates with every card computed and no "Map data" card', async () => {
    await sidebar().getByRole('button', { name: '1. Template' }).click();
    await sidebar().getByLabel(tr(tpl.name, 'en')).check();
    await sidebar().getByRole('button', { name: '6. Generate' }).click();
    await sidebar().getByRole('button', { name: 'Generate dashboard' }).click();
    await page.waitForFunction(
      () => /generated|Failed/.test(document.querySelector('#sidebar .kp-notices')?.textContent ?? ''),
      undefined,
      { timeout: 120000 },
    );
    const notice = (await sidebar().locator('.kp-notices').first().textContent()) ?? '';
    expect(notice).toContain('Dashboard generated');
    expect(notice).not.toContain('is not computed');

    const dash = await sheetValues('KPI Dashboard');
    const cards = dash.slice(4, 4 + tpl.kpis.length);
    expect(cards.map((r) => r[0])).toEqual(names);
    for (const [name, value] of cards.map((r) => [r[0], r[1]])) expect([name, typeof value]).toEqual([name, 'number']);
    expect(dash[4 + tpl.kpis.length]?.[0] ?? null).toBeNull(); // no further card
    // what the manager sees in the grid: no card says "Map data"
    for (let i = 0; i < tpl.kpis.length; i++) expect(await cell(4 + i, 1).textContent()).not.toContain('Map data');
  });

  it('holds exactly the chosen KPIs in the trend table', async () => {
    const dash = await sheetValues('KPI Dashboard');
    const header = dash[3].slice(11).filter((v) => v !== null && v !== '');
    expect(header).toEqual(['Period start', 'Next period start', ...names]);
  });

  it('names only chosen cards as needing the add-in', async () => {
    const needs = sidebar().locator('.kp-share .kp-warn');
    expect(await needs.textContent()).toBe(
      `Without the add-in a colleague sees errors in KPI Dashboard: ${NEEDS_ADDIN[id]}. "Prepare for sharing" replaces them by their values (and "Make live again" restores them).`,
    );
  });
});

describe('after every template', () => {
  it('saw no console errors', () => {
    expect(errors).toEqual([]);
  });
});
