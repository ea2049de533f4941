import { col, errorOf } from '../support/call';

const MODEL_LIST = '"first", "last", "linear", "position", "time_decay", "markov", "shapley"';

describe('bad path tables give a clear error, never a number', () => {
  it.each([
    [
      'a blank path with numbers',
      [col('A', ''), col(1, 2)],
      '#VALUE!',
      'paths, row 2 is blank but its row has numbers; give the path or clear the row',
    ],
    [
      'an empty step',
      [col('A >> B'), col(1)],
      '#VALUE!',
      'paths, row 1: "A >> B" has an empty step (step 2 of 3); write channels separated by ">", like "Email > Search"',
    ],
    [
      'a leading separator',
      [col('> A'), col(1)],
      '#VALUE!',
      'paths, row 1: "> A" has an empty step (step 1 of 2); write channels separated by ">", like "Email > Search"',
    ],
    [
      'a trailing separator',
      [col('A', 'B >'), col(1, 1)],
      '#VALUE!',
      'paths, row 2: "B >" has an empty step (step 2 of 2); write channels separated by ">", like "Email > Search"',
    ],
    ['no path at all', [col('', ''), col('', '')], '#VALUE!', 'paths has no paths; give one path per row, like "Email > Search"'],
    ['negative conversions', [col('A', 'B'), col(1, -2)], '#NUM!', 'conversions, row 2: -2 is negative; conversions cannot be'],
    ['negative values', [col('A', 'B'), col(1, 2), col(5, -1)], '#NUM!', 'values, row 2: -1 is negative; values cannot be'],
    [
      'a value on a path with no conversions',
      [col('A', 'B'), col(0, 2), col(5, 1)],
      '#VALUE!',
      'values, row 1: 5 is the value of a path with no conversions; a value belongs to converting journeys',
    ],
    ['text in conversions', [col('A', 'B'), col(1, '2')], '#VALUE!', 'conversions, row 2: "2" is text, not a number'],
    [
      'mismatched sizes',
      [col('A', 'B', 'C'), col(1, 2)],
      '#VALUE!',
      'paths has 3 cells but conversions has 2: give ranges of the same size',
    ],
    [
      'mismatched nulls',
      [col('A', 'B'), col(1, 2), undefined, col(1, 2, 3)],
      '#VALUE!',
      'paths has 2 cells but nulls has 3: give ranges of the same size',
    ],
    [
      'an unknown model',
      [col('A'), col(1), undefined, undefined, 'last click'],
      '#VALUE!',
      `model: "last click" is not one of ${MODEL_LIST}`,
    ],
    [
      'nothing converting',
      [col('A', 'B'), col(0, 0), undefined, col(1, 1), 'markov'],
      '#DIV/0!',
      'conversions sum to 0: nothing converts, so there is nothing to attribute',
    ],
    ['a zero half-life', [col('A'), col(1), undefined, undefined, 'time_decay', 0], '#NUM!', 'half_life must be greater than 0, got 0'],
  ])('ATTRIBUTION: %s', (_, args, code, message) => {
    expect(errorOf('ATTRIBUTION', ...args)).toEqual({ code, message });
  });

  it('conversions larger than the journeys of a path: with nulls given, only a negative nulls count can make it so', () => {
    // journeys = conversions + nulls, so 3 conversions over 2 journeys means nulls = −1
    expect(errorOf('ATTRIBUTION', col('A', 'B'), col(1, 3), undefined, col(0, -1), 'markov')).toEqual({
      code: '#NUM!',
      message:
        "nulls, row 2: -1 is negative; nulls cannot be (a path's journeys are its conversions plus its nulls, so conversions can never exceed them)",
    });
  });

  it('REMOVAL_EFFECTS shares the checks', () => {
    expect(errorOf('REMOVAL_EFFECTS', col('A', 'B'), col(0, 0), col(1, 1)).code).toBe('#DIV/0!');
    expect(errorOf('REMOVAL_EFFECTS', col('A', 'B'), col(1), col(1, 1)).message).toBe(
      'paths has 2 cells but conversions has 1: give ranges of the same size',
    );
    expect(errorOf('REMOVAL_EFFECTS', col('A >> B'), col(1)).code).toBe('#VALUE!');
  });

  it('the markov model refuses more than 1000 distinct channels rather than stalling', () => {
    const paths = Array.from({ length: 1001 }, (_, i) => [`c${i}`]);
    const e = errorOf(
      'ATTRIBUTION',
      paths,
      paths.map(() => [1]),
      undefined,
      undefined,
      'markov',
    );
    expect(e).toEqual({
      code: '#NUM!',
      message: 'the Markov model handles up to 1000 distinct channels, got 1001; group rare channels together',
    });
  });
});

describe('bad touch rows give a clear error', () => {
  const touches = (...args: unknown[]) => errorOf('ATTRIBUTION_TOUCHES', ...args);
  it.each([
    [
      'a blank journey',
      [col('u', ''), col(1, 2), col('A', 'B'), col(1, 1)],
      '#VALUE!',
      'journeys, row 2 is blank; every touch needs its journey (customer or session id)',
    ],
    [
      'a blank timestamp',
      [col('u', 'u'), col(1, ''), col('A', 'B'), col(1, 1)],
      '#VALUE!',
      'timestamps, row 2 is blank; every touch needs its date or date-time',
    ],
    [
      'a blank channel',
      [col('u', 'u'), col(1, 2), col('A', ''), col(1, 1)],
      '#VALUE!',
      'channels, row 2 is blank; every touch needs its channel',
    ],
    [
      'a channel with ">"',
      [col('u', 'u'), col(1, 2), col('A', 'B > C'), col(1, 1)],
      '#VALUE!',
      'channels, row 2: "B > C" contains ">", which separates the channels of a path; rename the channel',
    ],
    [
      'two values in one journey',
      [col('u', 'u'), col(1, 2), col('A', 'B'), col(1, 1), col(10, 20)],
      '#VALUE!',
      'values, row 2: journey "u" already has value 10 on another row; give its conversion value once or the same on each row',
    ],
    [
      'a value on a journey that never converts',
      [col('u', 'v'), col(1, 2), col('A', 'B'), col(1, 0), col(10, 20)],
      '#VALUE!',
      'journey "v" has value 20 but never converts; mark its converting rows TRUE in converted or clear the value',
    ],
    [
      'a negative value',
      [col('u', 'v'), col(1, 2), col('A', 'B'), col(1, 0), col(-10, '')],
      '#NUM!',
      'values, row 1: -10 is negative; values cannot be',
    ],
    [
      'a bad date',
      [col('u', 'v'), col(1, 'yesterday'), col('A', 'B'), col(1, 0)],
      '#VALUE!',
      'timestamps, row 2: "yesterday" is not a date (use a date, a date serial or YYYY-MM-DD text)',
    ],
    ['a bad flag', [col('u', 'v'), col(1, 2), col('A', 'B'), col(1, 'yes')], '#VALUE!', 'converted, row 2: "yes" is not TRUE/FALSE or 1/0'],
    [
      'mismatched sizes',
      [col('u', 'v'), col(1, 2), col('A', 'B'), col(1, 0, 1)],
      '#VALUE!',
      'journeys has 2 cells but converted has 3: give ranges of the same size',
    ],
    [
      'no conversion at all',
      [col('u', 'v'), col(1, 2), col('A', 'B'), col(0, 0)],
      '#DIV/0!',
      'conversions sum to 0: nothing converts, so there is nothing to attribute',
    ],
    [
      'an unknown model',
      [col('u'), col(1), col('A'), col(1), undefined, 'data_driven'],
      '#VALUE!',
      `model: "data_driven" is not one of ${MODEL_LIST}`,
    ],
    [
      'a negative half-life',
      [col('u'), col(1), col('A'), col(1), undefined, 'time_decay', -1],
      '#NUM!',
      'half_life_days must be greater than 0, got -1',
    ],
  ])('ATTRIBUTION_TOUCHES: %s', (_, args, code, message) => {
    expect(touches(...args)).toEqual({ code, message });
  });

  it('PATHS: a conversion on a row with no touch', () => {
    expect(errorOf('PATHS', col('u', ''), col(1, ''), col('A', ''), col(1, 1))).toEqual({
      code: '#VALUE!',
      message: 'journeys, row 2 is blank but the row has a conversion or value; give the journey, timestamp and channel',
    });
  });
});
