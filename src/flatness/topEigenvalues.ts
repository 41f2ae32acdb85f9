import { SeededRandom } from '../primitives/seededRandom.js';
import { addScaled, dot, norm } from './parameterVector.js';

/** The k largest-magnitude eigenpairs found by deflated power iteration. */
export interface Eigenpairs {
  readonly values: number[];
  readonly vectors: Float64Array[];
  /** Power iterations spent per eigenpair. */
  readonly iterations: number[];
}

/**
 * Top-`k` eigenpairs of a symmetric operator given only as a matrix-vector product (here the
 * Hessian through Hessian-vector products): power iteration on `H − Σ λᵢ uᵢuᵢᵀ` for each next pair,
 * starting from seeded random vectors, until the eigenvalue changes by less than `tolerance`
 * (relative) or `maxIterations` is reached.
 *
 * @example
 * ```ts
 * topEigenvalues({ apply: (v) => v.map((x, i) => x * [3, 1][i]), size: 2, k: 1, seed: 0 }).values; // ≈ [3]
 * ```
 */
export async function topEigenvalues(options: {
  apply: (v: Float64Array) => Promise<Float64Array>;
  size: number;
  k: number;
  seed: number;
  maxIterations?: number;
  tolerance?: number;
}): Promise<Eigenpairs> {
  const { apply, size, k } = options;
  const maxIterations = options.maxIterations ?? 20;
  const tolerance = options.tolerance ?? 1e-3;
  const rng = new SeededRandom(options.seed);
  const values: number[] = [];
  const vectors: Float64Array[] = [];
  const iterations: number[] = [];
  const deflated = async (v: Float64Array) => {
    let w = await apply(v);
    vectors.forEach((u, i) => {
      w = addScaled(w, u, -values[i] * dot(u, v));
    });
    return w;
  };
  for (let j = 0; j < Math.min(k, size); j++) {
    let v: Float64Array = Float64Array.from({ length: size }, () => rng.normal());
    for (const u of vectors) v = addScaled(v, u, -dot(u, v));
    const length = norm(v);
    v = v.map((x) => x / length);
    let lambda = 0;
    let used = 0;
    for (let it = 0; it < maxIterations; it++) {
      const w = await deflated(v);
      const next = dot(v, w);
      used = it + 1;
      const size2 = norm(w);
      if (size2 === 0) {
        lambda = 0;
        break;
      }
      v = w.map((x) => x / size2);
      const converged = it > 0 && Math.abs(next - lambda) <= tolerance * Math.abs(next);
      lambda = next;
      if (converged) break;
    }
    values.push(lambda);
    vectors.push(v);
    iterations.push(used);
  }
  return { values, vectors, iterations };
}
