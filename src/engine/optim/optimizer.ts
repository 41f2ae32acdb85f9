import type { tf, Variable } from '../tf.js';

/**
 * A first-order optimizer over a fixed list of variables, with its state exposed so pruning can
 * zero the state of removed filters (nothing may revive a masked weight through momentum).
 */
export interface Optimizer {
  readonly name: string;
  /** Applies one update; `grads[i]` belongs to `variables[i]`. */
  step(grads: readonly tf.Tensor[], learningRate: number): void;
  /**
   * Multiplies every state slot of `variable` by `mask`, broadcast along the last axis (the output
   * filter axis of conv kernels, the channel axis of γ/β).
   */
  maskState(variable: Variable, mask: tf.Tensor1D): void;
  /** State variables (for checkpoints and hashing). */
  stateVariables(): Variable[];
  /** Scalar state (step counts, first-step flags) that checkpoints carry beside the variables. */
  counters(): Record<string, number>;
  /** Restores what {@link Optimizer.counters} returned; a missing or unknown counter is an error. */
  restoreCounters(counters: Readonly<Record<string, number>>): void;
  dispose(): void;
}

/** Optimizer settings. Adam follows `torch.optim.Adam`, SGD `torch.optim.SGD` (L2 decay added to the gradient). */
export interface OptimizerConfig {
  readonly name: 'adam' | 'sgd';
  readonly learningRate: number;
  /** SGD momentum (default 0.9 for `sgd`). */
  readonly momentum?: number;
  /** L2 weight decay added to the gradient (default 0). */
  readonly weightDecay?: number;
  /** Adam β1, β2 (default 0.9, 0.999). */
  readonly betas?: readonly [number, number];
  /** Adam ε (default 1e-8). */
  readonly epsilon?: number;
}

/** One counter out of a checkpoint's optimizer counters, or an error naming it. */
export function counterValue(counters: Readonly<Record<string, number>>, name: string, optimizer: string): number {
  const value = counters[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(
      `${optimizer} optimizer: checkpoint counter '${name}' is ${JSON.stringify(value)}; expected a finite number (the checkpoint is from another optimizer or corrupt)`,
    );
  }
  return value;
}
