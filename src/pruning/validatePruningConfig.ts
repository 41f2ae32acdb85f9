import type { ConvNet } from '../engine/models/convNet.js';
import type { PruningConfig } from './pruningConfig.js';
import { layerEvents } from './schedule.js';
import { scoreRegistry } from './scores/scoreRegistry.js';
import { selectionRegistry } from './selections.js';
import { variantRegistry } from './variants/variantRegistry.js';

function fail(field: string, value: unknown, allowed: string): never {
  throw new Error(`${field}: ${JSON.stringify(value)} is not allowed; ${allowed}`);
}

/**
 * Checks a pruning config against a model before training; every error names the field and the
 * allowed values.
 */
export function validatePruningConfig(config: PruningConfig, model: Pick<ConvNet, 'architecture' | 'units'>): void {
  const variant = variantRegistry[config.variant];
  if (variant === undefined) fail('pruning.variant', config.variant, `allowed: ${Object.keys(variantRegistry).join(', ')}`);
  if (!(config.score in scoreRegistry)) fail('pruning.score', config.score, `allowed: ${Object.keys(scoreRegistry).join(', ')}`);
  if (!(config.selection in selectionRegistry)) fail('pruning.selection', config.selection, `allowed: ${Object.keys(selectionRegistry).join(', ')}`);
  if (variant.needsWindow && !(Number.isInteger(config.window) && (config.window ?? 0) >= 1)) {
    fail('pruning.window', config.window, `variant '${config.variant}' needs a window in training batches (integer ≥ 1)`);
  }
  if (config.variant === 'none') return;
  config.layers.forEach((schedule, i) => {
    const unit = model.units.get(schedule.layer);
    if (unit === undefined) fail(`pruning.layers[${i}].layer`, schedule.layer, `${model.architecture} has: ${[...model.units.keys()].join(', ')}`);
    layerEvents(schedule, { filters: unit.outChannels, interval: config.interval });
  });
}
