import type { BackendInfo } from '../backend/initBackend.js';
import { epochBatches } from '../data/batches.js';
import { learningRateAt } from '../optim/learningRateSchedule.js';
import type { tf } from '../tf.js';
import { evaluateModel, type Evaluation } from './evaluate.js';
import { formatDuration, type ProgressSink } from './progress.js';
import type { TrainConfig } from './trainConfig.js';
import { buildRun, type BuiltRun } from './buildRun.js';
import type { EpochEvaluation, TrainingContext, TrainingHooks } from './trainingHooks.js';
import { captureCheckpoint, restoreCheckpoint, type TrainingCheckpoint } from './trainingCheckpoint.js';
import { trainStep } from './trainStep.js';
import type { Divergence, EpochLog } from './epochLog.js';

/** What the training loop measured. */
export interface TrainOutcome {
  readonly seed: number;
  readonly backend: BackendInfo;
  readonly epochs: readonly EpochLog[];
  readonly diverged?: Divergence;
  readonly wallSeconds: number;
  /** Training examples per second over the run (training batches only). */
  readonly examplesPerSecond: number;
  /** Epochs restored from the `start` state instead of being trained by this call. */
  readonly resumedEpochs?: number;
}

/** A finished run with its model still alive (for flatness and inspection); call `dispose()`. */
export interface TrainedRun<Report = void> extends BuiltRun {
  readonly outcome: TrainOutcome;
  /** What the hooks reported when training ended (`TrainingHooks.report`; e.g. pruning's events). */
  readonly report: Report | undefined;
  /** The training state at the end, as a checkpoint (a later measurement may continue from it). */
  checkpoint(): Promise<TrainingCheckpoint>;
}

/** Options of {@link trainRun}. */
export interface TrainRunOptions<Report = void> {
  readonly config: TrainConfig;
  readonly seed: number;
  readonly hooks?: TrainingHooks<Report>;
  readonly progress?: ProgressSink;
  /** Label shown in progress lines. */
  readonly label?: string;
  /**
   * A training state to continue from (after its `epochsDone` epochs, at most `config.epochs`):
   * the run is bit-identical to one that trained those epochs itself, provided the hooks do
   * nothing in them. (A finished state is restored without the loop by `restoreRun`.)
   */
  readonly start?: TrainingCheckpoint;
  /** Hands the training state to `save` after each of these epoch counts (e.g. for runs sharing the prefix). */
  readonly checkpoints?: { readonly after: readonly number[]; save(checkpoint: TrainingCheckpoint): void };
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
export async function trainRun<Report = void>(options: TrainRunOptions<Report>): Promise<TrainedRun<Report>> {
  const { config, seed, hooks = {}, progress } = options;
  const { backend, data, model, optimizer } = await buildRun({ config, seed });
  const evalBatchSize = config.evalBatchSize ?? 500;
  const evaluate = (split: 'test' | 'validation' = 'test'): Promise<Evaluation> => {
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
  const observe = hooks.observe
    ? (unit: Parameters<NonNullable<TrainingHooks['observe']>>[0], out: tf.Tensor4D) => hooks.observe?.(unit, out, context)
    : undefined;

  await hooks.beforeTraining?.(context);
  const resumed = options.start;
  if (resumed !== undefined) {
    if (resumed.epochsDone > config.epochs)
      throw new Error(`start: the state holds ${resumed.epochsDone} epochs but the run has ${config.epochs}; continue from a state at most the run's length`);
    restoreCheckpoint(resumed, model, optimizer);
    epochs.push(...resumed.epochs);
    step = resumed.step;
    trainSeconds = resumed.trainSeconds;
    examples = resumed.examples;
    progress?.(`${options.label ?? `seed ${seed}`} continues after epoch ${resumed.epochsDone} from a stored training state`);
  }
  const checkpointAfter = new Set(options.checkpoints?.after);
  for (epoch = resumed?.epochsDone ?? 0; epoch < config.epochs && diverged === undefined; epoch++) {
    const epochStart = performance.now();
    const learningRate = learningRateAt(config.optimizer.learningRate, config.lrSchedule, epoch);
    let correct = 0;
    let lossSum = 0;
    let seen = 0;
    for (const batch of epochBatches({ split: data.train, shape: data.shape, batchSize: config.batchSize, seed, epoch, augment: data.augment })) {
      await hooks.beforeBatch?.(context);
      const { loss, correct: hits } = await trainStep({ model, optimizer, x: batch.x, y: batch.y, shape: data.shape, learningRate, observe });
      correct += hits;
      step += 1;
      if (!Number.isFinite(loss)) {
        diverged = { epoch, step };
        break;
      }
      lossSum += loss * batch.size;
      seen += batch.size;
      await hooks.afterBatch?.(context);
    }
    trainSeconds += (performance.now() - epochStart) / 1000;
    examples += seen;
    if (diverged !== undefined) break;
    let evaluation: EpochEvaluation = { test: await evaluate('test'), validation: data.validation ? await evaluate('validation') : undefined };
    evaluation = (await hooks.afterEpoch?.(context, evaluation)) ?? evaluation;
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
        `${options.label ?? `seed ${seed}`} epoch ${epoch + 1}/${config.epochs} train ${((100 * correct) / seen).toFixed(1)}% test ${(100 * evaluation.test.accuracy).toFixed(1)}% ` +
          `${Math.round(seen / seconds)} ex/s, ${formatDuration(left)} left`,
      );
    }
    if (checkpointAfter.has(epoch + 1))
      options.checkpoints?.save(await captureCheckpoint({ model, optimizer, epochsDone: epoch + 1, step, epochs, trainSeconds, examples }));
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
    report: hooks.report?.(),
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
