import type { PruningConfig } from './pruningConfig.js';
import type { LayerSchedule } from './schedule.js';
import type { ScoreName } from './scores/scoreRegistry.js';
import type { SelectionName } from './selections.js';
import type { VariantName } from './variants/variantRegistry.js';

/** Free choices of a paper preset. */
export interface PaperPresetOptions {
  readonly interval: number;
  readonly selection: SelectionName;
  readonly variant?: VariantName;
  readonly window?: number;
}

function preset(options: PaperPresetOptions, score: ScoreName, layers: readonly LayerSchedule[]): PruningConfig {
  return { variant: options.variant ?? 'remove', interval: options.interval, score, selection: options.selection, window: options.window, layers };
}

/**
 * The authors' VGG11 pruning (last 4 convs, targets .3/.3/.3/.9, starts 3-6, ends 150/150/150/275,
 * L2 scores), with `r` and the selection free. Epochs 0-based, as in the authors' code.
 *
 * @example
 * ```ts
 * vgg11PaperPruning({ interval: 40, selection: 'largest' }); // Prune_L 13%
 * ```
 */
export function vgg11PaperPruning(options: PaperPresetOptions): PruningConfig {
  return preset(options, 'l2', [
    { layer: 'conv4', fraction: 0.3, start: 3, end: 150 },
    { layer: 'conv5', fraction: 0.3, start: 4, end: 150 },
    { layer: 'conv6', fraction: 0.3, start: 5, end: 150 },
    { layer: 'conv7', fraction: 0.9, start: 6, end: 275 },
  ]);
}

/** The authors' ResNet18 pruning (last-stage convs, .25/.4/.25/.95, starts 7-10, ends 150/150/170/275, activation scores). */
export function resnet18PaperPruning(options: PaperPresetOptions): PruningConfig {
  return preset(options, 'activations', [
    { layer: 'layer4.0.conv1', fraction: 0.25, start: 7, end: 150 },
    { layer: 'layer4.0.conv2', fraction: 0.4, start: 8, end: 150 },
    { layer: 'layer4.1.conv1', fraction: 0.25, start: 9, end: 170 },
    { layer: 'layer4.1.conv2', fraction: 0.95, start: 10, end: 275 },
  ]);
}

/** The paper's rate sweep of `r`. */
export const paperIntervals = [4, 20, 40, 60, 100, 200, 300] as const;
