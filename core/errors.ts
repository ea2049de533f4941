/**
 * The one failure mode of the core: a thrown KpiError carrying a spreadsheet error code and a
 * message that tells the user what to fix. Hosts map it once (see apps-script/ and office-addin/).
 */
export type ErrorCode = '#VALUE!' | '#DIV/0!' | '#NUM!' | '#N/A';

export class KpiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KpiError';
  }
}

/** Wrong kind of input: text where a number belongs, bad sizes, unknown choice. */
export const valueError = (message: string): KpiError => new KpiError('#VALUE!', message);
/** A total used as a denominator is zero. */
export const divZeroError = (message: string): KpiError => new KpiError('#DIV/0!', message);
/** A number outside its valid domain, or a result that is not finite. */
export const numError = (message: string): KpiError => new KpiError('#NUM!', message);
/** Something looked up is absent (Excel's convention for size mismatches in FORECAST.ETS). */
export const naError = (message: string): KpiError => new KpiError('#N/A', message);
