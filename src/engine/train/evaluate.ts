import { evaluationBatches } from '../data/batches.js';
import type { TensorSplit } from '../data/preparedData.js';
import type { ConvNet } from '../models/convNet.js';
import { tf } from '../tf.js';
import { classificationLoss } from './classificationLoss.js';

/** Accuracy and mean cross-entropy of a model on a split, in eval mode (BN running statistics). */
export interface Evaluation {
  /** Top-1 accuracy in [0, 1]. */
  readonly accuracy: number;
  readonly loss: number;
  readonly count: number;
}

/**
 * Evaluates a model on a whole split in batches of `batchSize` (default 500), with no gradient
 * tape and no tensors left behind.
 *
 * @example
 * ```ts
 * (await evaluateModel({ model: net, split: data.test, shape: data.shape })).accuracy; // e.g. 0.81
 * ```
 */
export async function evaluateModel(options: {
  model: ConvNet;
  split: TensorSplit;
  shape: readonly [number, number, number];
  batchSize?: number;
}): Promise<Evaluation> {
  const { model, split, shape } = options;
  let correct = 0;
  let lossSum = 0;
  for (const batch of evaluationBatches(split, shape, options.batchSize ?? 500)) {
    const [c, l] = tf.tidy(() => {
      const x = tf.tensor4d(batch.x, [batch.size, ...shape]);
      const y = tf.tensor1d(batch.y, 'int32');
      const { loss, hits } = classificationLoss(model.forward(x, { inference: true }), y, { mean: false });
      return [hits, loss];
    });
    const [hits, loss] = await Promise.all([c.data(), l.data()]);
    correct += hits[0];
    lossSum += loss[0];
    c.dispose();
    l.dispose();
  }
  return { accuracy: correct / split.count, loss: lossSum / split.count, count: split.count };
}
