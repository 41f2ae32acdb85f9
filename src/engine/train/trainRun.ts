import type { HostBatch } from '../data/batches.js';
import { learningRateAt } from '../optim/learningRateSchedule.js';
import { ensembleOf, type Ensemble } from './ensembleOf.js';
import { MemberRun, type RunMember } from './memberRun.js';
import type { TrainedRun } from './trainedRun.js';
import type { ProgressSink } from './progress.js';
import type { TrainConfig } from './trainConfig.js';
import type { BatchMoment } from './trainingHooks.js';
import { trainStep } from './trainStep.js';

/** Options of {@link trainRun}: one run. */
export interface TrainRunOptions<Report = void> extends RunMember<Report> {
  readonly config: TrainConfig;
  readonly progress?: ProgressSink;
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
  const [run] = await trainRuns({ config: options.config, members: [options], progress: options.progress });
  return run;
}

/** Runs the members' batch hooks of `moment`, with their own models up to date where a hook may use them. */
async function batchHooks(members: readonly MemberRun<unknown>[], ensemble: Ensemble, moment: BatchMoment): Promise<void> {
  const present = members.filter((m) => m.member.hooks?.[moment] !== undefined);
  if (present.length === 0) return;
  const uses = members.length > 1 && present.some((m) => m.member.hooks?.usesModel?.(moment) ?? true);
  if (uses) ensemble.toMembers();
  for (const m of present) await m.member.hooks?.[moment]?.(m.context);
  if (uses) ensemble.fromMembers();
}

/** The members' batches of one step, one after another (each member's own order and data). */
function joined(batches: readonly HostBatch[]): { x: Float32Array; y: Int32Array } {
  if (batches.length === 1) return batches[0];
  const x = new Float32Array(batches.length * batches[0].x.length);
  const y = new Int32Array(batches.length * batches[0].y.length);
  batches.forEach((b, r) => {
    x.set(b.x, r * b.x.length);
    y.set(b.y, r * b.y.length);
  });
  return { x, y };
}

/**
 * Trains runs of one config together (seeds trained together): each member keeps its own data
 * order, initialisation, hooks, evaluation, checkpoints and divergence, and the training steps of
 * all run as one ensemble (every variable with a leading member dimension), so each member's result
 * is bit-identical to its run alone. The members' models are brought up to date at each epoch end
 * and around batch hooks that may use them (`TrainingHooks.usesModel`); a diverged member leaves
 * the ensemble. Members must start at the same epoch and observe nothing (observers see one model).
 *
 * @example
 * ```ts
 * const [a, b] = await trainRuns({ config, members: [{ seed: 1 }, { seed: 2 }] });
 * a.outcome.epochs; // as trainRun({ config, seed: 1 }) logs them
 * ```
 */
export async function trainRuns<Report = void>(options: {
  config: TrainConfig;
  members: readonly RunMember<Report>[];
  progress?: ProgressSink;
}): Promise<TrainedRun<Report>[]> {
  const { config, progress } = options;
  if (options.members.length === 0) throw new Error('trainRuns: members is empty; give at least one run');
  const loopStart = performance.now();
  const all: MemberRun<Report>[] = [];
  for (const member of options.members) all.push(await MemberRun.start(config, member, progress));
  const firstEpoch = all[0].firstEpoch;
  if (all.some((m) => m.firstEpoch !== firstEpoch))
    throw new Error(`seeds together: the members start after ${all.map((m) => m.firstEpoch).join(', ')} epochs; only runs at the same epoch train together`);
  if (all.length > 1 && all.some((m) => m.member.hooks?.observe !== undefined))
    throw new Error('seeds together: a member observes its units (TrainingHooks.observe), which an ensemble does not offer; train such runs alone');
  if (all.length > 1) progress?.(`${all.length} runs train together: ${all.map((m) => m.label).join(', ')}`);
  const { shape, numClasses } = all[0].run.data;
  let live = all;
  let ensemble = ensembleOf(
    config,
    live.map((m) => ({ seed: m.member.seed, ...m.run })),
    { inputShape: shape, numClasses },
  );
  for (let epoch = firstEpoch; epoch < config.epochs && live.length > 0; epoch++) {
    const epochStart = performance.now();
    const learningRate = learningRateAt(config.optimizer.learningRate, config.lrSchedule, epoch);
    const batches = new Map(live.map((m) => [m, m.batches(epoch)]));
    for (;;) {
      const next = live.map((m) => batches.get(m)?.next());
      if (next.every((n) => n?.done !== false)) break;
      const host = next.map((n) => n?.value as HostBatch | undefined);
      if (host.some((b) => b?.size !== host[0]?.size))
        throw new Error(
          `seeds together: the members' batches have ${host.map((b) => b?.size ?? 0).join(', ')} examples; only runs of one config (same data sizes) train together`,
        );
      await batchHooks(live, ensemble, 'beforeBatch');
      const result = await trainStep({
        model: ensemble.model,
        optimizer: ensemble.optimizer,
        ...joined(host as HostBatch[]),
        shape,
        learningRate,
        observe: live[0].observer(),
      });
      const finite = (result.members ?? [result]).map((r, i) => live[i].stepped(r, host[0]?.size ?? 0));
      if (finite.includes(false)) {
        ensemble.toMembers();
        ensemble.dispose();
        for (const m of live.filter((_, i) => !finite[i])) m.trained((performance.now() - epochStart) / 1000);
        live = live.filter((_, i) => finite[i]);
        if (live.length === 0) break;
        ensemble = ensembleOf(
          config,
          live.map((m) => ({ seed: m.member.seed, ...m.run })),
          { inputShape: shape, numClasses },
        );
      }
      await batchHooks(live, ensemble, 'afterBatch');
    }
    if (live.length === 0) break;
    ensemble.toMembers();
    for (const m of live) {
      m.trained((performance.now() - epochStart) / 1000);
      await m.endEpoch(learningRate, epochStart, loopStart);
    }
    ensemble.fromMembers();
  }
  if (live.length > 0) ensemble.dispose(); // the members hold the state: copied out at the last epoch's end
  return all.map((m) => m.finish(loopStart));
}
