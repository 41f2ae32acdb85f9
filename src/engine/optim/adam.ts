import { AdamStep, type AdamStepAttrs } from '../kernels/kernelNames.js';
import { tf, type Variable } from '../tf.js';
import { counterValue, type Optimizer, type OptimizerConfig } from './optimizer.js';

/**
 * Adam exactly as `torch.optim.Adam` (bias-corrected moments, ε outside the square root, L2 decay
 * added to the gradient). On wasm each variable's update is one kernel (`AdamStep`) with the
 * composite's bits.
 *
 * @example
 * ```ts
 * const opt = createAdam(net.trainableVariables(), { name: 'adam', learningRate: 1e-3 });
 * opt.step(grads, 1e-3);
 * ```
 */
export function createAdam(variables: readonly Variable[], config: OptimizerConfig): Optimizer {
  const [beta1, beta2] = config.betas ?? [0.9, 0.999];
  const epsilon = config.epsilon ?? 1e-8;
  const weightDecay = config.weightDecay ?? 0;
  const m = tf.tidy(() => variables.map((v) => tf.variable(tf.zerosLike(v), false, `${v.name}.adam.m`)));
  const s = tf.tidy(() => variables.map((v) => tf.variable(tf.zerosLike(v), false, `${v.name}.adam.v`)));
  const index = new Map(variables.map((v, i) => [v, i]));
  let t = 0;
  return {
    name: 'adam',
    step(grads, learningRate) {
      t += 1;
      const c1 = 1 - beta1 ** t;
      const c2 = 1 - beta2 ** t;
      const fused = tf.getKernel(AdamStep, tf.getBackend()) !== undefined;
      tf.tidy(() => {
        variables.forEach((v, i) => {
          if (fused) {
            const attrs: AdamStepAttrs = { weightDecay, beta1, beta2, epsilon, sqrtC2: Math.sqrt(c2), stepSize: learningRate / c1 };
            const [value, first, second] = tf
              .engine()
              .runKernel(AdamStep, { v, g: grads[i], m: m[i], s: s[i] }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
            m[i].assign(first);
            s[i].assign(second);
            v.assign(value);
            return;
          }
          const g = weightDecay > 0 ? tf.add(grads[i], tf.mul(v, weightDecay)) : grads[i];
          m[i].assign(tf.add(tf.mul(m[i], beta1), tf.mul(g, 1 - beta1)));
          s[i].assign(tf.add(tf.mul(s[i], beta2), tf.mul(tf.square(g), 1 - beta2)));
          const denom = tf.add(tf.div(tf.sqrt(s[i]), Math.sqrt(c2)), epsilon);
          v.assign(tf.sub(v, tf.div(tf.mul(m[i], learningRate / c1), denom)));
        });
      });
    },
    maskState(variable, mask) {
      const i = index.get(variable);
      if (i === undefined) throw new Error(`optimizer: variable '${variable.name}' is not one this optimizer updates`);
      tf.tidy(() => {
        m[i].assign(tf.mul(m[i], mask));
        s[i].assign(tf.mul(s[i], mask));
      });
    },
    stateVariables: () => [...m, ...s],
    counters: () => ({ t }),
    restoreCounters(counters) {
      t = counterValue(counters, 't', 'adam');
    },
    dispose() {
      for (const v of [...m, ...s]) v.dispose();
    },
  };
}
