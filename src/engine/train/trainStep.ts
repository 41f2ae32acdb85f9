import { commitBatchStats, type ConvBnUnit, type PendingBatchStats } from '../models/convBnUnit.js';
import type { ConvNet } from '../models/convNet.js';
import type { Optimizer } from '../optim/optimizer.js';
import { tf } from '../tf.js';
import { classificationLoss } from './classificationLoss.js';

/** Loss and number of correct predictions of one training batch (train mode, before the update). */
export interface StepResult {
  readonly loss: number;
  readonly correct: number;
}

/**
 * One optimisation step on a host batch: forward in train mode, mean softmax cross-entropy,
 * gradients of the trainable variables, optimizer update, BN running-statistics update.
 * Leaves no tensors behind.
 *
 * @example
 * ```ts
 * const { loss, correct } = await trainStep({ model, optimizer, x, y, shape: [16, 16, 1], learningRate: 1e-3 });
 * ```
 */
export async function trainStep(options: {
  model: ConvNet;
  optimizer: Optimizer;
  x: Float32Array;
  y: Int32Array;
  shape: readonly [number, number, number];
  learningRate: number;
  observe?: (unit: ConvBnUnit, output: tf.Tensor4D) => void;
}): Promise<StepResult> {
  const { model, optimizer, shape, learningRate, observe } = options;
  const variables = model.trainableVariables();
  const size = options.y.length;
  const pending: PendingBatchStats[] = [];
  const [lossValue, hits] = tf.tidy(() => {
    const x = tf.tensor4d(options.x, [size, ...shape]);
    const y = tf.tensor1d(options.y, 'int32');
    let hitCount: tf.Scalar | undefined;
    const { value, grads } = tf.variableGrads(() => {
      const { loss, hits } = classificationLoss(model.forward(x, { pending, observe }), y, { mean: true });
      hitCount = tf.keep(hits);
      return loss;
    }, variables);
    optimizer.step(
      variables.map((v) => grads[v.name]),
      learningRate,
    );
    return [value, hitCount as tf.Scalar];
  });
  commitBatchStats(pending);
  const [loss, correct] = await Promise.all([lossValue.data(), hits.data()]);
  lossValue.dispose();
  hits.dispose();
  return { loss: loss[0], correct: correct[0] };
}
