/** Multi-touch attribution: path tables, touch rows, rule models, exact Markov and Shapley. */
export { readPathTable } from './pathTable';
export { readTouches, pathsTable } from './touches';
export { markovChain, removalEffects } from './markov';
export { MODELS, attribute, attributionTable, compareModels, rankChannels } from './models';
