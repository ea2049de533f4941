import { markovChain, readPathTable, removalEffects } from '../../core/attribution';
import { call, col } from '../support/call';
import { expectClose } from '../support/close';

/**
 * Published worked examples of Markov-chain attribution; the numbers below are copied from the
 * articles (not computed by this code):
 * - S. Bryl, "Marketing Multi-channel Attribution model with R (part 1: Markov chains concept)",
 *   analyzecore.com, 2016-08-03 (also the fixture of the npm package markovattribution).
 * - S. Puzyrov, "Markov Chain Attribution – Simple Explanation Of Removal Effect",
 *   serhiipuzyrov.com, 2019-07.
 */
describe('Bryl (2016): C1 > C2 > C3 converts (value 1000), C1 and C2 > C3 do not', () => {
  const paths = col('C1 > C2 > C3', 'C1', 'C2 > C3');
  const conversions = col(1, 0, 0);
  const values = col(1000, 0, 0);
  const nulls = col(0, 1, 1);

  it('has removal effects C1 0.5, C2 1, C3 1', () => {
    expectClose(call('REMOVAL_EFFECTS', paths, conversions, nulls), [
      ['Channel', 'Removal effect'],
      ['C2', 1],
      ['C3', 1],
      ['C1', 0.5],
    ]);
  });

  it('attributes 0.2 / 0.4 / 0.4 conversions and 200 / 400 / 400 of the value', () => {
    expectClose(call('ATTRIBUTION', paths, conversions, values, nulls, 'markov'), [
      ['Channel', 'Conversions', 'Value', 'Share'],
      ['C2', 0.4, 400, 0.4],
      ['C3', 0.4, 400, 0.4],
      ['C1', 0.2, 200, 0.2],
    ]);
  });

  it('gives the same with the paths as touch rows', () => {
    const journeys = col('j1', 'j1', 'j1', 'j2', 'j3', 'j3');
    const days = col(1, 2, 3, 1, 1, 2);
    const channels = col('C1', 'C2', 'C3', 'C1', 'C2', 'C3');
    const converted = col(true, true, true, false, false, false);
    const value = col(1000, 1000, 1000, '', '', '');
    expectClose(call('ATTRIBUTION_TOUCHES', journeys, days, channels, converted, value, 'markov'), [
      ['Channel', 'Conversions', 'Value', 'Share'],
      ['C2', 0.4, 400, 0.4],
      ['C3', 0.4, 400, 0.4],
      ['C1', 0.2, 200, 0.2],
    ]);
  });
});

describe('Puzyrov (2019): google ads ×2, mailing, google ads > mailing convert; one google ads journey does not', () => {
  // The published table lists "google ads" twice (2 conversions; 0 conversions and 1 null): rows add up.
  const paths = col('google ads', 'mailing', 'google ads > mailing', 'google ads');
  const conversions = col(2, 1, 1, 0);
  const nulls = col(0, 0, 0, 1);

  it('has removal effects google ads 0.75, mailing 0.5', () => {
    expectClose(call('REMOVAL_EFFECTS', paths, conversions, nulls), [
      ['Channel', 'Removal effect'],
      ['google ads', 0.75],
      ['mailing', 0.5],
    ]);
  });

  it('attributes 2.4 and 1.6 of the 4 conversions', () => {
    expectClose(call('ATTRIBUTION', paths, conversions, undefined, nulls, 'markov'), [
      ['Channel', 'Conversions', 'Value', 'Share'],
      ['google ads', 2.4, null, 0.6],
      ['mailing', 1.6, null, 0.4],
    ]);
  });

  it('builds the published transition probabilities and P(conversion) = 0.8', () => {
    // start>google ads 0.8, start>mailing 0.2, google ads>conversion 0.5, >mailing 0.25, >null 0.25, mailing>conversion 1
    const t = readPathTable({
      paths: ['google ads', 'mailing', 'google ads > mailing', 'google ads'],
      conversions: [2, 1, 1, 0],
      nulls: [0, 0, 0, 1],
    });
    const chain = markovChain(t);
    const [ga, mail] = [t.channels.indexOf('google ads'), t.channels.indexOf('mailing')];
    expect(chain.start[ga]).toBeCloseTo(0.8, 12);
    expect(chain.start[mail]).toBeCloseTo(0.2, 12);
    expect(chain.toConversion[ga]).toBeCloseTo(0.5, 12);
    expect(chain.transitions[ga * 2 + mail]).toBeCloseTo(0.25, 12);
    expect(chain.toNull[ga]).toBeCloseTo(0.25, 12);
    expect(chain.toConversion[mail]).toBeCloseTo(1, 12);
    expect(removalEffects(t).conversionProbability).toBeCloseTo(0.8, 12);
  });
});
