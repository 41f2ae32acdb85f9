import { evaluationBatches } from '../../engine/data/batches.js';
import type { TensorSplit } from '../../engine/data/preparedData.js';
import type { ConvNet } from '../../engine/models/convNet.js';
import { tf } from '../../engine/tf.js';
import { ParameterSpace, addScaled } from './parameterVector.js';

/**
 * The loss surface of a trained model on a fixed set of examples, in eval mode (BN running
 * statistics), as a function of its trainable parameters: loss, gradient and Hessian-vector
 * products. Every evaluation leaves the model's parameters exactly as they were.
 */
export class LossLandscape {
  readonly space: ParameterSpace;
  private readonly origin: Float64Array;
  private readonly originals: tf.Tensor[];

  constructor(
    private readonly model: ConvNet,
    private readonly examples: TensorSplit,
    private readonly shape: readonly [number, number, number],
    private readonly batchSize = 128,
  ) {
    this.space = new ParameterSpace(model);
    this.origin = this.space.read();
    this.originals = this.space.variables.map((v) => tf.clone(v));
  }

  private restore(): void {
    this.space.variables.forEach((v, i) => v.assign(this.originals[i]));
  }

  private at<T>(direction: Float64Array | undefined, scale: number, f: () => T): T {
    if (direction !== undefined && scale !== 0) this.space.write(addScaled(this.origin, direction, scale));
    try {
      return f();
    } finally {
      this.restore();
    }
  }

  /** Mean cross-entropy at `origin + scale·direction` (at the origin when no direction). */
  loss(direction?: Float64Array, scale = 0): number {
    return this.at(direction, scale, () => {
      let total = 0;
      for (const b of evaluationBatches(this.examples, this.shape, this.batchSize)) {
        total += tf.tidy(() => {
          const logits = this.model.forward(tf.tensor4d(b.x, [b.size, ...this.shape]));
          return tf.losses
            .softmaxCrossEntropy(tf.oneHot(tf.tensor1d(b.y, 'int32'), this.model.numClasses), logits, undefined, undefined, tf.Reduction.SUM)
            .dataSync()[0];
        });
      }
      return total / this.examples.count;
    });
  }

  /** Gradient of the mean loss at `origin + scale·direction`. */
  gradient(direction?: Float64Array, scale = 0): Float64Array {
    return this.at(direction, scale, () => {
      const sum = new Float64Array(this.space.size);
      for (const b of evaluationBatches(this.examples, this.shape, this.batchSize)) {
        const g = this.batchGradient(b.x, b.y, b.size);
        for (let i = 0; i < sum.length; i++) sum[i] += g[i];
      }
      return sum.map((v) => v / this.examples.count);
    });
  }

  /** Gradient of the summed loss over one batch (the current parameters). */
  batchGradient(x: Float32Array, y: Int32Array, size: number): Float64Array {
    const grads = tf.tidy(() => {
      const xs = tf.tensor4d(x, [size, ...this.shape]);
      const labels = tf.oneHot(tf.tensor1d(y, 'int32'), this.model.numClasses);
      const result = tf.variableGrads(
        () => tf.losses.softmaxCrossEntropy(labels, this.model.forward(xs), undefined, undefined, tf.Reduction.SUM) as tf.Scalar,
        [...this.space.variables],
      );
      return this.space.variables.map((v) => result.grads[v.name]);
    });
    const flat = this.space.flatten(grads);
    for (const g of grads) g.dispose();
    return flat;
  }

  /**
   * Hessian-vector product by a central difference of gradients:
   * `Hv ≈ (∇L(w + εv) − ∇L(w − εv)) / 2ε`, exact for quadratic losses, error O(ε²) otherwise.
   */
  hessianVectorProduct(v: Float64Array, epsilon = 1e-3): Float64Array {
    const plus = this.gradient(v, epsilon);
    const minus = this.gradient(v, -epsilon);
    return plus.map((p, i) => (p - minus[i]) / (2 * epsilon));
  }

  dispose(): void {
    for (const t of this.originals) t.dispose();
  }
}
