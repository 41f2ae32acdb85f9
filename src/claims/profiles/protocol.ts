import type { ScoreName } from '../../pruning/scores/scoreRegistry.js';
import type { TrainConfig } from '../../engine/train/trainConfig.js';
import type { RunConfig } from '../../results/runConfig.js';
import type { FlatnessConfig } from '../../flatness/measureFlatness.js';
import type { LayerSchedule } from '../../pruning/schedule.js';
import type { ArmSpec } from '../dsl/armSpec.js';
import type { Profile, SeedPhase } from './profile.js';
import type { SequentialDesign } from '../design/sequentialDesign.js';

/** The numbers that define a profile's protocol; {@link profileFromProtocol} turns them into a {@link Profile}. */
export interface Protocol {
  readonly name: string;
  readonly description: string;
  /** Data, model, optimizer, schedule, batch size and epochs of every run. */
  readonly train: TrainConfig;
  readonly layers: readonly LayerSchedule[];
  /** The default score (the paper: `l2` for VGG). */
  readonly score: ScoreName;
  /** `r` of the `small` and `large` rates. */
  readonly rates: { readonly small: number; readonly large: number };
  /** `r` of the sweep, increasing. */
  readonly sweep: readonly number[];
  /** Perturbation windows in training batches. */
  readonly windows: { readonly short: number; readonly long: number };
  readonly flatness: FlatnessConfig;
  readonly seedsPerArm: number;
  /** Runs of one training config trained together on webgpu, unless `GST_SEEDS_TOGETHER` says otherwise. */
  readonly seedsTogether: number;
  /** First seed of each seed set it has; replicate i uses first + i. */
  readonly seedBase: { readonly calibration: number; readonly confirmation: number } & { readonly [phase in SeedPhase]?: number };
}

/** conv1–conv4 pruned to .3/.3/.3/.6 between epochs `start` and `end` (the small protocols' targets). */
export function lastFourConvs(start: number, end: number): LayerSchedule[] {
  return [
    { layer: 'conv1', fraction: 0.3, start, end },
    { layer: 'conv2', fraction: 0.3, start, end },
    { layer: 'conv3', fraction: 0.3, start, end },
    { layer: 'conv4', fraction: 0.6, start, end },
  ];
}

function interval(protocol: Protocol, arm: ArmSpec): number {
  const rate = arm.rate ?? 'large';
  if (rate === 'small' || rate === 'large') return protocol.rates[rate];
  const index = Number(rate.slice('sweep-'.length));
  const r = protocol.sweep[index];
  if (r === undefined)
    throw new Error(`arm '${arm.label}': rate '${rate}' is not allowed; allowed: small, large, sweep-0 … sweep-${protocol.sweep.length - 1}`);
  return r;
}

/**
 * Builds a profile from a protocol: an arm's variant, selection, rate, window and score become the
 * pruning config; everything else is the protocol's. Without a sequential design the protocol's
 * `seedsPerArm` are a fixed design.
 */
export function profileFromProtocol(protocol: Protocol, design?: SequentialDesign): Profile {
  return {
    name: protocol.name,
    description: protocol.description,
    seedsPerArm: protocol.seedsPerArm,
    seedsTogether: protocol.seedsTogether,
    design,
    sweepSize: protocol.sweep.length,
    runConfig(arm: ArmSpec): RunConfig {
      return {
        train: protocol.train,
        pruning: {
          variant: arm.variant,
          selection: arm.selection ?? 'smallest',
          score: arm.score ?? protocol.score,
          interval: interval(protocol, arm),
          window: arm.perturbationWindow ? protocol.windows[arm.perturbationWindow] : undefined,
          layers: arm.variant === 'none' ? [] : protocol.layers,
        },
        flatness: arm.flatness ? protocol.flatness : undefined,
      };
    },
    seeds(count: number, phase: SeedPhase) {
      const first = protocol.seedBase[phase];
      if (first === undefined)
        throw new Error(
          `GST_SEEDS=${phase} is not allowed for the profile '${protocol.name}'; its seed sets: ${Object.keys(protocol.seedBase).join(', ')} (a new seed set is added to the protocol's seedBase, on seeds never used)`,
        );
      return Array.from({ length: count }, (_, i) => first + i);
    },
  };
}
