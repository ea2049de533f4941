/** The dashboard core: catalog, templates, selection rules, mapping, goals, setup and the planner. */
export * from './i18n';
export * from './catalog';
export * from './fields';
export * from './templates';
export * from './selection';
export * from './mapping';
export * from './goals';
export * from './setup';
export * from './plan';
export * from './planner';
export * from './names';
export * from './snapshot';
export * from './dialect';
export * from './insights';
export * from './labels';
export * from './format';
export { columnLetter, columnNumber } from './a1';
export * from './goals-sheet';
