import { Browser, Page } from 'playwright-core';
import { generateSample } from '../../playground/sample/company';
import { call, col } from '../support/call';
import { usePlayground } from '../support/browser';

/**
 * Baselines from the data in the playground, headless Chromium: on the sample company the Goals
 * step opens with each KPI's baseline pre-filled from the mapped data and says which month it is
 * of; NRR's equals the NRR function run here on the ledger rows; a baseline the manager types is
 * kept; the achievable check judges on the 24 months of data instead of "not enough history".
 */
jest.setTimeout(180000);

const sample = generateSample();
const ledger = sample.sheets.Subscriptions.slice(1);
const nrr = (start: string, end: string) =>
  call('NRR', col(...ledger.map((r) => r[0])), col(...ledger.map((r) => r[1])), col(...ledger.map((r) => r[2])), start, end) as number;
const mrrOf = (month: string) => ledger.filter((r) => r[1] === month).reduce((t, r) => t + (r[2] as number), 0);

let browser: Browser;
let page: Page;
let errors: string[];

usePlayground((s) => ({ browser, page, errors } = s));

const sidebar = () => page.locator('#sidebar');
const goal = (kpi: string) => sidebar().locator(`fieldset[data-kpi="${kpi}"]`);
const hint = (kpi: string) => sidebar().locator(`.kp-baseline-from[data-kpi="${kpi}"]`);

it('pre-fills every baseline of the SaaS goals from the sample data, NRR as the NRR function gives it', async () => {
  await sidebar().getByLabel('SaaS / tech').check();
  for (let i = 0; i < 4; i++) await sidebar().getByRole('button', { name: 'Next' }).click();
  expect(await sidebar().getByRole('heading', { level: 2 }).textContent()).toBe('Goals');
  // the playground's today is 2026-10-31: October 2026 is the last full month
  await page.waitForFunction(
    () => /October 2026/.test(document.querySelector('.kp-baseline-from[data-kpi="nrr"]')?.textContent ?? ''),
    undefined,
    { timeout: 60000 },
  );
  expect(await hint('nrr').textContent()).toBe('from your data, October 2026');
  const shown = Number(
    await goal('nrr')
      .getByLabel(/^Baseline/)
      .inputValue(),
  );
  expect(Math.abs(shown - 100 * nrr('2025-10-01', '2026-10-01'))).toBeLessThan(1e-4); // typed in percent
  expect(
    Number(
      await goal('mrr')
        .getByLabel(/^Baseline/)
        .inputValue(),
    ),
  ).toBeCloseTo(mrrOf('2026-10-01'), 6);
  for (const kpi of ['mrr_churn', 'cac', 'ltv', 'lead_to_opp', 'cpl'])
    expect(
      await goal(kpi)
        .getByLabel(/^Baseline/)
        .inputValue(),
    ).not.toBe('');
});

it('follows the start date, keeps a typed baseline, and judges achievability on the data', async () => {
  // NRR starting 1 October 2026: its baseline is September's
  await goal('nrr').getByLabel('Start').fill('2026-10-01');
  await page.waitForFunction(() => /September 2026/.test(document.querySelector('.kp-baseline-from[data-kpi="nrr"]')?.textContent ?? ''));
  const september = Number(
    await goal('nrr')
      .getByLabel(/^Baseline/)
      .inputValue(),
  );
  expect(Math.abs(september - 100 * nrr('2025-09-01', '2026-09-01'))).toBeLessThan(1e-4);
  await goal('nrr')
    .getByLabel(/^Target/)
    .fill(String(Math.round(september + 5)));
  await goal('nrr').getByLabel('End').fill('2027-03-31');
  await goal('nrr').getByLabel('Owner').fill('Ana');
  const feedback = await goal('nrr').locator('.kp-messages').textContent();
  expect(feedback).not.toContain('Not enough history');
  expect(feedback).toMatch(/Achievable|Stretch goal|far beyond|never moved/);

  // the manager types MRR's baseline: it is theirs, and a new start date does not replace it
  await goal('mrr')
    .getByLabel(/^Baseline/)
    .fill('250000');
  expect(await hint('mrr').textContent()).toBe('');
  await goal('mrr').getByLabel('Start').fill('2026-06-01');
  expect(
    await goal('mrr')
      .getByLabel(/^Baseline/)
      .inputValue(),
  ).toBe('250000');
  // leaving the step and coming back keeps both
  await sidebar().getByRole('button', { name: '6. Generate' }).click();
  await sidebar().getByRole('button', { name: '5. Goals' }).click();
  expect(
    await goal('mrr')
      .getByLabel(/^Baseline/)
      .inputValue(),
  ).toBe('250000');
  expect(
    Number(
      await goal('nrr')
        .getByLabel(/^Baseline/)
        .inputValue(),
    ),
  ).toBeCloseTo(september, 6);
  expect(await hint('nrr').textContent()).toBe('from your data, September 2026');
  expect(errors).toEqual([]);
});
