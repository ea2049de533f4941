import { lowerBound, upperBound } from '../../core/math/sorted';

describe('lowerBound and upperBound', () => {
  const s = [1, 2, 2, 2, 5, 8];
  it('place a value before and after its equals: 2 in 1, 2, 2, 2, 5, 8 is at 1 and 4, three copies', () => {
    expect(lowerBound(s, 2)).toBe(1);
    expect(upperBound(s, 2)).toBe(4);
    expect(upperBound(s, 2) - lowerBound(s, 2)).toBe(3);
  });
  it('agree for a value that is absent: 3 goes at 4, before the 5', () => {
    expect(lowerBound(s, 3)).toBe(4);
    expect(upperBound(s, 3)).toBe(4);
  });
  it('give the ends below the smallest and above the largest', () => {
    expect(lowerBound(s, 0)).toBe(0);
    expect(upperBound(s, 9)).toBe(6);
  });
  it('search only the run [from, to): in 2, 2, 5 (indices 2 to 4) the 2s span 2..4 and 8 is past the run', () => {
    expect(lowerBound(s, 2, 2, 5)).toBe(2);
    expect(upperBound(s, 2, 2, 5)).toBe(4);
    expect(lowerBound(s, 8, 2, 5)).toBe(5);
  });
});
