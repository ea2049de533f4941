import { fill, tr } from '../i18n';
import { ExtraSheetRole, PlannedSheet } from '../plan';
import { attributionMissing, attributionSheet } from './attribution';
import { commissionsMissing, commissionsSheet } from './commissions';
import { ExtraContext } from './common';
import { customersMissing, customersSheet } from './customers';
import { XL } from './labels';

export * from './setup';
export { EXTRA_SHEET_DATA } from './fields';
export type { ExtraContext } from './common';

/** The extra sheets the setup asks for, in role order; an extra whose data is not mapped is skipped with an 'extra_skipped' notice. */
export function planExtras(ctx: ExtraContext): PlannedSheet[] {
  const x = ctx.setup.extras;
  if (!x) return [];
  const out: PlannedSheet[] = [];
  const add = (role: ExtraSheetRole, missing: string[], build: () => PlannedSheet) => {
    if (missing.length === 0) out.push(build());
    else
      ctx.notices.push({
        code: 'extra_skipped',
        level: 'warning',
        sheet: role,
        text: fill(tr(XL.extraSkipped, ctx.locale), { sheet: ctx.names[role]!, fields: missing.join(', ') }),
      });
  };
  if (x.attribution) add('attribution', attributionMissing(ctx), () => attributionSheet(ctx));
  if (x.customers) add('customers', customersMissing(ctx), () => customersSheet(ctx));
  if (x.commissions) {
    const plan = x.commissions;
    add('commissions', commissionsMissing(ctx), () => commissionsSheet(ctx, plan));
  }
  return out;
}

/** Roles the setup's extras ask for (planned or skipped), so name collisions are reported only for those. */
export function requestedExtraRoles(ctx: Pick<ExtraContext, 'setup'>): ExtraSheetRole[] {
  const x = ctx.setup.extras;
  const roles: ExtraSheetRole[] = [];
  if (x?.attribution) roles.push('attribution');
  if (x?.customers) roles.push('customers');
  if (x?.commissions) roles.push('commissions');
  return roles;
}
