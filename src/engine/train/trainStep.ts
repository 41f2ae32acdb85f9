import { commitBatchStats, type ConvBnUnit, type PendingBatchStats } from '../models/convBnUnit.js';
import type { ConvNet } from '../models/convNet.js';
import type { Optimizer } from '../optim/optimizer.js';
import { tf } from '../tf.js';
import { classificationLoss } from './classificationLoss.js';

/** Loss and number of correct predictions of one training batch (train mode, before the update). */
export interface StepResult {
  readonly loss: number;
  readonly correct: number;
  /** An ensemble's step: each member's (`loss` and `correct` are then their sums). */
  readonly members?: readonly StepResult[];
}

/**
 * One optimisation step on a host batch: forward in train mode, mean softmax cross-entropy,
 * gradients of the trainable variables, optimizer update, BN running-statistics update.
 * Leaves no tensors behind. An ensemble (`model.members`) takes its members' batches one after another
 * in `x` and `y` and minimises the sum of their losses, which gives each member the gradients, and so
 * the step, it takes alone.
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
  const members = model.members ?? 1;
  const results = tf.tidy(() => {
    const x = tf.tensor4d(options.x, [size, ...shape]);
    const y = tf.tensor1d(options.y, 'int32');
    const kept: tf.Tensor[] = [];
    const { grads } = tf.variableGrads(() => {
      const { loss, hits, losses } = classificationLoss(model.forward(x, { pending, observe }), y, { mean: true, members });
      kept.push(tf.keep(losses), tf.keep(hits));
      return loss;
    }, variables);
    optimizer.step(
      variables.map((v) => grads[v.name]),
      learningRate,
    );
    return kept;
  });
  commitBatchStats(pending);
  const [losses, hits] = await Promise.all(results.map((t) => t.data()));
  tf.dispose(results);
  const each = Array.from({ length: members }, (_, r) => ({ loss: losses[r], correct: hits[r] }));
  if (members === 1) return each[0];
  return { loss: each.reduce((s, m) => s + m.loss, 0), correct: each.reduce((s, m) => s + m.correct, 0), members: each };
}
