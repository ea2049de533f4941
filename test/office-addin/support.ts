/**
 * Shared setup of the Excel host tests and bench: the fake workbook (fake-excel.ts) as the Excel
 * global, and setups of the SaaS template over the hand-made company of test/fixtures/dashboard.
 * Office's common API comes from office-fake.ts (office-addin-mock) in tests, or plainOffice here.
 */
import { DashboardSetup } from '../../core/dashboard/setup';
import { template } from '../../core/dashboard/templates';
import { createExcelBridge } from '../../office-addin/dashboard/bridge';
import { ALL_EXTRAS, MAPPING, SHEETS, TOUCHES, TOUCHES_MAPPING } from '../fixtures/dashboard/company';
import { FakeWorkbook } from './fake-excel';

/** The SaaS template's 7 KPIs (MRR, MRR churn, NRR, CAC, LTV, lead-to-opportunity, CPL), one goal. */
export function saasSetup(locale: 'en' | 'fr' = 'en'): DashboardSetup {
  return {
    v: 1,
    locale,
    template: 'saas',
    kpis: [...template('saas').kpis],
    mapping: MAPPING,
    goals: [{ kpi: 'mrr', baseline: 400, target: 600, start: '2026-01-01', end: '2026-06-30', owner: 'Ana', frequency: 'monthly' }],
  };
}

/** A workbook holding the fixture company's four data sheets (and the Touches sheet when asked). */
export function companyWorkbook(touches = false): FakeWorkbook {
  const book = new FakeWorkbook();
  for (const [name, rows] of Object.entries(SHEETS)) book.addSheet(name, rows);
  if (touches) book.addSheet('Touches', TOUCHES);
  return book;
}

/**
 * The same four data sheets with `n` data rows each (for sync counts that must not grow with the
 * data). Values are arbitrary but typed like real exports: dates as day serials, numbers, text.
 */
export function bigWorkbook(n: number): FakeWorkbook {
  const book = new FakeWorkbook();
  const start = 45658; // 2025-01-01
  const day = (i: number) => start + (i % 450);
  const rows = (header: string[], make: (i: number) => unknown[]) => [header, ...Array.from({ length: n }, (_, i) => make(i))];
  book.addSheet(
    'Marketing',
    rows(SHEETS.Marketing[0] as string[], (i) => [
      day(i),
      i % 3 ? 'Ads' : 'Referral',
      100 + (i % 50),
      5 + (i % 7),
      1 + (i % 3),
      i % 2,
      300 + (i % 90),
      500 + (i % 100),
      40,
    ]),
  );
  book.addSheet(
    'Subscriptions',
    rows(SHEETS.Subscriptions[0] as string[], (i) => [`C${i % 997}`, day(i) - (day(i) % 30), 50 + (i % 40)]),
  );
  book.addSheet(
    'Deals',
    rows(SHEETS.Deals[0] as string[], (i) => [
      `D${i}`,
      i % 2 ? 'Ana' : 'Ben',
      day(i),
      day(i) + 20,
      1000 + (i % 500),
      i % 3 ? 'Closed Won' : 'Closed Lost',
    ]),
  );
  book.addSheet(
    'Orders',
    rows(SHEETS.Orders[0] as string[], (i) => [day(i), `O${i}`, `C${i % 997}`, 20 + (i % 80)]),
  );
  return book;
}

/** A bridge over a fake workbook and Office fake, with a fixed clock (2026-03-15 noon, local time). */
export function bridgeFor(book: FakeWorkbook, office: { office: typeof Office }) {
  return createExcelBridge({ excel: book.Excel as unknown as typeof Excel, office: office.office, now: () => new Date(2026, 2, 15, 12) });
}

/** Office's common API as a plain object (for the bench, which runs outside jest). */
export function plainOffice(displayLanguage = 'en-US'): { office: typeof Office } {
  const store: Record<string, unknown> = {};
  const settings = {
    get: (n: string) => store[n] ?? null,
    set: (n: string, v: unknown) => void (store[n] = v),
    saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
  };
  return { office: { context: { displayLanguage, document: { settings } } } as unknown as typeof Office };
}

/** Every extra sheet and alerts on: the SaaS setup plus a Touches sheet, commissions with two tiers. */
export function allExtrasSetup(): DashboardSetup {
  return { ...saasSetup(), mapping: { ...MAPPING, ...TOUCHES_MAPPING }, extras: ALL_EXTRAS, alerts: { enabled: true, email: false } };
}
