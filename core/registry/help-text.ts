import type { Locale } from '../dashboard/i18n';
import { FUNCTION_TEXT_FR } from './text-fr';
import { KpiFunction } from './types';

/** A function's one-line help in the locale; English when the French table lacks the function. */
export function functionHelp(fn: KpiFunction, locale: Locale): string {
  return (locale === 'fr' ? FUNCTION_TEXT_FR[fn.name]?.help : undefined) ?? fn.help;
}

/** An argument's meaning in the locale; English when the French table lacks the function or the argument. */
export function argumentHelp(fn: KpiFunction, argument: string, locale: Locale): string | undefined {
  const english = fn.params.find((p) => p.name === argument)?.description;
  if (locale !== 'fr') return english;
  const args = FUNCTION_TEXT_FR[fn.name]?.args;
  return (args && Object.prototype.hasOwnProperty.call(args, argument) ? args[argument] : undefined) ?? english;
}
