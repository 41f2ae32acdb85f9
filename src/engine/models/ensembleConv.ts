import { EnsembleConv2D, type EnsembleConv2DAttrs } from '../kernels/kernelNames.js';
import { tf } from '../tf.js';
import { joinMembers, memberParts } from './members.js';

/**
 * The convolutions of an ensemble's members at once: `x` holds the members' batches one after another
 * along N, `filter` is `[members, kh, kw, C_in, C_out]`; member r's slice of the result, and of the
 * gradients, is `tf.conv2d` of its slices alone, bit for bit. Where the backend has
 * {@link EnsembleConv2D} (webgpu) its kernels run every member in one dispatch; elsewhere each
 * member's slices go through `tf.conv2d`.
 *
 * @example
 * ```ts
 * ensembleConv2d(x, filter, 1, 'same'); // x [2·8, 16, 16, 3], filter [2, 3, 3, 3, 16] → [2·8, 16, 16, 16]
 * ```
 */
export function ensembleConv2d(x: tf.Tensor4D, filter: tf.Tensor5D, strides: number, pad: 'same' | 'valid'): tf.Tensor4D {
  const members = filter.shape[0];
  if (tf.getKernel(EnsembleConv2D.forward, tf.getBackend()) === undefined) {
    const filters = memberParts<tf.Tensor4D>(filter, members, true);
    return joinMembers(memberParts<tf.Tensor4D>(x, members, false).map((slice, r) => tf.conv2d(slice, filters[r], strides, pad)));
  }
  const attrs: EnsembleConv2DAttrs = { strides, pad, inputShape: x.shape, filterShape: filter.shape };
  const run = (kernel: string, inputs: tf.NamedTensorMap) => tf.engine().runKernel(kernel, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, weights, save] = args as [tf.Tensor4D, tf.Tensor5D, tf.GradSaveFunc];
    save([input, weights]);
    return {
      value: run(EnsembleConv2D.forward, { x: input, filter: weights }),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [
        run(EnsembleConv2D.inputGrad, { dy, filter: saved[1] }),
        run(EnsembleConv2D.filterGrad, { x: saved[0], dy }),
      ],
    };
  });
  return op(x, filter) as tf.Tensor4D;
}
