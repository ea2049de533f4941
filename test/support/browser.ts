import { existsSync } from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { join } from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { handler } from '../../scripts/serve';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for Debian's Chromium here: headless, as root, and no calls home (the network is closed). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Serves dist/playground on a free port, as `npm start` does. */
export async function servePlayground(): Promise<{ server: Server; url: string }> {
  const server = createServer(handler(join(__dirname, '../../dist/playground')));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** Opens the playground and collects console errors and page errors. */
export async function openPlayground(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, errors };
}

/** A served playground and a Chromium to browse it, started once per test file. */
export interface PlaygroundSession {
  readonly server: Server;
  readonly url: string;
  readonly browser: Browser;
  /** The playground page, open and ready (absent with `open: false`). */
  readonly page: Page;
  /** Console and page errors the open page reported. */
  readonly errors: string[];
}

/**
 * The start-up every browser test shares: serves dist/playground, launches Chromium and (unless
 * `open` is false) opens the playground, before the file's tests; closes both after them.
 * `ready` receives the session (to keep its parts in the file's variables) and may prepare more.
 */
export function usePlayground(
  ready: (session: PlaygroundSession) => unknown,
  { open = true, timeout = 60000 }: { open?: boolean; timeout?: number } = {},
): void {
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const served = await servePlayground();
    server = served.server;
    browser = await launch();
    const opened = open ? await openPlayground(browser, served.url) : { page: undefined as unknown as Page, errors: [] };
    await ready({ server, url: served.url, browser, ...opened });
  }, timeout);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
}

/** A cell of the playground's grid, by its 0-based row and column (the grid's data attributes). */
export function gridCell(page: Page, row: number, col: number) {
  return page.locator(`#grid td[data-row="${row}"][data-col="${col}"]`);
}

/**
 * A sheet's computed values as the playground's engine holds them, read in the page. An error
 * comes back as HyperFormula's error object, or as its text ("#VALUE!") with `errorsAsText`.
 */
export function engineValues(page: Page, sheet: string, errorsAsText = false): Promise<unknown[][]> {
  return page.evaluate(
    ([name, asText]) => {
      const wb = (
        window as unknown as { kpiPilot: { workbook: { hf: { getSheetValues(id: number): unknown[][]; getSheetId(n: string): number } } } }
      ).kpiPilot.workbook;
      const values = wb.hf.getSheetValues(wb.hf.getSheetId(name));
      return asText
        ? values.map((row) => row.map((v) => (v !== null && typeof v === 'object' ? String((v as { value: unknown }).value) : v)))
        : values;
    },
    [sheet, errorsAsText] as const,
  );
}
