import { ErrorCode, KpiError } from '../core/errors';

const EXCEL_CODES: Record<ErrorCode, keyof typeof CustomFunctions.ErrorCode> = {
  '#VALUE!': 'invalidValue',
  '#DIV/0!': 'divisionByZero',
  '#NUM!': 'invalidNumber',
  '#N/A': 'notAvailable',
};

/** Only #VALUE! and #N/A can carry a message in Excel; the others show the bare error. */
const TAKES_MESSAGE = new Set<ErrorCode>(['#VALUE!', '#N/A']);

export function toExcelError(error: KpiError): CustomFunctions.Error {
  const code = CustomFunctions.ErrorCode[EXCEL_CODES[error.code]];
  return TAKES_MESSAGE.has(error.code) ? new CustomFunctions.Error(code, error.message) : new CustomFunctions.Error(code);
}
