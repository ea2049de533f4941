import { mkdirSync, statSync } from 'fs';
import { join } from 'path';
import { Browser, Page } from 'playwright-core';
import { generateSample } from '../../playground/sample/company';
import { gridCell, usePlayground } from '../support/browser';

/** End to end in headless Chromium: the page a newcomer gets from `npm start`. */
let browser: Browser;
let page: Page;
let errors: string[];
const sample = generateSample(); // the generator's own totals are the expected values

usePlayground((s) => ({ browser, page, errors } = s));

const cell = (row: number, col: number) => gridCell(page, row, col);

async function openSheet(name: string): Promise<void> {
  await page.locator('#tabs').getByRole('tab', { name }).click();
}

async function typeInto(row: number, col: number, text: string): Promise<void> {
  await cell(row, col).click();
  await page.fill('#formula', text);
  await page.press('#formula', 'Enter');
}

it('loads with no console errors, the sample sheets, the sidebar and the function list one tab away', async () => {
  expect(errors).toEqual([]);
  const tabs = await page.locator('#tabs').getByRole('tab').allTextContents();
  expect(tabs).toEqual(['Examples', 'Marketing', 'Subscriptions', 'Deals', 'Touchpoints', 'Transactions']);
  expect(await page.locator('#sidebar h2').textContent()).toBe('Template');
  await page.getByRole('tab', { name: 'Functions' }).click();
  expect(await page.locator('.functions li').count()).toBeGreaterThanOrEqual(30);
  await page.getByRole('tab', { name: 'Dashboard' }).click();
  expect(await page.locator('#functions').isHidden()).toBe(true);
});

it('computes a =CAC() typed over the sample ranges', async () => {
  await openSheet('Marketing');
  await typeInto(1, 9, '=CAC(C2:C121, F2:F121)');
  const expected = sample.checks.find((c) => c.label.startsWith('CAC'))!.expected;
  // shown as money (the registry's unit for CAC), held in full precision
  expect(await cell(1, 9).textContent()).toBe(expected.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const held = await page.evaluate(() =>
    (window as unknown as { kpiPilot: { workbook: { hf: { getCellValue(a: object): number } } } }).kpiPilot.workbook.hf.getCellValue({
      sheet: 1,
      row: 1,
      col: 9,
    }),
  );
  expect(Math.abs(held - expected)).toBeLessThan(1e-6 * expected);
  await cell(1, 9).click();
  expect(await page.inputValue('#formula')).toBe('=CAC(C2:C121, F2:F121)');
});

it('shows an error with its message for bad input', async () => {
  await typeInto(2, 9, '=CAC(C2:C121, B2:B121)');
  expect(await cell(2, 9).textContent()).toBe('#VALUE!');
  expect(await cell(2, 9).getAttribute('title')).toBe('new_customers, row 1: "Search" is text, not a number');
  await cell(2, 9).click();
  expect(await page.textContent('#message')).toContain('new_customers, row 1: "Search" is text, not a number');
  await typeInto(3, 9, '=CPL(C2:C121, 0)');
  expect(await cell(3, 9).getAttribute('title')).toBe('leads sums to 0');
});

it('spills tables', async () => {
  await typeInto(5, 9, '=KPI_BY("CPL", B2:B121, C2:C121, D2:D121)');
  expect(await cell(5, 9).textContent()).toBe('Group');
  expect(await cell(6, 9).textContent()).toBe('Search');
  expect(await cell(10, 9).textContent()).toBe('Referral');
  expect(await cell(11, 9).textContent()).toBe('Total');
  const total = Number(await cell(11, 10).textContent());
  const cpl = sample.checks.find((c) => c.label.startsWith('CPL'))!.expected;
  expect(Math.abs(total - cpl)).toBeLessThan(1e-6 * cpl);
});

it('computes every Examples row without error and matching its expected value', async () => {
  await page.waitForSelector('body[data-examples="done"]'); // entered just after the first render
  await openSheet('Examples');
  const rows = await page.evaluate(() => {
    const wb = (
      window as unknown as {
        kpiPilot: { workbook: { size: (s: number) => { rows: number }; view: (a: object) => { display: string; error?: string } } };
      }
    ).kpiPilot.workbook;
    const out: string[][] = [];
    for (let row = 1; row < wb.size(0).rows; row++) {
      out.push(
        [0, 2, 3, 4].map((col) => {
          const v = wb.view({ sheet: 0, row, col });
          return v.error ? `${v.display} ${v.error}` : v.display;
        }),
      );
    }
    return out;
  });
  expect(rows.length).toBeGreaterThanOrEqual(30);
  const failures = rows.filter((r) => r[3] !== '✓');
  expect(failures).toEqual([]);
  // and the grid shows the same marks
  expect(await cell(1, 4).textContent()).toBe('✓');
});

it('keeps a screenshot as a test artifact', async () => {
  const dir = join(__dirname, '../../artifacts');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, 'playground.png') });
  expect(statSync(join(dir, 'playground.png')).size).toBeGreaterThan(20000); // a rendered page, not a blank one
});
