/** Shared set-up of the Apps Script host tests: the fake installed as globals, sample setups and data. */
import { serialFromYmd } from '../../core/args/cells';
import { DashboardSetup } from '../../core/dashboard/setup';
import { template, TemplateId } from '../../core/dashboard/templates';
import { MAPPING, SHEETS } from '../fixtures/dashboard/company';
import { FakeOptions, FakeSheets } from '../fakes/spreadsheet-app';

export { AS_OF } from '../fixtures/dashboard/company';

/** A template's setup over the sample company, with one goal, as the sidebar would send it. */
export function sampleSetup(id: TemplateId = 'saas', extra: Partial<DashboardSetup> = {}): DashboardSetup {
  const kpis = [...template(id).kpis];
  return {
    v: 1,
    locale: 'en',
    template: id,
    kpis,
    mapping: MAPPING,
    goals: [{ kpi: kpis[0], baseline: 100, target: 200, start: '2026-01-01', end: '2026-12-31', owner: 'Ana', frequency: 'monthly' }],
    ...extra,
  };
}

/** The fake with the sample company's sheets (dates as day serials with a date format, as Sheets holds them), installed as globals. */
export function sampleWorkbook(options: FakeOptions = {}, rowsPerSheet?: number): { fake: FakeSheets; uninstall: () => void } {
  const fake = new FakeSheets(options);
  for (const [name, rows] of Object.entries(SHEETS)) fake.addSheet(name, rowsPerSheet ? grow(rows, rowsPerSheet) : rows);
  const uninstall = fake.install();
  return { fake, uninstall };
}

/** The sheet's header and its data rows repeated until there are `n` data rows. */
export function grow(rows: readonly (readonly unknown[])[], n: number): unknown[][] {
  const [header, ...data] = rows;
  const out: unknown[][] = [[...header]];
  for (let i = 0; i < n; i++) out.push([...data[i % data.length]]);
  return out;
}

export const day = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number);
  return serialFromYmd(y, m - 1, d);
};

/** A small touchpoint export (journey, timestamp, channel, converted, value), made up for the extras tests. */
export const TOUCHES: unknown[][] = [
  ['Journey', 'Timestamp', 'Channel', 'Converted', 'Value'],
  ['u1', day('2026-02-01'), 'Ads', 0, 0],
  ['u1', day('2026-02-03'), 'Search', 1, 300],
  ['u2', day('2026-02-02'), 'Email', 0, 0],
  ['u2', day('2026-02-05'), 'Search', 1, 100],
  ['u3', day('2026-02-04'), 'Social', 0, 0],
];

/** Every extra sheet and alerts on, over the sample company plus a Touches sheet. */
export function allExtrasSetup(): DashboardSetup {
  return sampleSetup('saas', {
    mapping: {
      ...MAPPING,
      touches: { sheet: 'Touches', headerRow: 1, columns: { journey: 'A', timestamp: 'B', channel: 'C', converted: 'D', value: 'E' } },
    },
    extras: {
      attribution: true,
      customers: true,
      commissions: { quota: 10000, tiers: [0, 1], rates: [0.05, 0.08], method: 'retroactive' },
    },
    alerts: { enabled: true, email: true },
  });
}

/** The sample workbook with the Touches sheet too. */
export function extrasWorkbook(options: FakeOptions = {}, rowsPerSheet?: number): { fake: FakeSheets; uninstall: () => void } {
  const fake = new FakeSheets(options);
  for (const [name, rows] of Object.entries(SHEETS)) fake.addSheet(name, rowsPerSheet ? grow(rows, rowsPerSheet) : rows);
  fake.addSheet('Touches', rowsPerSheet ? grow(TOUCHES, rowsPerSheet) : TOUCHES);
  const uninstall = fake.install();
  return { fake, uninstall };
}
