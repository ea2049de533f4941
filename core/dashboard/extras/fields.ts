import type { DatasetId, FieldRef } from '../fields';
import type { ExtraSheetRole } from '../plan';
import { ATTRIBUTION_FIELDS } from './attribution';
import { COMMISSION_FIELDS } from './commissions';
import { CUSTOMER_FIELDS } from './customers';

/**
 * What each extra sheet reads: its dataset, the fields without which it is skipped, and the
 * optional fields it uses when mapped. The sidebar's mapping step and the planner read this one list.
 */
export const EXTRA_SHEET_DATA: Readonly<
  Record<ExtraSheetRole, { dataset: DatasetId; required: readonly FieldRef[]; optional: readonly FieldRef[] }>
> = {
  attribution: { dataset: 'touches', required: ATTRIBUTION_FIELDS, optional: ['touches.value'] },
  customers: { dataset: 'orders', required: CUSTOMER_FIELDS, optional: [] },
  commissions: { dataset: 'deals', required: COMMISSION_FIELDS, optional: [] },
};
