import { KpiFunction } from './types';

/** `CAC(marketing_spend, new_customers, [sales_spend])`, with defaults where there are some. */
export function signature(fn: KpiFunction): string {
  const params = fn.params.map((p) =>
    p.optional ? `[${p.name}${p.default !== undefined ? `=${JSON.stringify(p.default)}` : ''}]` : p.name,
  );
  return `${fn.name}(${params.join(', ')})`;
}
