/** Share-ready workbooks: freeze KPI Pilot formulas to values with a banner, and make them live again. */
export * from './detect';
export * from './freeze';
export * from './store';
export * from './notice';
