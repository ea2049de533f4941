import { call, col } from '../support/call';
import { expectClose } from '../support/close';

/** Four paths; the last never converts (3 null journeys), so only markov may notice it. */
const paths = col('A > B > C', 'B', 'C > A', 'A > C');
const conversions = col(2, 1, 1, 0);
const values = col(100, 30, 50, 0);
const nulls = col(0, 0, 0, 3);
const attribution = (model: string, halfLife?: number) => call('ATTRIBUTION', paths, conversions, values, nulls, model, halfLife);
const header = ['Channel', 'Conversions', 'Value', 'Share'];

describe('rule models by hand on A > B > C (2 conv, 100), B (1, 30), C > A (1, 50), A > C (never converts)', () => {
  it('first touch: A 2 (100), B 1 (30), C 1 (50)', () => {
    expectClose(attribution('first'), [header, ['A', 2, 100, 0.5], ['B', 1, 30, 0.25], ['C', 1, 50, 0.25]]);
  });

  it('last touch: C 2 (100), A 1 (50), B 1 (30)', () => {
    expectClose(attribution('last'), [header, ['C', 2, 100, 0.5], ['A', 1, 50, 0.25], ['B', 1, 30, 0.25]]);
  });

  it('linear: thirds of A > B > C, halves of C > A', () => {
    // A = 2/3 + 1/2 = 7/6 (100/3 + 25); B = 2/3 + 1 = 5/3 (100/3 + 30); C = 7/6 (100/3 + 25)
    expectClose(attribution('linear'), [
      header,
      ['B', 5 / 3, 100 / 3 + 30, 5 / 12],
      ['A', 7 / 6, 100 / 3 + 25, 7 / 24],
      ['C', 7 / 6, 100 / 3 + 25, 7 / 24],
    ]);
  });

  it('position: 40/20/40 for three touches, 50/50 for two, all for one', () => {
    // A = 0.4·2 + 0.5 = 1.3 (40 + 25); B = 0.2·2 + 1 = 1.4 (20 + 30); C = 0.8 + 0.5 = 1.3 (65)
    expectClose(attribution('position'), [header, ['B', 1.4, 50, 0.35], ['A', 1.3, 65, 0.325], ['C', 1.3, 65, 0.325]]);
  });

  it('time decay by steps, half-life 1: weights 1/4, 1/2, 1 normalised', () => {
    // A > B > C: A 1/7, B 2/7, C 4/7 of 2; C > A: C 1/3, A 2/3 of 1
    // A = 2/7 + 2/3 = 20/21; B = 4/7 + 1 = 11/7; C = 8/7 + 1/3 = 31/21
    expectClose(attribution('time_decay'), [
      header,
      ['B', 11 / 7, 200 / 7 + 30, 11 / 28],
      ['C', 31 / 21, 400 / 7 + 50 / 3, 31 / 84],
      ['A', 20 / 21, 100 / 7 + 100 / 3, 20 / 84],
    ]);
  });

  it('time decay with half-life 2 on A > B gives A 1/(1 + √2) = √2 − 1', () => {
    const t = call('ATTRIBUTION', col('A > B'), col(1), undefined, undefined, 'time_decay', 2);
    expectClose(t, [header, ['B', 2 - Math.SQRT2, null, 2 - Math.SQRT2], ['A', Math.SQRT2 - 1, null, Math.SQRT2 - 1]]);
  });

  it('defaults to linear', () => {
    expect(call('ATTRIBUTION', paths, conversions)).toEqual(call('ATTRIBUTION', paths, conversions, undefined, undefined, 'linear'));
  });
});

describe('path shapes', () => {
  const everyModel = ['first', 'last', 'linear', 'position', 'time_decay', 'markov', 'shapley'];

  it('a one-touch path gives its channel everything in every model', () => {
    for (const model of everyModel) {
      expectClose(call('ATTRIBUTION', col('Email'), col(3), col(90), col(2), model), [header, ['Email', 3, 90, 1]]);
    }
  });

  it('repeated channels A > A > B: rule models count touches, markov and shapley the channel set', () => {
    const run = (model: string) => call('ATTRIBUTION', col('A > A > B'), col(1), undefined, undefined, model);
    expectClose(run('first'), [header, ['A', 1, null, 1], ['B', 0, null, 0]]);
    expectClose(run('last'), [header, ['B', 1, null, 1], ['A', 0, null, 0]]);
    expectClose(run('linear'), [header, ['A', 2 / 3, null, 2 / 3], ['B', 1 / 3, null, 1 / 3]]);
    expectClose(run('position'), [header, ['A', 0.6, null, 0.6], ['B', 0.4, null, 0.4]]); // 0.4 + 0.2
    expectClose(run('time_decay'), [header, ['B', 4 / 7, null, 4 / 7], ['A', 3 / 7, null, 3 / 7]]); // (1/4 + 1/2) / 7/4
    expectClose(run('markov'), [header, ['A', 0.5, null, 0.5], ['B', 0.5, null, 0.5]]); // both removal effects 1
    expectClose(run('shapley'), [header, ['A', 0.5, null, 0.5], ['B', 0.5, null, 0.5]]); // set {A, B}
  });

  it('paths that never convert get no credit but their channels are listed with 0', () => {
    for (const model of everyModel) {
      const t = call('ATTRIBUTION', col('A', 'B > C'), col(1, 0), undefined, col(0, 5), model) as unknown[][];
      expect(t.slice(1).map((r) => [r[0], r[1]])).toEqual([
        ['A', 1],
        ['B', 0],
        ['C', 0],
      ]);
    }
  });

  it('channel names keep their spaces and match ignoring case and extra spaces; the first spelling shows', () => {
    const t = call(
      'ATTRIBUTION',
      col('Paid Search > email', 'paid  search>Email', ' PAID SEARCH '),
      col(1, 1, 2),
      undefined,
      undefined,
      'first',
    );
    expectClose(t, [header, ['Paid Search', 4, null, 1], ['email', 0, null, 0]]);
  });

  it('rows with the same path add up, and blank rows are skipped', () => {
    const split = call('ATTRIBUTION', col('A > B', '', 'A>B', 'B'), col(1, '', 2, 1), col(10, '', 20, 5), undefined, 'position');
    const merged = call('ATTRIBUTION', col('A > B', 'B'), col(3, 1), col(30, 5), undefined, 'position');
    expect(split).toEqual(merged);
    expectClose(merged, [header, ['B', 2.5, 20, 0.625], ['A', 1.5, 15, 0.375]]);
  });

  it('numbers as channel names are read as text', () => {
    expectClose(call('ATTRIBUTION', col(7, '7 > 8'), col(1, 1), undefined, undefined, 'last'), [
      header,
      ['7', 1, null, 0.5],
      ['8', 1, null, 0.5],
    ]);
  });
});
