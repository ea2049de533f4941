import { centredMovingAverage, linearFit, mean, median, sortedMedian, sum } from '../../core/math/stats';

describe('sum and mean', () => {
  it('add in index order, like a plain loop: 1e16 + 1 − 1e16 is 0 in doubles', () => {
    expect(sum([1, 2, 3.5])).toBe(6.5);
    // 1e16 + 1 rounds back to 1e16 (the spacing of doubles there is 2), so the loop gives 0, not 1.
    expect(sum([1e16, 1, -1e16])).toBe(0);
    expect(sum(Float64Array.from([0.5, 0.25]))).toBe(0.75);
  });
  it('mean of 2, 4, 9 is 15 / 3 = 5; an empty list gives 0', () => {
    expect(mean([2, 4, 9])).toBe(5);
    expect(mean([])).toBe(0);
  });
});

describe('median', () => {
  it('odd length: the middle value of 3, 1, 2 is 2', () => {
    expect(median([3, 1, 2])).toBe(2);
  });
  it('even length: 7, 1, 3, 5 sorts to 1, 3, 5, 7, so the median is (3 + 5) / 2 = 4', () => {
    expect(median([7, 1, 3, 5])).toBe(4);
  });
  it('sorts numerically, not as text: the median of −5, 10, −1 is −1 (as text it would be −5)', () => {
    expect(median([-5, 10, -1])).toBe(-1);
    expect(median([10, 9, 100])).toBe(10);
  });
  it('leaves its input alone and gives NaN for an empty list', () => {
    const input = [4, 1, 3];
    expect(median(input)).toBe(3);
    expect(input).toEqual([4, 1, 3]);
    expect(median([])).toBeNaN();
  });
  it('of a run of a sorted list: 2, 4, 10 inside 1, 2, 4, 10, 20 gives 4; 1, 2, 4, 10 gives 3', () => {
    const s = [1, 2, 4, 10, 20];
    expect(sortedMedian(s, 1, 4)).toBe(4);
    expect(sortedMedian(s, 0, 4)).toBe(3);
    expect(sortedMedian(s)).toBe(4);
    expect(sortedMedian(s, 2, 2)).toBeNaN();
  });
});

describe('linearFit', () => {
  it('1, 3, 5, 7 lies on 1 + 2i exactly', () => {
    expect(linearFit([1, 3, 5, 7])).toEqual({ intercept: 1, slope: 2 });
  });
  it('2, 1, 4, 3: slope Σ(i − 1.5)(x − 2.5) / Σ(i − 1.5)² = 3 / 5 = 0.6, intercept 2.5 − 0.6·1.5 = 1.6', () => {
    const { intercept, slope } = linearFit([2, 1, 4, 3]);
    expect(slope).toBeCloseTo(0.6, 14);
    expect(intercept).toBeCloseTo(1.6, 14);
  });
  it('one point: a flat line through it', () => {
    expect(linearFit([5])).toEqual({ intercept: 5, slope: 0 });
  });
});

describe('centredMovingAverage', () => {
  it('odd order 3 over 1, 2, 4, 8, 16: (1 + 2 + 4) / 3, (2 + 4 + 8) / 3, (4 + 8 + 16) / 3', () => {
    const ma = centredMovingAverage([1, 2, 4, 8, 16], 3);
    expect(ma).toHaveLength(3);
    [7 / 3, 14 / 3, 28 / 3].forEach((v, k) => expect(ma[k]).toBeCloseTo(v, 13));
  });
  it('even order 2 weighs the ends by half: (½·1 + 2 + ½·4) / 2 = 2.25, then (½·2 + 4 + ½·8) / 2 = 4.5 …', () => {
    const ma = centredMovingAverage([1, 2, 4, 8, 16], 2);
    expect(ma).toHaveLength(3);
    [2.25, 4.5, 9].forEach((v, k) => expect(ma[k]).toBeCloseTo(v, 13));
  });
  it('order 4 on a season of 4 that repeats gives the level exactly: 10 + (3, −1, −3, 1)', () => {
    const y = [13, 9, 7, 11, 13, 9, 7, 11];
    expect(Array.from(centredMovingAverage(y, 4))).toEqual([10, 10, 10, 10]);
  });
  it('is empty when the series is shorter than the window', () => {
    expect(centredMovingAverage([1, 2], 3)).toHaveLength(0);
  });
});
