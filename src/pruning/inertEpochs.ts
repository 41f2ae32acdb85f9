import type { PruningConfig } from './pruningConfig.js';
import { variantRegistry } from './variants/variantRegistry.js';

/**
 * Leading epochs during which a pruning config leaves training exactly as an unpruned run with
 * the same training config and seed: up to its first event, for variants that act only at
 * events and scores that need no statistics gathered during training. Runs that agree on this
 * prefix can share it (one trains it, the others continue from its checkpoint).
 * 0 when the config acts from the start (`scratch`, the `activations` score); `Infinity` for `none`.
 *
 * @example
 * ```ts
 * inertEpochs({ variant: 'remove', layers: [{ layer: 'conv1', fraction: 0.3, start: 6, end: 14 }], interval: 4, score: 'l2', selection: 'largest' }); // 6
 * ```
 */
export function inertEpochs(config: PruningConfig): number {
  const variant = variantRegistry[config.variant];
  if (variant === undefined)
    throw new Error(`pruning.variant: ${JSON.stringify(config.variant)} is not allowed; allowed: ${Object.keys(variantRegistry).join(', ')}`);
  if (variant.start !== undefined || tracksActivations(config)) return 0;
  if (!variant.hasEvents || config.layers.length === 0) return Infinity;
  return Math.min(...config.layers.map((l) => l.start));
}

/** Whether the config's score needs per-batch activation statistics from the start of training. */
export function tracksActivations(config: PruningConfig): boolean {
  return config.score === 'activations';
}
