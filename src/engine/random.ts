/**
 * Random numbers for `simulate`: a seeded PRNG behind a small interface, the standard
 * shapes of the scenario distributions, and the Iman–Conover rank-correlation method.
 *
 * These are probabilities, not money: floating point is right here. A drawn t in
 * [0, 1] is turned into an exact decimal (to 10^-6) before it touches any amount;
 * see `simulate.ts`. Everything is deterministic for a given seed and Node version's
 * Math library (V8 uses the same fdlibm-derived routines on every platform).
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** A source of uniform random numbers in [0, 1), advanced in place. */
export interface RandomSource {
  /** The generator's name as recorded in every output (e.g. `xoroshiro128plus (pure-rand)`). */
  readonly name: string;
  /** The next uniform number in [0, 1) (53 random bits). */
  next(): number;
}

/** The PRNG fn-model uses: xoroshiro128+ from pure-rand, seeded with a 32-bit integer. */
export function seededRandom(seed: number): RandomSource {
  const generator = xoroshiro128plus(seed);
  return { name: 'xoroshiro128plus (pure-rand 8.4.2)', next: () => uniformFloat64(generator) };
}

/** The standard shape of a distribution on [0, 1] (`c` = mode position, `p` = probability). */
export type UnitShape =
  | { readonly kind: 'uniform' }
  | { readonly kind: 'triangular'; readonly c: number }
  | { readonly kind: 'pert'; readonly alpha: number; readonly beta: number }
  | { readonly kind: 'bernoulli'; readonly p: number };

function standardNormal(random: RandomSource): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function gamma(shape: number, random: RandomSource): number {
  // Marsaglia & Tsang (2000), for shape ≥ 1 (PERT shapes are always ≥ 1).
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Draw t in [0, 1] of the given shape. Uniform, triangular and Bernoulli use exactly one draw; PERT a variable number. */
export function drawUnit(shape: UnitShape, random: RandomSource): number {
  switch (shape.kind) {
    case 'uniform':
      return random.next();
    case 'triangular': {
      const u = random.next();
      return u < shape.c ? Math.sqrt(u * shape.c) : 1 - Math.sqrt((1 - u) * (1 - shape.c));
    }
    case 'pert': {
      const x = gamma(shape.alpha, random);
      const y = gamma(shape.beta, random);
      return x / (x + y);
    }
    case 'bernoulli':
      return random.next() < shape.p ? 1 : 0;
  }
}

/** The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (Acklam's rational approximation, relative error < 1.15e-9). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** The lower-triangular Cholesky factor L of a symmetric matrix (M = L Lᵀ), or undefined if it is not positive definite. */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] | undefined {
  const n = matrix.length;
  const factor = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let total = matrix[i]![j]!;
      for (let k = 0; k < j; k++) total -= factor[i]![k]! * factor[j]![k]!;
      if (i === j) {
        if (total <= 1e-12) return undefined;
        factor[i]![i] = Math.sqrt(total);
      } else {
        factor[i]![j] = total / factor[j]![j]!;
      }
    }
  }
  return factor;
}

function correlationOf(columns: readonly Float64Array[]): number[][] {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  const centred = columns.map((column) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += column[i]!;
    mean /= n;
    return column.map((value) => value - mean);
  });
  const result = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      let ab = 0;
      let aa = 0;
      let bb = 0;
      for (let i = 0; i < n; i++) {
        ab += centred[a]![i]! * centred[b]![i]!;
        aa += centred[a]![i]! ** 2;
        bb += centred[b]![i]! ** 2;
      }
      result[a]![b] = result[b]![a] = ab / Math.sqrt(aa * bb);
    }
  }
  return result;
}

function lowerInverse(lower: readonly (readonly number[])[]): number[][] {
  const n = lower.length;
  const inverse = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    inverse[i]![i] = 1 / lower[i]![i]!;
    for (let j = 0; j < i; j++) {
      let total = 0;
      for (let k = j; k < i; k++) total += lower[i]![k]! * inverse[k]![j]!;
      inverse[i]![j] = -total / lower[i]![i]!;
    }
  }
  return inverse;
}

/**
 * Iman & Conover (1982): reorder each column of independent samples so that their
 * rank correlations approach `target`, leaving every column's values (its marginal
 * distribution) unchanged. Van der Waerden scores Φ⁻¹(i/(n+1)) are shuffled per
 * column with `random`, decorrelated by their own Cholesky factor and correlated by
 * the target's; each sample column then takes the ranks of its score column.
 * @returns the reordered columns, or undefined when `target` is not positive definite.
 */
export function imanConover(columns: readonly Float64Array[], target: readonly (readonly number[])[], random: RandomSource): Float64Array[] | undefined {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  const targetFactor = cholesky(target);
  if (!targetFactor) return undefined;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = normalQuantile((i + 1) / (n + 1));
  const shuffled = columns.map(() => {
    const column = Float64Array.from(scores);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      const swap = column[i]!;
      column[i] = column[j]!;
      column[j] = swap;
    }
    return column;
  });
  const ownFactor = cholesky(correlationOf(shuffled));
  if (!ownFactor) return columns.map((column) => Float64Array.from(column));
  const ownInverse = lowerInverse(ownFactor);
  // transform = targetFactor × ownInverse; row i of the result = Σ_j transform[c][j] × shuffled[j][i]
  const transform = Array.from({ length: k }, (_, r) => Array.from({ length: k }, (_, c) => {
    let total = 0;
    for (let m = 0; m < k; m++) total += targetFactor[r]![m]! * ownInverse[m]![c]!;
    return total;
  }));
  return columns.map((column, c) => {
    const correlated = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let j = 0; j < k; j++) total += transform[c]![j]! * shuffled[j]![i]!;
      correlated[i] = total;
    }
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => correlated[a]! - correlated[b]! || a - b);
    const sorted = Float64Array.from(column).sort();
    const result = new Float64Array(n);
    order.forEach((row, rank) => { result[row] = sorted[rank]!; });
    return result;
  });
}

/** Spearman's rank correlation of two equal-length columns (for tests and reports). */
export function rankCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ranks = (values: ArrayLike<number>) => {
    const order = Array.from({ length: values.length }, (_, i) => i).sort((x, y) => values[x]! - values[y]!);
    const result = new Float64Array(values.length);
    order.forEach((row, rank) => { result[row] = rank; });
    return result;
  };
  return correlationOf([ranks(a), ranks(b)])[0]![1]!;
}
