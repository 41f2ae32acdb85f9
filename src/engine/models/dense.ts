import { Dense, type DenseAttrs } from '../kernels/kernelNames.js';
import { tf } from '../tf.js';
import { joinMembers, memberParts } from './members.js';

/**
 * The classifier head x·kernel + bias of one model (`kernel` `[F, K]`, `bias` `[K]`) or of an
 * ensemble's members (`[R, F, K]`, `[R, K]`; `x` holds their rows one after another), with gradients.
 * Where the backend has {@link Dense} (webgpu) its kernels run every member in one dispatch each way,
 * each member's values those of its model alone; elsewhere tfjs' matMul and add run per member.
 *
 * @example
 * ```ts
 * dense(features, headKernel, headBias); // [B, F] · [F, K] + [K] → [B, K]
 * ```
 */
export function dense(x: tf.Tensor2D, kernel: tf.Tensor, bias: tf.Tensor): tf.Tensor2D {
  const stacked = kernel.rank === 3;
  const members = stacked ? kernel.shape[0] : 1;
  if (tf.getKernel(Dense.forward, tf.getBackend()) === undefined) {
    const [kernels, biases] = [kernel, bias].map((v) => memberParts(v, members, stacked));
    return joinMembers(memberParts<tf.Tensor2D>(x, members, false).map((f, r) => tf.add(tf.matMul(f, kernels[r] as tf.Tensor2D), biases[r])));
  }
  const attrs: DenseAttrs = { members };
  const run = (name: string, inputs: tf.NamedTensorMap) => tf.engine().runKernel(name, inputs, attrs as unknown as tf.NamedAttrMap);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, weights, offsets, save] = args as [tf.Tensor2D, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    save([input, weights]);
    return {
      value: run(Dense.forward, { x: input, kernel: weights, bias: offsets }) as tf.Tensor,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [dKernel, dBias] = run(Dense.weightGrad, { x: saved[0], dy }) as tf.Tensor[];
        return [run(Dense.inputGrad, { dy, kernel: saved[1] }) as tf.Tensor, tf.reshape(dKernel, saved[1].shape), tf.reshape(dBias, offsets.shape)];
      },
    };
  });
  return op(x, kernel, bias) as tf.Tensor2D;
}
