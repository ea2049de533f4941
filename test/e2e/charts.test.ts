/**
 * Chromium: the plan's charts are drawn over the playground's grid (playground/ui/charts.ts), a
 * line per KPI card on the dashboard and the Attribution comparison as clustered columns, each
 * plotting the numbers in its ranges. Screenshots are kept in artifacts/.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { Page } from 'playwright-core';
import { DashboardSetup } from '../../core/dashboard/setup';
import { generateSample } from '../../playground/sample/company';
import { usePlayground } from '../support/browser';
import { mappingOf } from '../support/mapping';

jest.setTimeout(240000);

const sample = generateSample();
const MAPPING = mappingOf(sample.sheets);
const SETUP: DashboardSetup = {
  v: 1,
  locale: 'en',
  kpis: ['mrr', 'cac', 'win_rate', 'arpa'],
  mapping: MAPPING,
  goals: [],
  extras: { attribution: true },
};
const ARTIFACTS = join(__dirname, '../../artifacts');

let page: Page;
let errors: string[];

usePlayground(
  async (s) => {
    ({ page, errors } = s);
    await page.evaluate(
      async (setup) => {
        const k = (window as unknown as { kpiPilot: { bridge: { generate(s: unknown, asOf: string): Promise<unknown> } } }).kpiPilot;
        await k.bridge.generate(setup, '2026-10-31');
      },
      SETUP as unknown as Record<string, unknown>,
    );
  },
  { timeout: 180000 },
);

/** For each drawn chart: its type, title, and the number of plotted points (line vertices or bars). */
async function drawn(): Promise<{ type: string; title: string; points: number }[]> {
  return page.$$eval('#grid .kp-chart', (boxes) =>
    boxes.map((b) => {
      const paths = Array.from(b.querySelectorAll('.ct-line')).map(
        (p) => (p.getAttribute('d') ?? '').split(/[ML]/).filter((x) => x.trim()).length,
      );
      return {
        type: (b as HTMLElement).dataset.chartType ?? '',
        title: b.querySelector('h4')?.textContent ?? '',
        points: paths.reduce((a, n) => a + n, 0) + b.querySelectorAll('.ct-bar').length,
      };
    }),
  );
}

it('draws one trend line per KPI card over the dashboard, twelve months each', async () => {
  await page.waitForFunction(() => document.querySelectorAll('#grid .kp-chart .ct-line').length >= 4, undefined, { timeout: 60000 });
  expect(await drawn()).toEqual([
    { type: 'line', title: 'MRR', points: 12 },
    { type: 'line', title: 'Customer acquisition cost', points: 12 },
    { type: 'line', title: 'Win rate', points: 12 },
    { type: 'line', title: 'ARPA', points: 12 },
  ]);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.locator('#grid').screenshot({ path: join(ARTIFACTS, 'playground-charts.png') });
});

it('draws the Attribution comparison as clustered columns with a legend of the seven models', async () => {
  await page.locator('#tabs [role="tab"]', { hasText: 'Attribution' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#grid .kp-chart .ct-bar').length > 0, undefined, { timeout: 60000 });
  const [chart] = await drawn();
  expect(chart.type).toBe('column');
  expect(chart.points).toBeGreaterThanOrEqual(7); // at least one channel with a bar per model
  expect(await page.locator('#grid .kp-chart-legend span').allTextContents()).toEqual([
    'First touch',
    'Last touch',
    'Linear',
    'Position (40/20/40)',
    'Time decay',
    'Markov',
    'Shapley',
  ]);
  await page.locator('#grid').screenshot({ path: join(ARTIFACTS, 'playground-attribution-chart.png') });
  expect(errors).toEqual([]);
});
