import { dot, invert, maxAbs, solve, solveMany, symmetricEigenvalues } from '../../core/math/linalg';

const close = (actual: ArrayLike<number>, expected: number[], digits = 12) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
};

describe('solve', () => {
  it('a 3×3 system worked by hand', () => {
    //  2x +  y −  z =   8
    // −3x −  y + 2z = −11
    // −2x +  y + 2z =  −3
    // Eliminating x (rows 2 and 3 plus 3/2 and 1 times row 1): ½y + ½z = 1 and 2y + z = 5, so
    // y = 3, z = −1, and x = (8 − 3 − 1) / 2 = 2.
    close(
      solve(
        [
          [2, 1, -1],
          [-3, -1, 2],
          [-2, 1, 2],
        ],
        [8, -11, -3],
      )!,
      [2, 3, -1],
    );
  });
  it('pivots: a zero in the top-left corner is not divided by (y = 1, x + y = 3 gives x = 2)', () => {
    close(
      solve(
        [
          [0, 1],
          [1, 1],
        ],
        [1, 3],
      )!,
      [2, 1],
    );
  });
  it('returns undefined for a singular matrix (second row twice the first)', () => {
    expect(
      solve(
        [
          [1, 2],
          [2, 4],
        ],
        [1, 2],
      ),
    ).toBeUndefined();
  });
  it('solves several right-hand sides at once, leaving its inputs alone', () => {
    // [[2, 1], [1, 3]] X = [[3, 1], [5, 2]]: columns (0.8, 1.4) and (0.2, 0.6)
    const A = Float64Array.from([2, 1, 1, 3]);
    const B = Float64Array.from([3, 1, 5, 2]);
    close(solveMany(A, 2, B, 2)!, [0.8, 0.2, 1.4, 0.6]);
    expect(Array.from(A)).toEqual([2, 1, 1, 3]);
    expect(Array.from(B)).toEqual([3, 1, 5, 2]);
  });
});

describe('invert', () => {
  it('2×2: [[4, 7], [2, 6]] has determinant 10 and inverse [[6, −7], [−2, 4]] / 10', () => {
    close(invert(Float64Array.from([4, 7, 2, 6]), 2)!, [0.6, -0.7, -0.2, 0.4]);
  });
  it('3×3: [[1, 2, 3], [0, 1, 4], [5, 6, 0]] has determinant 1 and the adjugate as inverse', () => {
    // cofactors worked by hand: the inverse is [[−24, 18, 5], [20, −15, −4], [−5, 4, 1]]
    close(invert(Float64Array.from([1, 2, 3, 0, 1, 4, 5, 6, 0]), 3)!, [-24, 18, 5, 20, -15, -4, -5, 4, 1], 10);
  });
  it('returns undefined for a singular matrix', () => {
    expect(invert(Float64Array.from([1, 1, 1, 1]), 2)).toBeUndefined();
  });
});

describe('symmetricEigenvalues', () => {
  it('[[2, 1], [1, 2]] has eigenvalues 1 and 3 (vectors (1, −1) and (1, 1))', () => {
    close(
      symmetricEigenvalues([
        [2, 1],
        [1, 2],
      ]),
      [1, 3],
    );
  });
  it('the second-difference matrix tridiag(−1, 2, −1) of size 3: 2 − √2, 2, 2 + √2, ascending', () => {
    close(
      symmetricEigenvalues([
        [2, -1, 0],
        [-1, 2, -1],
        [0, -1, 2],
      ]),
      [2 - Math.SQRT2, 2, 2 + Math.SQRT2],
    );
  });
});

describe('dot and maxAbs', () => {
  it('(1, 2, 3)·(4, −5, 6) = 4 − 10 + 18 = 12; max |(1, −7, 3)| = 7', () => {
    expect(dot([1, 2, 3], [4, -5, 6])).toBe(12);
    expect(maxAbs([1, -7, 3])).toBe(7);
    expect(maxAbs([])).toBe(0);
  });
});
