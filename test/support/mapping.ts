import { detectMapping } from '../../core/dashboard/mapping';
import { DataMapping } from '../../core/dashboard/setup';

/** The mapping the sidebar proposes for these sheets (first row as headers), as a user who accepts it gets. */
export function mappingOf(sheets: Readonly<Record<string, readonly (readonly unknown[])[]>>): DataMapping {
  return detectMapping(Object.entries(sheets).map(([name, rows]) => ({ name, headers: rows[0] as unknown[], rows: rows.length - 1 })))
    .mapping;
}
