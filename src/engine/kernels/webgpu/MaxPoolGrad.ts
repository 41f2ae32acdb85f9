import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';
import type { KernelArgs } from '../util/kernelArgs.js';

/**
 * dx of a max-pool in one pass: each input element visits the windows that contain it, finds each
 * window's maximum as tfjs' stock kernel does (the last maximum in row-major window order, NaN and
 * padding handled alike), and adds that window's dy where it is the maximum, in the stock kernel's
 * order and arithmetic (`0 + dy·1` or `+ dy·0`). The stock kernel writes every window's position in
 * one dispatch and reads it back in a second; the bits are the same (tested).
 */
export class MaxPoolGradProgram implements WebGPUProgram {
  readonly variableNames = ['dy', 'x'];
  readonly uniforms = 'strides : vec2<i32>, pads : vec2<i32>, filterDims : vec2<i32>, inDims : vec2<i32>, outDims : vec2<i32>,';
  readonly workgroupSize: [number, number, number] = [64, 1, 1];
  readonly size = true;
  readonly outputShape: number[];
  readonly dispatchLayout: { x: number[] };
  readonly dispatch: [number, number, number];
  readonly shaderKey = 'gstMaxPoolGrad';

  constructor(inputShape: readonly number[]) {
    this.outputShape = [...inputShape];
    // one invocation per element, flat (tfjs folds dispatches over 65,535 workgroups into y)
    this.dispatchLayout = { x: inputShape.map((_, i) => i) };
    this.dispatch = [Math.ceil(tf.util.sizeFromShape(this.outputShape) / this.workgroupSize[0]), 1, 1];
  }

  getUserCode(): string {
    return `
      fn windowMaxPosition(batch : i32, yR : i32, yC : i32, d : i32) -> i32 {
        let xRCorner = yR * uniforms.strides.x - uniforms.pads.x;
        let xCCorner = yC * uniforms.strides.y - uniforms.pads.y;
        var maxValue = 0.0;
        var maxValueFound = 0.0;
        var maxPosition = 0;
        for (var wR = 0; wR < uniforms.filterDims.x; wR = wR + 1) {
          let xR = xRCorner + wR;
          if (xR < 0 || xR >= uniforms.inDims.x) { continue; }
          for (var wC = 0; wC < uniforms.filterDims.y; wC = wC + 1) {
            let xC = xCCorner + wC;
            if (xC < 0 || xC >= uniforms.inDims.y) { continue; }
            let value = getX(batch, xR, xC, d);
            let currMaxValue = mix(value, maxValue, maxValueFound);
            if (value >= currMaxValue) {
              maxValue = value;
              maxValueFound = 1.0;
              maxPosition = wR * uniforms.filterDims.y + wC;
            }
          }
        }
        return maxPosition;
      }

      fn main(index : i32) {
        if (index < uniforms.size) {
          let coords = getCoordsFromIndex(index);
          let batch = coords[0];
          let d = coords[3];
          let dyRCorner = coords[1] - (uniforms.filterDims.x - 1 - uniforms.pads.x);
          let dyCCorner = coords[2] - (uniforms.filterDims.y - 1 - uniforms.pads.y);
          let lastIndex = uniforms.filterDims.x * uniforms.filterDims.y - 1;
          var dotProd = 0.0;
          for (var wR = 0; wR < uniforms.filterDims.x; wR = wR + 1) {
            let r = dyRCorner + wR;
            if (r < 0 || r % uniforms.strides.x != 0 || r / uniforms.strides.x >= uniforms.outDims.x) { continue; }
            let yR = r / uniforms.strides.x;
            for (var wC = 0; wC < uniforms.filterDims.y; wC = wC + 1) {
              let c = dyCCorner + wC;
              if (c < 0 || c % uniforms.strides.y != 0 || c / uniforms.strides.y >= uniforms.outDims.y) { continue; }
              let yC = c / uniforms.strides.y;
              let maxPosValue = lastIndex - windowMaxPosition(batch, yR, yC, d);
              let mask = select(0.0, 1.0, maxPosValue == wR * uniforms.filterDims.y + wC);
              dotProd += getDy(batch, yR, yC, d) * mask;
            }
          }
          setOutputAtIndex(index, dotProd);
        }
      }
    `;
  }
}

/** `MaxPoolGrad` on webgpu, replacing the stock kernel's two dispatches by {@link MaxPoolGradProgram}'s one. */
function maxPoolGrad(args: KernelArgs): tf.TensorInfo {
  const { dy, input } = args.inputs as Record<'dy' | 'input', tf.TensorInfo>;
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  const pair = (a: number, b: number) => ({ type: 'int32', data: [a, b] });
  return (args.backend as WebGPUBackend).runWebGPUProgram(new MaxPoolGradProgram(input.shape), [dy, input], 'float32', [
    pair(info.strideHeight, info.strideWidth),
    pair(info.padInfo.top, info.padInfo.left),
    pair(info.effectiveFilterHeight, info.effectiveFilterWidth),
    pair(info.inHeight, info.inWidth),
    pair(info.outHeight, info.outWidth),
  ]);
}

/** Kernel config registered by `registerWebgpuKernels`. */
export const maxPoolGradConfig: tf.KernelConfig = {
  kernelName: tf.MaxPoolGrad,
  backendName: 'webgpu',
  kernelFunc: maxPoolGrad as unknown as tf.KernelFunc,
};
