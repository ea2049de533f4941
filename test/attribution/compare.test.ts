import { compareModels, readPathTable, readTouches } from '../../core/attribution';
import { expectClose } from '../support/close';

describe('compareModels (the dashboard table)', () => {
  it('puts every model side by side, rows = channels sorted by Markov credit', () => {
    // A > B (1 conversion), B (1 conversion): worked by hand per model.
    // first A 1, B 1; last B 2; linear A .5, B 1.5; position same as linear; time decay (h = 1) A 1/3, B 5/3;
    // markov (no nulls): start → A 1/2, → B 1/2; A → B 1; removal effects A 1/2, B 1 → A 2/3, B 4/3;
    // shapley: A > B split 1/2 each, B all → A .5, B 1.5.
    const t = readPathTable({ paths: ['A > B', 'B'], conversions: [1, 1] });
    expectClose(compareModels(t), [
      ['Channel', 'First touch', 'Last touch', 'Linear', 'Position', 'Time decay', 'Markov', 'Shapley'],
      ['B', 1, 2, 1.5, 1.5, 5 / 3, 4 / 3, 1.5],
      ['A', 1, 0, 0.5, 0.5, 1 / 3, 2 / 3, 0.5],
    ]);
  });

  it('works on touch rows (time decay in days) and on a subset of models', () => {
    const t = readTouches({ journeys: ['u', 'u'], timestamps: [0, 14], channels: ['A', 'B'], converted: [true, true] });
    expectClose(compareModels(t, 7, ['first', 'time_decay']), [
      ['Channel', 'First touch', 'Time decay'],
      ['A', 1, 0.2], // 14 days at a 7-day half-life: 1/4 against 1
      ['B', 0, 0.8],
    ]);
  });
});
