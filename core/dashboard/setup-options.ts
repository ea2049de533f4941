/** The dashboard's options (DashboardSetup.options) and their defaults, apart from setup.ts so a reader of setups carries only these. */
export interface SetupOptions {
  /** Gross margin used by LTV, CAC payback and ROMI (fraction). */
  grossMargin: number;
  /** GOAL_STATUS tolerance: how far behind schedule still counts as At risk. */
  tolerance: number;
  /** Months in the trend table and charts (including the current one). */
  trendPeriods: number;
  /** Look-back of NRR and GRR in months. */
  nrrMonths: number;
  /** COUNTIFS patterns (wildcards allowed, case-insensitive) for won and lost deals in deals.outcome. */
  wonPattern: string;
  lostPattern: string;
  /** Channel pattern of referral leads. */
  referralPattern: string;
}

export const DEFAULT_OPTIONS: SetupOptions = {
  grossMargin: 1,
  tolerance: 0.1,
  trendPeriods: 12,
  nrrMonths: 12,
  wonPattern: '*won*',
  lostPattern: '*lost*',
  referralPattern: '*referr*',
};

/** The setup's options, each one it leaves out at its default. */
export function optionsOf(setup: { readonly options?: Partial<SetupOptions> }): SetupOptions {
  return { ...DEFAULT_OPTIONS, ...(setup.options ?? {}) };
}
