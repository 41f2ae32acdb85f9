import { tf } from '../../tf.js';
import type { EnsembleConv2DAttrs } from '../kernelNames.js';

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
    throw new Error(`${kernel}: dataFormat '${attrs.dataFormat}' is not supported; allowed: 'NHWC'`);
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

/** Whether a `Conv2D` is one the engine's kernels compute (NHWC, no dilation); any other goes to the backend's stock kernel. */
export function isPlainConv2D(attrs: tf.Conv2DAttrs): boolean {
  return attrs.dataFormat !== 'NCHW' && tf.backend_util.tupleValuesAreOne(attrs.dilations ?? 1);
}

/**
 * One member's convolution of an `EnsembleConv2D` kernel and the number of members: x's batch
 * splits evenly among the filter's leading dimension.
 */
export function memberConvInfo(kernel: string, attrs: EnsembleConv2DAttrs): { info: tf.backend_util.Conv2DInfo; members: number } {
  const [batch, ...image] = attrs.inputShape;
  const [members, ...filter] = attrs.filterShape;
  if (attrs.filterShape.length !== 5 || batch % members !== 0)
    throw new Error(
      `${kernel}: filterShape ${JSON.stringify(attrs.filterShape)} must be [members, kh, kw, C_in, C_out] with members dividing x's batch ${batch}`,
    );
  return { info: forwardConvInfo(kernel, [batch / members, ...image], filter, attrs), members };
}
