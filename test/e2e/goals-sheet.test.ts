import { Browser, Page } from 'playwright-core';
import { cardLabel } from '../../core/dashboard/anchors';
import { engineValues, gridCell, usePlayground } from '../support/browser';

/**
 * KPI Goals as the source of truth, end to end in the playground (headless Chromium): goals for
 * MRR and a wrong-way CAC goal set in the sidebar, generate; the CAC card says "Check goal";
 * every insight row has text; a target and an owner typed in KPI Goals survive regenerating from
 * the sidebar, which names what it kept and shows them in its Goals step.
 */
jest.setTimeout(180000);

let browser: Browser;
let page: Page;
let errors: string[];

usePlayground((s) => ({ browser, page, errors } = s));

const sidebar = () => page.locator('#sidebar');
const cell = (row: number, col: number) => gridCell(page, row, col);
const openSheet = (name: string) => page.locator('#tabs').getByRole('tab', { name }).click();
const sheetValues = (name: string) => engineValues(page, name);

async function next(): Promise<void> {
  await sidebar().getByRole('button', { name: 'Next' }).click();
}

async function generate(): Promise<string> {
  await sidebar().getByRole('button', { name: 'Generate dashboard' }).click();
  await page.waitForFunction(() => /generated|Failed/.test(document.querySelector('#sidebar .kp-notices')?.textContent ?? ''), undefined, {
    timeout: 120000,
  });
  return (await sidebar().locator('.kp-notices').first().textContent()) ?? '';
}

/** Types into a grid cell as a manager does: select it, type, Enter. */
async function typeInto(row: number, col: number, text: string): Promise<void> {
  await cell(row, col).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function goal(kpi: string, g: { baseline: string; target: string; owner: string }): Promise<void> {
  const box = sidebar().locator(`fieldset[data-kpi="${kpi}"]`);
  await box.getByLabel('Baseline').fill(g.baseline);
  await box.getByLabel('Target').fill(g.target);
  await box.getByLabel('Start').fill('2026-01-01');
  await box.getByLabel('End').fill('2026-12-31');
  await box.getByLabel('Owner').fill(g.owner);
}

it('generates with an MRR goal and a CAC goal set the wrong way (baseline 500, target 600)', async () => {
  await sidebar().getByLabel('SaaS / tech').check();
  await next(); // KPIs
  await next(); // Extras
  await next(); // Mapping, detected from the sample's headers
  expect(await sidebar().textContent()).toContain('Every chosen KPI has its data.');
  await next(); // Goals
  await goal('mrr', { baseline: '250000', target: '350000', owner: 'Ana' });
  await goal('cac', { baseline: '500', target: '600', owner: 'Ben' }); // lower is better: 600 is worse
  await next();
  expect(await generate()).toContain('Dashboard generated');
});

it('shows "Check goal" for the wrong-way CAC goal on the dashboard, never a success', async () => {
  const board = await sheetValues('KPI Dashboard');
  const cac = board.findIndex((r) => r[0] === cardLabel('cac', 'en'));
  expect(cac).toBeGreaterThan(0);
  const col = 4; // the cards' status column (E)
  expect(board[cac][col]).toBe('Check goal');
  expect(await cell(cac, col).textContent()).toBe('Check goal');
  // KPI Goals says why
  const goals = await sheetValues('KPI Goals');
  const row = goals.find((r) => r[1] === 'cac')!;
  expect(row.join(' | ')).toContain('Lower is better, but the target is above the baseline');
});

it('writes text in every insight row of the dashboard', async () => {
  const board = await sheetValues('KPI Dashboard');
  const top = board.findIndex((r) => r[0] === 'Insights');
  expect(top).toBeGreaterThan(0);
  const rows: unknown[][] = [];
  for (let i = top + 1; i < board.length && board[i][0] !== null && board[i][0] !== ''; i++) rows.push(board[i]);
  expect(rows.length).toBeGreaterThan(2);
  for (const [title, text] of rows) {
    expect(typeof title).toBe('string');
    // a finding, "OK" with its numbers, or the data to map: never blank, never an error value
    expect(typeof text).toBe('string');
    expect((text as string).trim().length).toBeGreaterThan(2);
  }
});

it('keeps a target and an owner typed in KPI Goals when regenerating, and shows them in the sidebar', async () => {
  await openSheet('KPI Goals');
  const goals = await sheetValues('KPI Goals');
  const header = goals[0] as string[];
  const mrr = goals.findIndex((r) => r[1] === 'mrr');
  const targetCol = header.indexOf('Target');
  const ownerCol = header.indexOf('Owner');
  expect([mrr, targetCol, ownerCol].every((i) => i > 0)).toBe(true);
  await typeInto(mrr, targetCol, '360000');
  await typeInto(mrr, ownerCol, 'Bea Silva');
  expect((await sheetValues('KPI Goals'))[mrr][targetCol]).toBe(360000);

  const notices = await generate();
  expect(notices).toMatch(/MRR: kept (target, owner|owner, target) as edited in the goals sheet\./);
  const after = await sheetValues('KPI Goals');
  expect(after[mrr][targetCol]).toBe(360000);
  expect(after[mrr][ownerCol]).toBe('Bea Silva');
  // the dashboard's MRR card shows the sheet's target and owner
  const board = await sheetValues('KPI Dashboard');
  const card = board.find((r) => r[0] === 'MRR')!;
  expect(card).toContain(360000);
  expect(card).toContain('Bea Silva');

  // the sidebar's Goals step shows the goals as merged
  await sidebar().getByRole('button', { name: '5. Goals' }).click();
  const box = sidebar().locator('fieldset[data-kpi="mrr"]');
  expect(await box.getByLabel('Target').inputValue()).toBe('360000');
  expect(await box.getByLabel('Owner').inputValue()).toBe('Bea Silva');
  // and the CAC goal still as set: the sheet was not edited there
  expect(await sidebar().locator('fieldset[data-kpi="cac"]').getByLabel('Target').inputValue()).toBe('600');
});

it('saw no console errors', () => {
  expect(errors).toEqual([]);
});
