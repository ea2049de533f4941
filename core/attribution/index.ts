/** Multi-touch attribution: path tables, touch rows, rule models, exact Markov and Shapley. */
export { ChannelIndex, normaliseChannel, splitPath, PATH_SEPARATOR } from './channels';
export type { Credits } from './credits';
export type { PathTable, PathTableInput } from './pathTable';
export { readPathTable, totalConversions, totalValue } from './pathTable';
export type { TouchInput } from './touches';
export { readTouches, distinctPaths, pathsTable, pathText } from './touches';
export type { RuleModel } from './rules';
export { ruleCredits } from './rules';
export type { MarkovChain, RemovalEffects } from './markov';
export { markovChain, removalEffects, markovCredits, MAX_MARKOV_CHANNELS } from './markov';
export { shapleyCredits } from './shapley';
export type { Model } from './models';
export { MODELS, MODEL_TITLES, isModel, attribute, attributionTable, compareModels, rankChannels } from './models';
