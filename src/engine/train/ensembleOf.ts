import type { ConvNet } from '../models/convNet.js';
import { buildModel } from '../models/modelRegistry.js';
import type { Optimizer } from '../optim/optimizer.js';
import { createOptimizer } from '../optim/optimizerRegistry.js';
import { tf, type Variable } from '../tf.js';
import type { TrainConfig } from './trainConfig.js';

/** One member of an ensemble: a run's own model and optimizer, which its hooks, evaluation and checkpoints use. */
export interface EnsembleMember {
  readonly seed: number;
  readonly model: ConvNet;
  readonly optimizer: Optimizer;
}

/**
 * The model and optimizer that take the training steps of several runs at once (seeds trained
 * together): every variable stacked along a leading member dimension. With one member they are that
 * member's own, and the copies are nothing.
 */
export interface Ensemble {
  readonly model: ConvNet;
  readonly optimizer: Optimizer;
  /** Copies the ensemble's state (variables, optimizer slots and counters) into each member's model and optimizer. */
  toMembers(): void;
  /** Copies every member's state into the ensemble. */
  fromMembers(): void;
  /** Frees the stacked model and optimizer (a one-member ensemble frees nothing: they are the member's). */
  dispose(): void;
}

/** Model variables, then optimizer slots, in the order both orders of a model and its ensemble agree on. */
function stateVariables(model: ConvNet, optimizer: Optimizer): Variable[] {
  return [...model.namedVariables().map(([, v]) => v), ...optimizer.stateVariables()];
}

/**
 * The ensemble of `members`, which must be runs of `config` (same shapes), built empty and filled
 * with the members' current state.
 *
 * @example
 * ```ts
 * const ensemble = ensembleOf(config, runs, { inputShape: [28, 28, 1], numClasses: 10 });
 * await trainStep({ model: ensemble.model, optimizer: ensemble.optimizer, x, y, shape, learningRate });
 * ensemble.toMembers(); // each run's model now holds its step
 * ```
 */
export function ensembleOf(
  config: TrainConfig,
  members: readonly EnsembleMember[],
  data: { readonly inputShape: readonly [number, number, number]; readonly numClasses: number },
): Ensemble {
  if (members.length === 1) {
    const [{ model, optimizer }] = members;
    return { model, optimizer, toMembers: () => undefined, fromMembers: () => undefined, dispose: () => undefined };
  }
  const model = buildModel(config.model, { ...data, seed: members.map((m) => m.seed) });
  const optimizer = createOptimizer(model.trainableVariables(), config.optimizer);
  const stacked = stateVariables(model, optimizer);
  const parts = members.map((m) => stateVariables(m.model, m.optimizer));
  const ensemble: Ensemble = {
    model,
    optimizer,
    toMembers() {
      tf.tidy(() => stacked.forEach((v, i) => tf.unstack(v).forEach((part, r) => parts[r][i].assign(part))));
      const counters = optimizer.counters();
      for (const m of members) m.optimizer.restoreCounters(counters);
    },
    fromMembers() {
      tf.tidy(() => stacked.forEach((v, i) => v.assign(tf.stack(parts.map((p) => p[i])))));
      const counters = members.map((m) => m.optimizer.counters());
      if (new Set(counters.map((c) => JSON.stringify(c))).size > 1)
        throw new Error(
          `seeds together: the members' optimizer counters differ (${counters.map((c) => JSON.stringify(c)).join(', ')}); only runs at the same step train together`,
        );
      optimizer.restoreCounters(counters[0]);
    },
    dispose() {
      model.dispose();
      optimizer.dispose();
    },
  };
  ensemble.fromMembers();
  return ensemble;
}
