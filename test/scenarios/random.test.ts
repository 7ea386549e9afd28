/** The Iman–Conover rearrangement reaches the target rank correlation and keeps each column's values. */
import { describe, expect, it } from 'vitest';
import { drawUnit, imanConover, rankCorrelation, seededRandom } from '../../src/engine/random.js';

describe('Iman–Conover', () => {
  it('induces a 0.7 rank correlation between independent columns, values unchanged', () => {
    const random = seededRandom(11);
    const columns = [0, 1].map(() => Float64Array.from({ length: 4000 }, () => drawUnit({ kind: 'pert', alpha: 2, beta: 4 }, random)));
    expect(Math.abs(rankCorrelation(columns[0]!, columns[1]!))).toBeLessThan(0.06);
    const result = imanConover(columns, [[1, 0.7], [0.7, 1]], random)!;
    expect(rankCorrelation(result[0]!, result[1]!)).toBeGreaterThan(0.65);
    expect(rankCorrelation(result[0]!, result[1]!)).toBeLessThan(0.75);
    expect(Float64Array.from(result[0]!).sort()).toEqual(Float64Array.from(columns[0]!).sort());
  });
  it('refuses a matrix that is not positive definite', () => {
    const random = seededRandom(1);
    const columns = [0, 1, 2].map(() => Float64Array.from({ length: 10 }, () => random.next()));
    expect(imanConover(columns, [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]], random)).toBeUndefined();
  });
});
