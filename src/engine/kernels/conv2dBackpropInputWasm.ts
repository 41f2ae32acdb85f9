import { tf } from '../tf.js';
import { conv2dWithSignedPadding, forwardConvInfo } from './signedPadding.js';
import { WasmKernelScope, type KernelArgs, type WasmBackendLike } from './wasmKernelScope.js';

/**
 * `Conv2DBackpropInput` for the wasm backend, replacing tfjs 4.22's slow scalar loop.
 *
 * The input gradient is the "full" convolution of the output gradient with the spatially flipped,
 * in/out-swapped filter. For stride `s > 1` the output gradient is first dilated by inserting
 * `s − 1` zeros between its pixels (a reshape and a pad), then convolved with stride 1 and padding
 * `k − 1 − pad` before (and whatever makes the output `H × W` after). The convolution is the
 * registered wasm `Conv2D`, i.e. this project's SIMD kernel (`conv2dWasm.ts`).
 */
function conv2dBackpropInput(args: KernelArgs): tf.TensorInfo {
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const info = forwardConvInfo('Conv2DBackpropInput', attrs.inputShape, filter.shape, attrs);
  const scope = new WasmKernelScope(args.backend as WasmBackendLike);
  const flipped = scope.run('Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = scope.run('Transpose', { x: flipped }, { perm: [0, 1, 3, 2] });
  const sh = info.strideHeight;
  const sw = info.strideWidth;
  const [n, oh, ow, co] = dy.shape;
  let dilated = dy;
  if (sh > 1 || sw > 1) {
    const spread = scope.run('Reshape', { x: dy }, { shape: [n, oh, 1, ow, 1, co] });
    const padded = scope.run(
      'PadV2',
      { x: spread },
      {
        paddings: [
          [0, 0],
          [0, 0],
          [0, sh - 1],
          [0, 0],
          [0, sw - 1],
          [0, 0],
        ],
        constantValue: 0,
      },
    );
    dilated = scope.run('Reshape', { x: padded }, { shape: [n, oh * sh, ow * sw, co] });
  }
  const before = (k: number, p: number) => k - 1 - p;
  const out = conv2dWithSignedPadding({
    scope,
    x: dilated,
    filter: swapped,
    dilations: [1, 1],
    padH: [before(info.filterHeight, info.padInfo.top), info.inHeight - dilated.shape[1] + info.padInfo.top],
    padW: [before(info.filterWidth, info.padInfo.left), info.inWidth - dilated.shape[2] + info.padInfo.left],
  });
  return scope.finish(out);
}

/** Kernel config registered by {@link registerWasmTrainingKernels}. */
export const conv2dBackpropInputWasmConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInput as unknown as tf.KernelFunc,
};
