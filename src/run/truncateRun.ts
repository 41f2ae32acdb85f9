import type { RunConfig } from '../results/runConfig.js';
import type { RunResult } from '../results/runResult.js';

/**
 * Why a run of `config` cannot be read from a longer run of the same config (undefined when it can):
 * nothing but the loop bound depends on the epoch count (the data order, the learning rate
 * schedule's absolute milestones and the pruning events are drawn per epoch), except a flatness
 * measurement (made on the final state) and a perturbation window (which may outlast the last event).
 */
export function truncationObstacle(config: RunConfig): string | undefined {
  if (config.flatness !== undefined) return 'flatness: it is measured on the final state; omit it, or train the run itself';
  if (config.pruning.window !== undefined) return `pruning.window: ${config.pruning.window} batches may outlast the last event; train the run itself`;
  return undefined;
}

/**
 * The result a run of `config` (the same run, `config.train.epochs` epochs) would have, read from
 * `longer`, which trained more epochs of it: its first epochs, its events (all within them, else it
 * throws), and the share of its own training time those epochs took. Bit-identical to training the
 * shorter run, timings aside (specs/run/truncateRun.test.ts).
 *
 * @example
 * ```ts
 * const short = truncateRun(longRun, { ...longRun.config, train: { ...longRun.config.train, epochs: 14 } });
 * short.epochs.length; // 14
 * short.readFrom; // { epochs: 50 }
 * ```
 */
export function truncateRun(longer: RunResult, config: RunConfig): RunResult {
  const epochs = config.train.epochs;
  const obstacle = truncationObstacle(config);
  if (obstacle !== undefined) throw new Error(`truncateRun: ${obstacle}`);
  if (longer.config.train.epochs < epochs) throw new Error(`truncateRun: the run has ${longer.config.train.epochs} epochs, fewer than the ${epochs} asked for`);
  const lateEvent = longer.events.find((event) => event.epoch >= epochs);
  if (lateEvent !== undefined)
    throw new Error(`truncateRun: an event at epoch ${lateEvent.epoch} lies beyond the ${epochs} epochs asked for; train the run itself`);
  const own = (log: RunResult['epochs']) => log.slice(longer.resumedEpochs ?? 0).reduce((sum, epoch) => sum + epoch.seconds, 0);
  const kept = longer.epochs.slice(0, epochs);
  const ownShare = own(longer.epochs) > 0 ? own(kept) / own(longer.epochs) : 1;
  return {
    ...longer,
    config,
    epochs: kept,
    diverged: longer.diverged !== undefined && longer.diverged.epoch < epochs ? longer.diverged : undefined,
    wallSeconds: longer.wallSeconds * ownShare,
    resumedEpochs: longer.resumedEpochs === undefined ? undefined : Math.min(longer.resumedEpochs, epochs),
    readFrom: { epochs: longer.config.train.epochs },
  };
}
