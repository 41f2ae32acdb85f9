import type { PreparedData, TensorSplit } from '../engine/data/preparedData.js';
import type { ConvNet } from '../engine/models/convNet.js';
import { deriveSeed } from '../primitives/seededRandom.js';
import { epsilonFlatness } from './epsilonFlatness.js';
import { LossLandscape } from './lossLandscape.js';
import { dot } from './parameterVector.js';
import { topEigenvalues } from './topEigenvalues.js';

/** Flatness settings. Paper: 512 test examples, top 100 eigenvalues, threshold 0.1. */
export interface FlatnessConfig {
  /** First N evaluation examples used (fewer if the set is smaller; the count used is recorded). Default 512. */
  readonly examples?: number;
  /** Top eigenvalues summed into `curvature`. Default 100 (the paper); small protocols use fewer. */
  readonly topK?: number;
  /** Power iterations per eigenvalue. Default 20. */
  readonly iterations?: number;
  /** Loss rise that defines ε-flatness. Default 0.1. */
  readonly epsilonThreshold?: number;
}

/** Flatness of a trained model (see {@link measureFlatness}). */
export interface FlatnessResult {
  readonly examples: number;
  /** Top eigenvalues of the loss Hessian, largest magnitude first. */
  readonly eigenvalues: readonly number[];
  /** Sum of `eigenvalues`. */
  readonly curvature: number;
  /** Mean over single examples of ‖∇loss‖². */
  readonly gradientSecondMoment: number;
  /** Smallest |ε| along the top eigenvectors raising the loss by the threshold (null: never within range). */
  readonly epsilonFlatness: number | null;
}

function firstExamples(split: TensorSplit, count: number, pixels: number): TensorSplit {
  const n = Math.min(count, split.count);
  return { x: split.x.subarray(0, n * pixels), y: split.y.subarray(0, n), count: n };
}

/**
 * Measures the three flatness quantities of the paper on the first `examples` test examples,
 * in eval mode: curvature (sum of the top-k Hessian eigenvalues by deflated power iteration on
 * Hessian-vector products), gradient second moment, and ε-flatness along the top eigenvectors.
 */
export async function measureFlatness(options: { model: ConvNet; data: PreparedData; config: FlatnessConfig; seed: number }): Promise<FlatnessResult> {
  const { model, data, config } = options;
  const pixels = data.shape[0] * data.shape[1] * data.shape[2];
  const examples = firstExamples(data.test, config.examples ?? 512, pixels);
  const landscape = await LossLandscape.around(model, examples, data.shape);
  try {
    const eigen = await topEigenvalues({
      apply: (v) => landscape.hessianVectorProduct(v),
      size: landscape.space.size,
      k: config.topK ?? 100,
      maxIterations: config.iterations ?? 20,
      seed: deriveSeed(options.seed, 'flatness'),
    });
    let secondMoment = 0;
    for (let i = 0; i < examples.count; i++) {
      const g = await landscape.batchGradient(examples.x.subarray(i * pixels, (i + 1) * pixels), examples.y.subarray(i, i + 1), 1);
      secondMoment += dot(g, g);
    }
    const base = await landscape.loss();
    const eps = await epsilonFlatness({
      lossAt: async (direction, e) => (await landscape.loss(direction, e)) - base,
      directions: eigen.vectors,
      threshold: config.epsilonThreshold ?? 0.1,
    });
    return {
      examples: examples.count,
      eigenvalues: eigen.values,
      curvature: eigen.values.reduce((a, b) => a + b, 0),
      gradientSecondMoment: secondMoment / examples.count,
      epsilonFlatness: Number.isFinite(eps) ? eps : null,
    };
  } finally {
    landscape.dispose();
  }
}
