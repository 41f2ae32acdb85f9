import { tf } from '../tf.js';
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

/** The attributes both backprop kernels share. */
export interface BackpropConvAttrs {
  readonly strides: number | [number, number];
  readonly pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  readonly dataFormat?: string;
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * The geometry of an NHWC convolution without dilation: the forward convolution a backprop kernel
 * differentiates (tfjs' conv2d gradients require dilation 1), or a `Conv2D` the engine's kernel takes.
 */
export function forwardConvInfo(
  kernel: string,
  inputShape: readonly number[],
  filterShape: readonly number[],
  attrs: BackpropConvAttrs,
): tf.backend_util.Conv2DInfo {
  if (attrs.dataFormat !== undefined && attrs.dataFormat !== 'NHWC') {
    throw new Error(`${kernel} (wasm): dataFormat '${attrs.dataFormat}' is not supported; allowed: 'NHWC'`);
  }
  return tf.backend_util.computeConv2DInfo(
    inputShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
}
