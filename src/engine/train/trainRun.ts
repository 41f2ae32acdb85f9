import type { BackendInfo } from '../backend/initBackend.js';
import { initBackend } from '../backend/initBackend.js';
import { epochBatches } from '../data/batches.js';
import { loadDataset } from '../data/loadDataset.js';
import { prepareData, type PreparedData } from '../data/preparedData.js';
import type { ConvNet } from '../models/convNet.js';
import { buildModel } from '../models/modelRegistry.js';
import { learningRateAt } from '../optim/learningRateSchedule.js';
import type { Optimizer } from '../optim/optimizer.js';
import { createOptimizer } from '../optim/optimizerRegistry.js';
import type { tf } from '../tf.js';
import { evaluateModel, type Evaluation } from './evaluate.js';
import { formatDuration, type ProgressSink } from './progress.js';
import { validateTrainConfig, type TrainConfig } from './trainConfig.js';
import type { EpochEvaluation, TrainingContext, TrainingHooks } from './trainingHooks.js';
import { captureCheckpoint, restoreCheckpoint, type SharedPrefix, type TrainingCheckpoint } from './trainingCheckpoint.js';
import { trainStep } from './trainStep.js';

/** One epoch of a run's log. Accuracies are fractions in [0, 1]. */
export interface EpochLog {
  /** 0-based. */
  readonly epoch: number;
  readonly learningRate: number;
  /** Running mean over the epoch's minibatches, in train mode (as the paper's code logs it). */
  readonly trainAccuracy: number;
  readonly trainLoss: number;
  /** Test accuracy at the end of the epoch (after any pruning event of that epoch). */
  readonly testAccuracy: number;
  readonly testLoss: number;
  readonly validationAccuracy?: number;
  readonly seconds: number;
}

/** A run whose loss became NaN/Inf: it stops there and is never averaged as a normal result. */
export interface Divergence {
  readonly epoch: number;
  readonly step: number;
}

/** What the training loop measured. */
export interface TrainOutcome {
  readonly seed: number;
  readonly backend: BackendInfo;
  readonly epochs: readonly EpochLog[];
  readonly diverged?: Divergence;
  readonly wallSeconds: number;
  /** Training examples per second over the run (training batches only). */
  readonly examplesPerSecond: number;
  /** Epochs taken from a shared-prefix checkpoint instead of being trained by this call. */
  readonly resumedEpochs?: number;
}

/** A finished run with its model still alive (for flatness and inspection); call `dispose()`. */
export interface TrainedRun {
  readonly outcome: TrainOutcome;
  readonly model: ConvNet;
  readonly optimizer: Optimizer;
  readonly data: PreparedData;
  /** The training state at the end, as a checkpoint (a later measurement may continue from it). */
  checkpoint(): TrainingCheckpoint;
  dispose(): void;
}

/** Options of {@link trainRun}. */
export interface TrainRunOptions {
  readonly config: TrainConfig;
  readonly seed: number;
  readonly hooks?: TrainingHooks;
  readonly progress?: ProgressSink;
  /** Label shown in progress lines. */
  readonly label?: string;
  /**
   * Prefix sharing: the run continues from the longest stored checkpoint within its inert epochs
   * (bit-identical to training those epochs again) and stores its own at the end of them.
   */
  readonly prefix?: SharedPrefix;
}

/**
 * Trains one run: builds the data (seeded subset, noise, split), the model (seeded init), the
 * optimizer, then runs the epochs with the hooks. Deterministic: the same config, seed and backend
 * give bit-identical weights.
 *
 * @example
 * ```ts
 * const run = await trainRun({ config: miniConfig, seed: 1 });
 * run.outcome.epochs.at(-1)?.testAccuracy; // e.g. 0.78
 * run.dispose();
 * ```
 */
export async function trainRun(options: TrainRunOptions): Promise<TrainedRun> {
  const { config, seed, hooks = {}, progress } = options;
  validateTrainConfig(config);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`seed: ${seed} is not allowed; use an integer ≥ 0`);
  const backend = await initBackend();
  const dataset = await loadDataset({ name: config.data.name, cifarRecordsPerFile: config.data.cifarRecordsPerFile });
  const data = prepareData(dataset, config.data, seed);
  const model = buildModel(config.model, { inputShape: data.shape, numClasses: data.numClasses, seed });
  const optimizer = createOptimizer(model.trainableVariables(), config.optimizer);
  const evalBatchSize = config.evalBatchSize ?? 500;
  const evaluate = (split: 'test' | 'validation' = 'test'): Evaluation => {
    const target = split === 'validation' ? data.validation : data.test;
    if (target === undefined) throw new Error('evaluate: no validation split; set data.validationSize > 0');
    return evaluateModel({ model, split: target, shape: data.shape, batchSize: evalBatchSize });
  };
  let epoch = 0;
  let step = 0;
  const context: TrainingContext = {
    config,
    seed,
    model,
    optimizer,
    data,
    get epoch() {
      return epoch;
    },
    get step() {
      return step;
    },
    evaluate,
  };
  const epochs: EpochLog[] = [];
  let diverged: Divergence | undefined;
  let trainSeconds = 0;
  let examples = 0;
  const start = performance.now();
  const observe = hooks.observe ? (unit: Parameters<NonNullable<TrainingHooks['observe']>>[0], out: tf.Tensor4D) => hooks.observe?.(unit, out, context) : undefined;

  hooks.beforeTraining?.(context);
  const prefix = options.prefix;
  const shareable = Math.min(prefix?.inertEpochs ?? 0, config.epochs);
  const resumed = shareable >= 1 ? prefix?.checkpoints.latest(shareable) : undefined;
  const saveAfter = new Set([shareable, ...(prefix?.saveAlsoAfter ?? [])].filter((e) => e >= 1 && e <= shareable));
  if (resumed !== undefined) {
    restoreCheckpoint(resumed, model, optimizer);
    epochs.push(...resumed.epochs);
    step = resumed.step;
    trainSeconds = resumed.trainSeconds;
    examples = resumed.examples;
    progress?.(`${options.label ?? `seed ${seed}`} continues after epoch ${resumed.epochsDone} from a shared-prefix checkpoint`);
  }
  for (epoch = resumed?.epochsDone ?? 0; epoch < config.epochs && diverged === undefined; epoch++) {
    const epochStart = performance.now();
    const learningRate = learningRateAt(config.optimizer.learningRate, config.lrSchedule, epoch);
    let correct = 0;
    let lossSum = 0;
    let seen = 0;
    for (const batch of epochBatches({ split: data.train, shape: data.shape, batchSize: config.batchSize, seed, epoch, augment: data.augment })) {
      hooks.beforeBatch?.(context);
      const { loss, correct: hits } = trainStep({ model, optimizer, x: batch.x, y: batch.y, shape: data.shape, learningRate, observe });
      correct += hits;
      step += 1;
      if (!Number.isFinite(loss)) {
        diverged = { epoch, step };
        break;
      }
      lossSum += loss * batch.size;
      seen += batch.size;
      hooks.afterBatch?.(context);
    }
    trainSeconds += (performance.now() - epochStart) / 1000;
    examples += seen;
    if (diverged !== undefined) break;
    let evaluation: EpochEvaluation = { test: evaluate('test'), validation: data.validation ? evaluate('validation') : undefined };
    evaluation = hooks.afterEpoch?.(context, evaluation) ?? evaluation;
    const seconds = (performance.now() - epochStart) / 1000;
    epochs.push({
      epoch,
      learningRate,
      trainAccuracy: correct / seen,
      trainLoss: lossSum / seen,
      testAccuracy: evaluation.test.accuracy,
      testLoss: evaluation.test.loss,
      validationAccuracy: evaluation.validation?.accuracy,
      seconds,
    });
    if (progress) {
      const elapsed = (performance.now() - start) / 1000;
      const left = (elapsed / (epoch + 1 - (resumed?.epochsDone ?? 0))) * (config.epochs - epoch - 1);
      progress(
        `${options.label ?? `seed ${seed}`} epoch ${epoch + 1}/${config.epochs} train ${(100 * correct / seen).toFixed(1)}% test ${(100 * evaluation.test.accuracy).toFixed(1)}% ` +
          `${Math.round(seen / seconds)} ex/s, ${formatDuration(left)} left`,
      );
    }
    if (prefix !== undefined && saveAfter.has(epoch + 1) && !prefix.checkpoints.has(epoch + 1)) {
      prefix.checkpoints.save(captureCheckpoint({ model, optimizer, epochsDone: epoch + 1, step, epochs, trainSeconds, examples }));
    }
  }
  const outcome: TrainOutcome = {
    seed,
    backend,
    epochs,
    diverged,
    wallSeconds: (performance.now() - start) / 1000,
    examplesPerSecond: examples / Math.max(1e-9, trainSeconds),
    resumedEpochs: resumed?.epochsDone,
  };
  return {
    outcome,
    model,
    optimizer,
    data,
    checkpoint: () => captureCheckpoint({ model, optimizer, epochsDone: epochs.length, step, epochs, trainSeconds, examples }),
    dispose() {
      model.dispose();
      optimizer.dispose();
    },
  };
}
