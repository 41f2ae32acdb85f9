import { tf } from '../../tf.js';
import type { WasmKernelScope } from './wasmKernelScope.js';

/** Padding before and after one spatial axis; a negative amount crops instead. */
export type SignedPad = readonly [before: number, after: number];

/**
 * Runs a stride-1 `Conv2D` on wasm with padding that may be negative on any side: negative
 * amounts are applied as a crop of the input first, the rest as explicit conv padding.
 * Both backprop kernels reduce to this.
 */
export function conv2dWithSignedPadding(options: {
  scope: WasmKernelScope;
  x: tf.TensorInfo;
  filter: tf.TensorInfo;
  dilations: [number, number];
  padH: SignedPad;
  padW: SignedPad;
}): tf.TensorInfo {
  const { scope, filter, dilations, padH, padW } = options;
  let x = options.x;
  const [n, h, w, c] = x.shape;
  const cropTop = Math.max(0, -padH[0]);
  const cropBottom = Math.max(0, -padH[1]);
  const cropLeft = Math.max(0, -padW[0]);
  const cropRight = Math.max(0, -padW[1]);
  if (cropTop + cropBottom + cropLeft + cropRight > 0) {
    x = scope.run('Slice', { x }, { begin: [0, cropTop, cropLeft, 0], size: [n, h - cropTop - cropBottom, w - cropLeft - cropRight, c] });
  }
  const pad = [
    [0, 0],
    [Math.max(0, padH[0]), Math.max(0, padH[1])],
    [Math.max(0, padW[0]), Math.max(0, padW[1])],
    [0, 0],
  ];
  return scope.run('Conv2D', { x, filter }, { strides: [1, 1], pad, dilations, dataFormat: 'NHWC', dimRoundingMode: undefined } as unknown as tf.NamedAttrMap);
}
