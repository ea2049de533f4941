import { Browser, Page } from 'playwright-core';
import { generateSample } from '../../playground/sample/company';
import { engineValues, gridCell, usePlayground } from '../support/browser';

/**
 * The playground as a spreadsheet, end to end in headless Chromium: autocomplete and argument
 * hints, plain-word errors, point-and-click ranges, TSV copy and paste, fill, Ctrl+arrows,
 * undo/redo, number formats, the workbook kept across reloads, keyboard exits, French.
 */
jest.setTimeout(240000);

let browser: Browser;
let url: string;
let page: Page;
let errors: string[];
const sample = generateSample();
const marketing = sample.sheets.Marketing;

usePlayground((s) => ({ browser, url, page, errors } = s));

const cell = (row: number, col: number, p: Page = page) => gridCell(p, row, col);
const openSheet = (name: string, p: Page = page) => p.locator('#tabs').getByRole('tab', { name, exact: true }).click();
async function typeInto(row: number, col: number, text: string): Promise<void> {
  await cell(row, col).click();
  await page.fill('#formula', text);
  await page.press('#formula', 'Enter');
}
const focused = (p: Page = page) => p.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
const sheetValues = (name: string, p: Page = page) => engineValues(p, name);
const formulaAt = (name: string, row: number, col: number) =>
  page.evaluate(
    ([n, r, c]) => {
      const wb = (
        window as unknown as {
          kpiPilot: { workbook: { hf: { getCellFormula(a: object): string | undefined; getSheetId(s: string): number } } };
        }
      ).kpiPilot.workbook;
      return wb.hf.getCellFormula({ sheet: wb.hf.getSheetId(n as string), row: r, col: c });
    },
    [name, row, col] as const,
  );

it('suggests functions with their signature as =KPI is typed, and hints the argument of =KPI_BY(', async () => {
  await openSheet('Marketing');
  await cell(1, 9).click();
  await page.keyboard.type('=KPI');
  const options = page.locator('#suggestions [role="option"]');
  expect(await page.locator('#suggestions').isVisible()).toBe(true);
  const names = await options.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.name));
  expect(names).toEqual(expect.arrayContaining(['KPI_BY', 'KPI_FORECAST']));
  expect(await page.locator('#suggestions li[data-name="KPI_BY"] .sig').textContent()).toMatch(/^KPI_BY\(kpi, groups, /);
  // the engine's functions are there too
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('SUMI');
  expect(await options.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.name))).toEqual(
    expect.arrayContaining(['SUMIF', 'SUMIFS']),
  );
  // accept with the keyboard: the name and its bracket, then the argument hint with allowed values
  await page.fill('#formula', '');
  await page.keyboard.type('=KPI_B');
  await page.keyboard.press('Enter');
  expect(await page.inputValue('#formula')).toBe('=KPI_BY(');
  const hint = page.locator('#hint');
  expect(await hint.locator('.current').textContent()).toBe('kpi');
  expect(await hint.textContent()).toContain('Allowed values: "cac", "cpl"');
  await page.keyboard.type('"cpl", ');
  expect(await hint.locator('.current').textContent()).toBe('groups');
  await page.keyboard.press('Escape'); // cancels the edit: the cell stays empty, focus back on the grid
  expect(await focused()).toBe('grid');
  expect(await cell(1, 9).textContent()).toBe('');
});

it('inserts ranges by point-and-click while a formula is edited, also from another sheet', async () => {
  await cell(1, 9).click();
  await page.keyboard.type('=CAC(');
  await cell(1, 2).click(); // C2
  expect(await page.inputValue('#formula')).toBe('=CAC(C2');
  // a drag makes it a range
  await cell(1, 2).hover();
  await page.mouse.down();
  await cell(24, 2).hover();
  await page.mouse.up();
  expect(await page.inputValue('#formula')).toBe('=CAC(C2:C25');
  await page.keyboard.type(', ');
  await cell(1, 5).click();
  expect(await page.inputValue('#formula')).toBe('=CAC(C2:C25, F2');
  await page.keyboard.type(':F25)');
  await page.keyboard.press('Enter');
  expect(await formulaAt('Marketing', 1, 9)).toBe('=CAC(C2:C25, F2:F25)');
  // C2:C25 and F2:F25 are the first 24 rows of the sample (5 channels × ~5 months): plain sums here
  const rows = marketing.slice(1, 25);
  const spend = rows.reduce((t, r) => t + (r[2] as number), 0);
  const customers = rows.reduce((t, r) => t + (r[5] as number), 0);
  expect(await cell(1, 9).textContent()).toBe(
    (spend / customers).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  );

  // pointing into another sheet: the tab switches the view, the edit goes on
  await cell(2, 9).click();
  await page.keyboard.type('=SUM(');
  await openSheet('Deals');
  await cell(1, 4).click();
  await page.keyboard.type(')');
  expect(await page.inputValue('#formula')).toBe("=SUM('Deals'!E2)");
  await page.keyboard.press('Enter');
  expect(await page.locator('#tabs [aria-selected="true"]').textContent()).toBe('Marketing');
  expect(await formulaAt('Marketing', 2, 9)).toBe('=SUM(Deals!E2)'); // the engine drops needless quotes
  expect(Number(await cell(2, 9).textContent())).toBe(sample.sheets.Deals[1][4]);
});

it('says what is wrong in plain words: missing bracket, unknown name, argument count', async () => {
  await typeInto(3, 9, '=CAC(C2:C25, F2:F25');
  await cell(3, 9).click();
  expect(await page.textContent('#message')).toContain('A ")" is missing at the end');
  expect(await page.textContent('#message')).not.toContain('RParen');
  await typeInto(4, 9, '=CAV(C2:C25, F2:F25)');
  expect(await cell(4, 9).getAttribute('title')).toBe('Unknown function CAV. Did you mean CAC?');
  await typeInto(5, 9, '=CAC(C2:C25)');
  expect(await cell(5, 9).getAttribute('title')).toBe(
    'CAC takes 2 to 3 arguments, this call has 1: CAC(marketing_spend, new_customers, [sales_spend])',
  );
});

it('pastes a TSV block as Sheets and Excel copy it, and copies a range as TSV', async () => {
  await page.getByRole('button', { name: 'Add sheet' }).click();
  await page.getByLabel('New sheet name').fill('Plan');
  await page.keyboard.press('Enter');
  await cell(0, 0).click();
  const tsv = 'Month\tSpend\tLeads\r\n2026-01-01\t1,200.50\t40\r\n2026-02-01\t900\t"3""0"\r\n';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.getElementById('grid')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, tsv);
  const values = await sheetValues('Plan');
  expect(values[0]).toEqual(['Month', 'Spend', 'Leads']);
  expect(values[1][1]).toBe(1200.5);
  expect(values[1][2]).toBe(40);
  expect(values[2][2]).toBe('3"0');
  expect(await cell(1, 0).textContent()).toBe('2026-01-01'); // read as a date
  // copy B1:C2 (Shift+arrows) as TSV
  await cell(0, 1).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  const copied = await page.evaluate(() => {
    const data = new DataTransfer();
    document.getElementById('grid')!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true }));
    return data.getData('text/plain');
  });
  expect(copied).toBe('Spend\tLeads\n1200.5\t40');
});

it('pastes a large block in slices, showing its progress', async () => {
  // 6,000 rows × 3 columns: the grid writes it in slices and says how far it is
  await page.getByRole('button', { name: 'Add sheet' }).click();
  await page.getByLabel('New sheet name').fill('Big');
  await page.keyboard.press('Enter');
  await cell(0, 0).click();
  const seen = await page.evaluate(async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `r${i + 1}\t${i + 1}\t${(i + 1) * 0.5}`).join('\n');
    const busy = document.getElementById('busy')!;
    const texts: string[] = [];
    new MutationObserver(() => texts.push(busy.textContent ?? '')).observe(busy, { childList: true, characterData: true, subtree: true });
    const data = new DataTransfer();
    data.setData('text/plain', rows);
    document.getElementById('grid')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    while (!/^$/.test(busy.textContent ?? '') || texts.length === 0) await new Promise((ok) => setTimeout(ok, 20));
    return { texts };
  });
  expect(seen.texts.some((t) => /^Working… \d+%$/.test(t))).toBe(true);
  const values = await sheetValues('Big');
  expect(values.length).toBe(6000);
  expect(values[5999]).toEqual(['r6000', 6000, 3000]);
  await openSheet('Plan');
});

it('fills down with relative references, jumps with Ctrl+arrows, undoes and redoes', async () => {
  // D2 = B2*2, filled to D3:D3 by Ctrl+D over D2:D3
  await typeInto(1, 3, '=B2*2');
  await cell(1, 3).click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+d');
  expect(await formulaAt('Plan', 2, 3)).toBe('=B3*2');
  expect(await cell(2, 3).textContent()).toBe('1800'); // 900 × 2
  // 24 forecast rows from one formula: E2 = $B$2 + A-row offset; fill E2:E25
  await typeInto(1, 4, '=$B$2+ROW(E2)');
  await cell(1, 4).click();
  for (let i = 0; i < 23; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Control+d');
  expect(await formulaAt('Plan', 24, 4)).toBe('=$B$2+ROW(E25)');
  expect(await cell(24, 4).textContent()).toBe('1225.5'); // 1200.5 + 25
  // Ctrl+Down from the top of a block lands on its last cell, Ctrl+Up back
  await cell(1, 4).click();
  await page.keyboard.press('Control+ArrowDown');
  expect(await page.textContent('#address')).toBe('E25');
  await page.keyboard.press('Control+ArrowUp');
  expect(await page.textContent('#address')).toBe('E2');
  await page.keyboard.press('Control+ArrowUp');
  expect(await page.textContent('#address')).toBe('E1'); // nothing filled above: the sheet's top
  await cell(0, 0).click();
  await page.keyboard.press('Control+ArrowRight');
  expect(await page.textContent('#address')).toBe('C1'); // the end of the header row
  // undo the fill, then redo it
  await page.keyboard.press('Control+z');
  expect(await formulaAt('Plan', 24, 4)).toBeUndefined();
  await page.keyboard.press('Control+y');
  expect(await formulaAt('Plan', 24, 4)).toBe('=$B$2+ROW(E25)');
});

it('formats numbers from the registry (CAC money, ROMI percent) and from the toolbar', async () => {
  await openSheet('Marketing');
  // ROMI of the 24 rows: revenue G, spend C, margin 1: (revenue − spend) / spend
  await typeInto(6, 9, '=ROMI(G2:G25, C2:C25)');
  const rows = marketing.slice(1, 25);
  const spend = rows.reduce((t, r) => t + (r[2] as number), 0);
  const revenue = rows.reduce((t, r) => t + (r[6] as number), 0);
  expect(await cell(6, 9).textContent()).toBe(`${(((revenue - spend) / spend) * 100).toFixed(1)}%`);
  // toolbar: one more decimal, then currency on a plain number
  await cell(6, 9).click();
  await page.getByRole('button', { name: 'More decimals' }).click();
  expect(await cell(6, 9).textContent()).toBe(`${(((revenue - spend) / spend) * 100).toFixed(2)}%`);
  await typeInto(7, 9, '1234.5');
  await cell(7, 9).click();
  await page.getByRole('button', { name: 'Format as currency' }).click();
  expect(await cell(7, 9).textContent()).toBe('$1,234.50');
  await page.getByRole('button', { name: 'Format as percent' }).click();
  expect(await cell(7, 9).textContent()).toBe('123450.0%');
  await page.getByRole('button', { name: 'Undo (Ctrl+Z)' }).click();
  expect(await cell(7, 9).textContent()).toBe('$1,234.50');
});

it('keeps typed formulas, formats and a generated dashboard across a reload; Reset to sample starts over', async () => {
  const side = page.locator('#sidebar');
  await side.getByLabel('SaaS / tech').check();
  await side.getByRole('button', { name: '6. Generate' }).click();
  await side.getByRole('button', { name: 'Generate dashboard' }).click();
  await page.waitForFunction(() => /generated|Failed/.test(document.querySelector('#sidebar .kp-notices')?.textContent ?? ''), undefined, {
    timeout: 120000,
  });
  expect(await side.locator('.kp-notices').first().textContent()).toContain('generated');
  const dashboard = await sheetValues('KPI Dashboard');
  await page.waitForTimeout(500); // the save runs a moment after the last change
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const tabs = await page.locator('#tabs [role="tab"]').allTextContents();
  expect(tabs).toEqual(expect.arrayContaining(['Plan', 'KPI Dashboard', 'KPI Goals']));
  expect(await sheetValues('KPI Dashboard')).toEqual(dashboard);
  expect(await formulaAt('Marketing', 1, 9)).toBe('=CAC(C2:C25, F2:F25)');
  await openSheet('Marketing');
  expect(await cell(7, 9).textContent()).toBe('$1,234.50');
  expect(await page.locator('#tabs .generated').count()).toBeGreaterThanOrEqual(3);
  // regenerating after the reload rewrites the same sheets (found by their markers)
  await side.getByRole('button', { name: 'Generate dashboard' }).click();
  await page.waitForFunction(() => /generated|Failed/.test(document.querySelector('#sidebar .kp-notices')?.textContent ?? ''), undefined, {
    timeout: 120000,
  });
  expect((await page.locator('#tabs [role="tab"]').allTextContents()).filter((t) => t.startsWith('KPI Dashboard'))).toEqual([
    'KPI Dashboard',
  ]);

  page.once('dialog', (d) => void d.accept());
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Reset to sample' }).click()]);
  await page.waitForSelector('body[data-ready="true"]');
  expect(await page.locator('#tabs [role="tab"]').allTextContents()).toEqual([
    'Examples',
    'Marketing',
    'Subscriptions',
    'Deals',
    'Touchpoints',
    'Transactions',
  ]);
  expect(await formulaAt('Marketing', 1, 9)).toBeUndefined();
});

it('lets keyboard users out: Escape and Tab leave the grid, skip links reach the panel and the step buttons', async () => {
  // the first Tab of the page offers the skip links
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the grid');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the KPI Pilot panel');
  await page.keyboard.press('Enter');
  expect(await focused()).toBe('sidebar');
  await page.focus('#grid');
  await page.keyboard.press('Escape');
  expect(await focused()).not.toBe('grid');
  await page.focus('#grid');
  await page.keyboard.press('Tab');
  expect(await focused()).not.toBe('grid');
  await page.focus('#grid');
  await page.keyboard.press('Shift+Tab');
  expect(await focused()).not.toBe('grid');
  // in the Goals step, a skip link at the top of the step reaches Back / Next in two keys
  const side = page.locator('#sidebar');
  await side.getByRole('button', { name: '5. Goals' }).click();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to Back / Next');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Back');
  expect(await side.getByRole('navigation', { name: 'Step actions' }).count()).toBe(1);
  // every control has a name a screen reader can say
  const unnamed = await page.evaluate(() =>
    Array.from(document.querySelectorAll('button, input, select, textarea, [role="tab"]'))
      .filter((e) => !(e as HTMLElement).hidden && (e as HTMLElement).offsetParent !== null)
      .filter((e) => {
        const el = e as HTMLInputElement;
        const labelled =
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby') ||
          (el.labels && el.labels.length) ||
          el.textContent?.trim() ||
          el.title;
        return !labelled;
      })
      .map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(unnamed).toEqual([]);
});

it('speaks French with ?lang=fr: page, panel, function help and grid numbers', async () => {
  const fresh = await browser.newContext({ viewport: { width: 1400, height: 900 } }); // English browser, French by the address
  const p = await fresh.newPage();
  await p.goto(`${url}?lang=fr`);
  await p.waitForSelector('body[data-ready="true"]');
  expect(await p.getAttribute('html', 'lang')).toBe('fr');
  expect(await p.getByRole('button', { name: 'Revenir à l’exemple' }).count()).toBe(1);
  expect(await p.getByRole('tab', { name: 'Fonctions' }).count()).toBe(1);
  expect(await p.getByLabel('Prêt à partager').count()).toBe(1);
  expect(await p.getByRole('button', { name: 'Télécharger le classeur' }).count()).toBe(1);
  expect(await p.locator('#sidebar h2').textContent()).toBe('Modèle');
  await openSheet('Marketing', p);
  await cell(1, 9, p).click();
  await p.fill('#formula', '=ROMI(G2:G25, C2:C25)');
  await p.press('#formula', 'Enter');
  const rows = marketing.slice(1, 25);
  const spend = rows.reduce((t, r) => t + (r[2] as number), 0);
  const revenue = rows.reduce((t, r) => t + (r[6] as number), 0);
  expect(await cell(1, 9, p).textContent()).toBe(`${(((revenue - spend) / spend) * 100).toFixed(1).replace('.', ',')}\u202f%`);
  await cell(2, 9, p).click();
  await p.fill('#formula', '1234,5');
  await p.press('#formula', 'Enter');
  expect(await cell(2, 9, p).textContent()).toBe('1234,5');
  await cell(3, 9, p).click();
  await p.keyboard.type('=KPI_B');
  await p.keyboard.press('Enter');
  expect(await p.textContent('#hint')).toContain('Valeurs permises');
  await fresh.close();
});

it("gives drawings over the grid a layer and each cell's box", async () => {
  const geometry = await page.evaluate(() => {
    const grid = (
      window as unknown as {
        kpiPilot: {
          grid: { overlay: HTMLElement; cellBox(r: number, c: number): { left: number; top: number; width: number; height: number } };
        };
      }
    ).kpiPilot.grid;
    const a = grid.cellBox(2, 1);
    const b = grid.cellBox(3, 2); // one row down, one column right
    return { inGrid: grid.overlay.parentElement?.id, a, b };
  });
  expect(geometry.inGrid).toBe('grid');
  expect(geometry.a.width).toBeGreaterThan(0);
  expect(geometry.b.top).toBe(geometry.a.top + geometry.a.height);
  expect(geometry.b.left).toBe(geometry.a.left + geometry.a.width);
});

it('saw no console errors', () => {
  expect(errors).toEqual([]);
});
