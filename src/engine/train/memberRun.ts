import type { BackendInfo } from '../backend/initBackend.js';
import type { TrainedRun } from './trainedRun.js';
import { epochBatches, type HostBatch } from '../data/batches.js';
import type { tf } from '../tf.js';
import type { ConvBnUnit } from '../models/convBnUnit.js';
import { buildRun, type BuiltRun } from './buildRun.js';
import type { Divergence, EpochLog } from './epochLog.js';
import { evaluateModel, type Evaluation } from './evaluate.js';
import { formatDuration, type ProgressSink } from './progress.js';
import type { TrainConfig } from './trainConfig.js';
import { captureCheckpoint, restoreCheckpoint, type TrainingCheckpoint } from './trainingCheckpoint.js';
import type { EpochEvaluation, TrainingContext, TrainingHooks } from './trainingHooks.js';

/** One run of a training call: its seed and what only it has. */
export interface RunMember<Report = void> {
  readonly seed: number;
  readonly hooks?: TrainingHooks<Report>;
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
 * One run's side of the training loop: its data, model, optimizer and hooks, and its bookkeeping
 * (steps, the epoch's running loss and accuracy, the log, divergence, checkpoints). The loop
 * (`trainRun.ts`) takes the steps, alone or with other runs as one ensemble.
 */
export class MemberRun<Report = void> {
  readonly epochs: EpochLog[] = [];
  diverged: Divergence | undefined;
  step = 0;
  private trainSeconds = 0;
  private examples = 0;
  private epoch = 0;
  private correct = 0;
  private lossSum = 0;
  private seen = 0;
  readonly context: TrainingContext;

  private constructor(
    private readonly config: TrainConfig,
    readonly member: RunMember<Report>,
    readonly run: BuiltRun & { backend: BackendInfo },
    private readonly progress: ProgressSink | undefined,
  ) {
    const { model, optimizer, data } = run;
    const evalBatchSize = config.evalBatchSize ?? 500;
    const evaluate = (split: 'test' | 'validation' = 'test'): Promise<Evaluation> => {
      const target = split === 'validation' ? data.validation : data.test;
      if (target === undefined) throw new Error('evaluate: no validation split; set data.validationSize > 0');
      return evaluateModel({ model, split: target, shape: data.shape, batchSize: evalBatchSize });
    };
    this.context = Object.defineProperties(
      { config, seed: member.seed, model, optimizer, data, evaluate },
      { epoch: { get: () => this.epoch }, step: { get: () => this.step } },
    ) as TrainingContext;
  }

  /** Builds the run, calls `beforeTraining`, then continues from `member.start` where there is one. */
  static async start<Report>(config: TrainConfig, member: RunMember<Report>, progress?: ProgressSink): Promise<MemberRun<Report>> {
    const self = new MemberRun(config, member, await buildRun({ config, seed: member.seed }), progress);
    await member.hooks?.beforeTraining?.(self.context);
    const resumed = member.start;
    if (resumed !== undefined) {
      if (resumed.epochsDone > config.epochs)
        throw new Error(`start: the state holds ${resumed.epochsDone} epochs but the run has ${config.epochs}; continue from a state at most the run's length`);
      restoreCheckpoint(resumed, self.run.model, self.run.optimizer);
      self.epochs.push(...resumed.epochs);
      self.step = resumed.step;
      self.trainSeconds = resumed.trainSeconds;
      self.examples = resumed.examples;
      progress?.(`${self.label} continues after epoch ${resumed.epochsDone} from a stored training state`);
    }
    return self;
  }

  get label(): string {
    return this.member.label ?? `seed ${this.member.seed}`;
  }

  /** The epoch the loop starts at. */
  get firstEpoch(): number {
    return this.member.start?.epochsDone ?? 0;
  }

  /** Starts epoch `epoch`: its training batches, in the run's own order. */
  batches(epoch: number): Iterator<HostBatch> {
    this.epoch = epoch;
    this.correct = this.lossSum = this.seen = 0;
    const { data } = this.run;
    return epochBatches({ split: data.train, shape: data.shape, batchSize: this.config.batchSize, seed: this.member.seed, epoch, augment: data.augment })[
      Symbol.iterator
    ]();
  }

  /** The run's `observe` hook bound to its context, where it has one. */
  observer(): ((unit: ConvBnUnit, output: tf.Tensor4D) => void) | undefined {
    const observe = this.member.hooks?.observe;
    return observe && ((unit, output) => observe(unit, output, this.context));
  }

  /** Counts a step's loss and hits; false when the loss is not finite (the run has diverged and stops). */
  stepped(result: { loss: number; correct: number }, size: number): boolean {
    this.correct += result.correct;
    this.step += 1;
    if (!Number.isFinite(result.loss)) {
      this.diverged = { epoch: this.epoch, step: this.step };
      return false;
    }
    this.lossSum += result.loss * size;
    this.seen += size;
    return true;
  }

  /** Adds the epoch's training time and examples (also for an epoch cut short by divergence). */
  trained(seconds: number): void {
    this.trainSeconds += seconds;
    this.examples += this.seen;
  }

  /** Evaluates, runs `afterEpoch`, logs the epoch and says so, and hands out a checkpoint where asked. */
  async endEpoch(learningRate: number, epochStart: number, loopStart: number): Promise<void> {
    const { hooks } = this.member;
    const { data } = this.run;
    let evaluation: EpochEvaluation = {
      test: await this.context.evaluate('test'),
      validation: data.validation ? await this.context.evaluate('validation') : undefined,
    };
    evaluation = (await hooks?.afterEpoch?.(this.context, evaluation)) ?? evaluation;
    const seconds = (performance.now() - epochStart) / 1000;
    const { epoch, correct, seen } = this;
    this.epochs.push({
      epoch,
      learningRate,
      trainAccuracy: correct / seen,
      trainLoss: this.lossSum / seen,
      testAccuracy: evaluation.test.accuracy,
      testLoss: evaluation.test.loss,
      validationAccuracy: evaluation.validation?.accuracy,
      seconds,
    });
    if (this.progress) {
      const elapsed = (performance.now() - loopStart) / 1000;
      const left = (elapsed / (epoch + 1 - this.firstEpoch)) * (this.config.epochs - epoch - 1);
      this.progress(
        `${this.label} epoch ${epoch + 1}/${this.config.epochs} train ${((100 * correct) / seen).toFixed(1)}% test ${(100 * evaluation.test.accuracy).toFixed(1)}% ` +
          `${Math.round(seen / seconds)} ex/s, ${formatDuration(left)} left`,
      );
    }
    if (this.member.checkpoints?.after.includes(epoch + 1)) this.member.checkpoints.save(await this.checkpoint());
  }

  private checkpoint(): Promise<TrainingCheckpoint> {
    const { model, optimizer } = this.run;
    return captureCheckpoint({
      model,
      optimizer,
      epochsDone: this.epochs.length,
      step: this.step,
      epochs: this.epochs,
      trainSeconds: this.trainSeconds,
      examples: this.examples,
    });
  }

  /** The finished run, its model alive. */
  finish(loopStart: number): TrainedRun<Report> {
    const { run } = this;
    return {
      ...run,
      outcome: {
        seed: this.member.seed,
        backend: run.backend,
        epochs: this.epochs,
        diverged: this.diverged,
        wallSeconds: (performance.now() - loopStart) / 1000,
        examplesPerSecond: this.examples / Math.max(1e-9, this.trainSeconds),
        resumedEpochs: this.member.start?.epochsDone,
      },
      report: this.member.hooks?.report?.(),
      checkpoint: () => this.checkpoint(),
    };
  }
}
