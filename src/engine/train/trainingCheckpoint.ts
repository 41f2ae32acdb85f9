import type { ConvNet } from '../models/convNet.js';
import type { Optimizer } from '../optim/optimizer.js';
import { tf } from '../tf.js';
import type { EpochLog } from './trainRun.js';

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

/**
 * Where runs share training prefixes: checkpoints of one seed and training config (whatever the
 * run's length), by the number of epochs they hold.
 */
export interface PrefixCheckpoints {
  /** The stored checkpoint with the most epochs, at most `maxEpochs`, if any. */
  latest(maxEpochs: number): TrainingCheckpoint | undefined;
  /** Whether a checkpoint after exactly `epochs` epochs is stored. */
  has(epochs: number): boolean;
  /** Stores a checkpoint (atomically; an existing one of the same length is identical by construction). */
  save(checkpoint: TrainingCheckpoint): void;
}

/**
 * A run's part in prefix sharing: its first `inertEpochs` epochs are those of an unpruned run (its
 * hooks do nothing before then), so it may continue from any checkpoint that long or shorter, and
 * it stores its own state after those epochs (or at its end, when the whole run is inert).
 */
export interface SharedPrefix {
  readonly checkpoints: PrefixCheckpoints;
  readonly inertEpochs: number;
  /** Further epoch counts (within the inert epochs) after which to store a checkpoint, for other runs of the family. */
  readonly saveAlsoAfter?: readonly number[];
}

function stateTensors(model: ConvNet, optimizer: Optimizer): [string, tf.Variable][] {
  return [...model.namedVariables(), ...optimizer.stateVariables().map((v, i): [string, tf.Variable] => [`optimizer.${i}`, v])];
}

/**
 * Copies the training state out of the backend.
 *
 * @example
 * ```ts
 * const checkpoint = captureCheckpoint({ model, optimizer, epochsDone: 6, step: 96, epochs, trainSeconds: 12.5, examples: 12000 });
 * ```
 */
export function captureCheckpoint(state: {
  model: ConvNet;
  optimizer: Optimizer;
  epochsDone: number;
  step: number;
  epochs: readonly EpochLog[];
  trainSeconds: number;
  examples: number;
}): TrainingCheckpoint {
  return {
    epochsDone: state.epochsDone,
    step: state.step,
    epochs: [...state.epochs],
    trainSeconds: state.trainSeconds,
    examples: state.examples,
    optimizerCounters: state.optimizer.counters(),
    tensors: stateTensors(state.model, state.optimizer).map(([name, v]) => ({ name, shape: [...v.shape], values: Float32Array.from(v.dataSync() as Float32Array) })),
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
        throw new Error(`checkpoint: variable '${name}' ${t === undefined ? 'is missing' : `has shape [${t.shape.join(', ')}], expected [${v.shape.join(', ')}]`}; it belongs to another model`);
      }
      v.assign(tf.tensor(t.values, [...t.shape], 'float32'));
    }
  });
  optimizer.restoreCounters(checkpoint.optimizerCounters);
}

const magic = new TextEncoder().encode('GSTCKPT1');

/**
 * Binary layout: the 8 bytes `GSTCKPT1`, a little-endian u32 header length, the JSON header
 * (everything but the values, tensors as name and shape), zero padding to a multiple of 4, then
 * every tensor's float32 values in header order.
 */
export function encodeCheckpoint(checkpoint: TrainingCheckpoint): Uint8Array {
  const { tensors, ...meta } = checkpoint;
  const header = new TextEncoder().encode(JSON.stringify({ ...meta, tensors: tensors.map(({ name, shape }) => ({ name, shape })) }));
  const valuesOffset = Math.ceil((magic.length + 4 + header.length) / 4) * 4;
  const floats = tensors.reduce((n, t) => n + t.values.length, 0);
  const bytes = new Uint8Array(valuesOffset + 4 * floats);
  bytes.set(magic, 0);
  new DataView(bytes.buffer).setUint32(magic.length, header.length, true);
  bytes.set(header, magic.length + 4);
  const values = new Float32Array(bytes.buffer, valuesOffset, floats);
  let at = 0;
  for (const t of tensors) {
    values.set(t.values, at);
    at += t.values.length;
  }
  return bytes;
}

/**
 * Reads {@link encodeCheckpoint}'s layout back.
 * @throws naming `source` when the bytes are not a checkpoint or are truncated.
 */
export function decodeCheckpoint(bytes: Uint8Array, source: string): TrainingCheckpoint {
  const bad = (why: string): never => {
    throw new Error(`checkpoint ${source}: ${why}; delete the file to retrain its prefix`);
  };
  if (bytes.length < magic.length + 4 || !magic.every((b, i) => bytes[i] === b)) bad('not a gst-harness checkpoint (wrong magic bytes)');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(magic.length, true);
  if (magic.length + 4 + headerLength > bytes.length) bad('truncated header');
  let header: Omit<TrainingCheckpoint, 'tensors'> & { tensors: { name: string; shape: number[] }[] };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(magic.length + 4, magic.length + 4 + headerLength)));
  } catch {
    return bad('unreadable header');
  }
  const valuesOffset = Math.ceil((magic.length + 4 + headerLength) / 4) * 4;
  const sizes = header.tensors.map((t) => t.shape.reduce((a, b) => a * b, 1));
  const floats = sizes.reduce((a, b) => a + b, 0);
  if (bytes.length !== valuesOffset + 4 * floats) bad(`${bytes.length} bytes, expected ${valuesOffset + 4 * floats}`);
  const copy = new Uint8Array(4 * floats);
  copy.set(bytes.subarray(valuesOffset));
  const all = new Float32Array(copy.buffer);
  let at = 0;
  const tensors = header.tensors.map((t, i) => {
    const values = all.subarray(at, at + sizes[i]);
    at += sizes[i];
    return { name: t.name, shape: t.shape, values };
  });
  return { ...header, tensors };
}
