import fc from 'fast-check';

/**
 * Property tests run on a fixed seed so CI is repeatable; `FC_SEED=random npm test` explores new
 * inputs, and `FC_SEED=<n>` replays a reported failure.
 */
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261126 });
