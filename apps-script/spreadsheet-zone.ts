import { setDateZone } from '../core/args/cells';

/**
 * Sheets hands a custom function each date as the instant of midnight in the spreadsheet's time
 * zone, but an add-on's code runs in its own script zone: reading getDate() there can land on the
 * day before (Europe) or keep the right day by luck (Americas). So dates are read on the
 * spreadsheet's wall clock. Utilities.formatDate is a host call, so offsets are cached per hour
 * (zones change offset only on hour boundaries): a two-year ledger costs a few hundred calls.
 */
export function useSpreadsheetZone(): void {
  let zone: string;
  try {
    zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  } catch {
    return; // no spreadsheet (a script test run): keep the runtime's zone
  }
  const byHour = new Map<number, number>();
  setDateZone((d) => {
    const hour = Math.floor(d.getTime() / 3600000);
    let offset = byHour.get(hour);
    if (offset === undefined) {
      const z = Utilities.formatDate(d, zone, 'Z'); // "+0100", "-0500"
      offset = (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
      byHour.set(hour, offset);
    }
    return offset;
  });
}
