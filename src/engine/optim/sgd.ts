import { SgdStep, type SgdStepAttrs } from '../kernels/kernelNames.js';
import { tf, type Variable } from '../tf.js';
import { counterValue, type Optimizer, type OptimizerConfig } from './optimizer.js';

/**
 * SGD with momentum exactly as `torch.optim.SGD` (buffer = g on the first step, then
 * `μ·buf + g`; no dampening, no Nesterov; L2 decay added to the gradient). On wasm each variable's
 * update is one kernel (`SgdStep`) with the composite's bits.
 *
 * @example
 * ```ts
 * const opt = createSgd(net.trainableVariables(), { name: 'sgd', learningRate: 0.1, momentum: 0.9, weightDecay: 1e-4 });
 * ```
 */
export function createSgd(variables: readonly Variable[], config: OptimizerConfig): Optimizer {
  const momentum = config.momentum ?? 0.9;
  const weightDecay = config.weightDecay ?? 0;
  const buffers = tf.tidy(() => variables.map((v) => tf.variable(tf.zerosLike(v), false, `${v.name}.sgd.momentum`)));
  const index = new Map(variables.map((v, i) => [v, i]));
  let first = true;
  return {
    name: 'sgd',
    step(grads, learningRate) {
      const fused = tf.getKernel(SgdStep, tf.getBackend()) !== undefined;
      tf.tidy(() => {
        variables.forEach((v, i) => {
          if (fused) {
            const attrs: SgdStepAttrs = { learningRate, momentum, weightDecay, first };
            const out = tf.engine().runKernel(SgdStep, { v, g: grads[i], buf: buffers[i] }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor | tf.Tensor[];
            const [value, buffer] = Array.isArray(out) ? out : [out];
            if (momentum > 0) buffers[i].assign(buffer);
            v.assign(value);
            return;
          }
          const g = weightDecay > 0 ? tf.add(grads[i], tf.mul(v, weightDecay)) : grads[i];
          let update = g;
          if (momentum > 0) {
            buffers[i].assign(first ? g : tf.add(tf.mul(buffers[i], momentum), g));
            update = buffers[i];
          }
          v.assign(tf.sub(v, tf.mul(update, learningRate)));
        });
      });
      first = false;
    },
    maskState(variable, mask) {
      const i = index.get(variable);
      if (i === undefined) throw new Error(`optimizer: variable '${variable.name}' is not one this optimizer updates`);
      tf.tidy(() => buffers[i].assign(tf.mul(buffers[i], mask)));
    },
    stateVariables: () => [...buffers],
    counters: () => ({ first: first ? 1 : 0 }),
    restoreCounters(counters) {
      first = counterValue(counters, 'first', 'sgd') === 1;
    },
    dispose() {
      for (const b of buffers) b.dispose();
    },
  };
}
