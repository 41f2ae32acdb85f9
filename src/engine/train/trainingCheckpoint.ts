import type { ConvNet } from '../models/convNet.js';
import type { Optimizer } from '../optim/optimizer.js';
import { tf } from '../tf.js';
import type { EpochLog } from './epochLog.js';

/** One saved tensor: logical name, shape and exact float32 values. */
export interface CheckpointTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/**
 * Everything the training loop needs to continue a run after `epochsDone` epochs as if it had
 * never stopped: every model variable (weights, BN statistics, masks), the optimizer's state
 * variables and counters, the step count and the epoch logs so far. Data order, augmentation and
 * label noise are derived from the seed and the epoch, so they need no state.
 */
export interface TrainingCheckpoint {
  readonly epochsDone: number;
  readonly step: number;
  readonly epochs: readonly EpochLog[];
  /** Seconds spent in training batches so far, and training examples seen (for examples/s). */
  readonly trainSeconds: number;
  readonly examples: number;
  readonly optimizerCounters: Readonly<Record<string, number>>;
  /** The model's named variables, then the optimizer's state variables as `optimizer.<i>`. */
  readonly tensors: readonly CheckpointTensor[];
}

function stateTensors(model: ConvNet, optimizer: Optimizer): [string, tf.Variable][] {
  return [...model.namedVariables(), ...optimizer.stateVariables().map((v, i): [string, tf.Variable] => [`optimizer.${i}`, v])];
}

/**
 * Copies the training state out of the backend.
 *
 * @example
 * ```ts
 * const checkpoint = await captureCheckpoint({ model, optimizer, epochsDone: 6, step: 96, epochs, trainSeconds: 12.5, examples: 12000 });
 * ```
 */
export async function captureCheckpoint(state: {
  model: ConvNet;
  optimizer: Optimizer;
  epochsDone: number;
  step: number;
  epochs: readonly EpochLog[];
  trainSeconds: number;
  examples: number;
}): Promise<TrainingCheckpoint> {
  const variables = stateTensors(state.model, state.optimizer);
  const values = await Promise.all(variables.map(([, v]) => v.data()));
  return {
    epochsDone: state.epochsDone,
    step: state.step,
    epochs: [...state.epochs],
    trainSeconds: state.trainSeconds,
    examples: state.examples,
    optimizerCounters: state.optimizer.counters(),
    tensors: variables.map(([name, v], i) => ({ name, shape: [...v.shape], values: Float32Array.from(values[i] as Float32Array) })),
  };
}

/**
 * Writes a checkpoint's tensors and optimizer counters into a freshly built model and optimizer.
 * @throws when a variable is missing or its shape differs (the checkpoint belongs to another model).
 */
export function restoreCheckpoint(checkpoint: TrainingCheckpoint, model: ConvNet, optimizer: Optimizer): void {
  const targets = stateTensors(model, optimizer);
  const saved = new Map(checkpoint.tensors.map((t) => [t.name, t]));
  if (saved.size !== targets.length) {
    throw new Error(`checkpoint: holds ${saved.size} tensors but the model and optimizer have ${targets.length}; it belongs to another model`);
  }
  tf.tidy(() => {
    for (const [name, v] of targets) {
      const t = saved.get(name);
      if (t === undefined || t.shape.join('x') !== v.shape.join('x')) {
        throw new Error(
          `checkpoint: variable '${name}' ${t === undefined ? 'is missing' : `has shape [${t.shape.join(', ')}], expected [${v.shape.join(', ')}]`}; it belongs to another model`,
        );
      }
      v.assign(tf.tensor(t.values, [...t.shape], 'float32'));
    }
  });
  optimizer.restoreCounters(checkpoint.optimizerCounters);
}
