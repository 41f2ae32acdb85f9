import { evaluationBatches } from '../engine/data/batches.js';
import type { TensorSplit } from '../engine/data/preparedData.js';
import type { ConvNet } from '../engine/models/convNet.js';
import { tf } from '../engine/tf.js';
import { ParameterSpace, addScaled } from './parameterVector.js';

/**
 * The loss surface of a trained model on a fixed set of examples, in eval mode (BN running
 * statistics), as a function of its trainable parameters: loss, gradient and Hessian-vector
 * products. Every evaluation leaves the model's parameters exactly as they were.
 */
export class LossLandscape {
  private readonly originals: tf.Tensor[];

  private constructor(
    private readonly model: ConvNet,
    private readonly examples: TensorSplit,
    private readonly shape: readonly [number, number, number],
    readonly space: ParameterSpace,
    private readonly origin: Float64Array,
    private readonly batchSize: number,
  ) {
    this.originals = this.space.variables.map((v) => tf.clone(v));
  }

  /** The landscape around the model's current parameters (read once, asynchronously). */
  static async around(model: ConvNet, examples: TensorSplit, shape: readonly [number, number, number], batchSize = 128): Promise<LossLandscape> {
    const space = new ParameterSpace(model);
    return new LossLandscape(model, examples, shape, space, await space.read(), batchSize);
  }

  private restore(): void {
    this.space.variables.forEach((v, i) => v.assign(this.originals[i]));
  }

  private async at<T>(direction: Float64Array | undefined, scale: number, f: () => Promise<T>): Promise<T> {
    if (direction !== undefined && scale !== 0) this.space.write(addScaled(this.origin, direction, scale));
    try {
      return await f();
    } finally {
      this.restore();
    }
  }

  /** Mean cross-entropy at `origin + scale·direction` (at the origin when no direction). */
  loss(direction?: Float64Array, scale = 0): Promise<number> {
    return this.at(direction, scale, async () => {
      let total = 0;
      for (const b of evaluationBatches(this.examples, this.shape, this.batchSize)) {
        const loss = tf.tidy(() => {
          const logits = this.model.forward(tf.tensor4d(b.x, [b.size, ...this.shape]), { inference: true });
          return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(b.y, 'int32'), this.model.numClasses), logits, undefined, undefined, tf.Reduction.SUM);
        });
        total += (await loss.data())[0];
        loss.dispose();
      }
      return total / this.examples.count;
    });
  }

  /** Gradient of the mean loss at `origin + scale·direction`. */
  gradient(direction?: Float64Array, scale = 0): Promise<Float64Array> {
    return this.at(direction, scale, async () => {
      const sum = new Float64Array(this.space.size);
      for (const b of evaluationBatches(this.examples, this.shape, this.batchSize)) {
        const g = await this.batchGradient(b.x, b.y, b.size);
        for (let i = 0; i < sum.length; i++) sum[i] += g[i];
      }
      return sum.map((v) => v / this.examples.count);
    });
  }

  /** Gradient of the summed loss over one batch (the current parameters). */
  async batchGradient(x: Float32Array, y: Int32Array, size: number): Promise<Float64Array> {
    const grads = tf.tidy(() => {
      const xs = tf.tensor4d(x, [size, ...this.shape]);
      const labels = tf.oneHot(tf.tensor1d(y, 'int32'), this.model.numClasses);
      const result = tf.variableGrads(
        () => tf.losses.softmaxCrossEntropy(labels, this.model.forward(xs), undefined, undefined, tf.Reduction.SUM) as tf.Scalar,
        [...this.space.variables],
      );
      return this.space.variables.map((v) => result.grads[v.name]);
    });
    const flat = await this.space.flatten(grads);
    for (const g of grads) g.dispose();
    return flat;
  }

  /**
   * Hessian-vector product by a central difference of gradients:
   * `Hv ≈ (∇L(w + εv) − ∇L(w − εv)) / 2ε`, exact for quadratic losses, error O(ε²) otherwise.
   */
  async hessianVectorProduct(v: Float64Array, epsilon = 1e-3): Promise<Float64Array> {
    const plus = await this.gradient(v, epsilon);
    const minus = await this.gradient(v, -epsilon);
    return plus.map((p, i) => (p - minus[i]) / (2 * epsilon));
  }

  dispose(): void {
    for (const t of this.originals) t.dispose();
  }
}
