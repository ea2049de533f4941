import { KpiFunction } from '../../core/registry/types';

/**
 * Excel's custom functions metadata, written from the registry rather than parsed back out of
 * JSDoc (custom-functions-metadata), so both hosts read one source. Every parameter is `any`:
 * the core reads and checks values itself and gives a message Excel's own coercion would not.
 */
export function functionsJson(functions: readonly KpiFunction[], helpBase: string): string {
  const metadata = {
    allowErrorForDataTypeAny: true,
    functions: functions.map((fn) => ({
      id: fn.name,
      name: fn.name,
      description: fn.help,
      helpUrl: `${helpBase}#kp-fn-${fn.name.toLowerCase()}`, // the entry's id in sidebar/function-help.ts
      result:
        fn.result === 'table'
          ? { type: 'any', dimensionality: 'matrix' }
          : { type: fn.result === 'number' ? 'number' : 'string', dimensionality: 'scalar' },
      parameters: fn.params.map((p) => ({
        name: p.name,
        description: p.description,
        type: 'any',
        dimensionality: p.kind === 'range' ? 'matrix' : 'scalar',
        ...(p.optional ? { optional: true } : {}),
      })),
    })),
  };
  return JSON.stringify(metadata, null, 2) + '\n';
}
