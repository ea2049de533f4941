import { FUNCTIONS } from '../core/functions';
import { callDefinition, toHostValue } from '../core/hosts';
import { EXCEL_GRID, setGridLimits } from '../core/registry/limits';
import { toExcelError } from './excel-errors';

/**
 * Excel's custom functions runtime loads this file (no DOM needed) and we associate every
 * registry function with its id in functions.json. Omitted optionals and blanks arrive as null,
 * dates as serial numbers; the core reads both.
 */
setGridLimits(EXCEL_GRID);
for (const fn of FUNCTIONS) {
  CustomFunctions.associate(fn.name, (...args: unknown[]) => {
    const outcome = callDefinition(fn, args);
    if (!outcome.ok) throw toExcelError(outcome.error);
    return toHostValue(outcome.value);
  });
}
