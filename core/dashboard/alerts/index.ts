/** Alerts: thresholds from goals, anomaly checks, breaches as data, digests (pure). Hosts wire triggers and mail. */
export * from './labels';
export * from './threshold';
export * from './check';
export * from './digest';
export * from './recipients';
export * from './from-dashboard';
