import type { ConvBnUnit } from '../engine/models/convBnUnit.js';
import { tf } from '../engine/tf.js';

/**
 * The `activations` score's statistics, as the authors compute them for ResNet18: every
 * `every` training batches (default 10), each channel's summed |activation| over the batch and
 * positions (the unit's output after BN, before ReLU) enters a running average
 * `0.1·new + 0.9·old`, starting from 0.
 */
export class ActivationTracker {
  private readonly averages = new Map<string, Float64Array>();
  private readonly pending = new Map<string, tf.Tensor1D>();

  constructor(
    private readonly layers: ReadonlySet<string>,
    private readonly every = 10,
  ) {}

  /** Call from the training forward pass (`TrainingHooks.observe`) with the 0-based batch step. */
  observe(unit: ConvBnUnit, output: tf.Tensor4D, step: number): void {
    if (step % this.every !== 0 || !this.layers.has(unit.name)) return;
    this.pending.set(unit.name, tf.keep(tf.sum(tf.abs(output), [0, 1, 2]) as tf.Tensor1D));
  }

  /** Call after the batch: folds pending measurements into the running averages. */
  async commit(): Promise<void> {
    for (const [name, sums] of this.pending) {
      const fresh = await sums.data();
      sums.dispose();
      const avg = this.averages.get(name) ?? new Float64Array(fresh.length);
      for (let i = 0; i < fresh.length; i++) avg[i] = 0.1 * fresh[i] + 0.9 * avg[i];
      this.averages.set(name, avg);
    }
    this.pending.clear();
  }

  /** The current running averages of a layer (undefined before its first measurement). */
  values(layer: string): Float64Array | undefined {
    return this.averages.get(layer);
  }
}
