import { tf } from '../../tf.js';

/** The wasm backend as the kernels see it: only the part this module uses. */
export interface WasmBackendLike {
  disposeData(dataId: object, force?: boolean): boolean;
}

/**
 * Runs other wasm kernels from inside a kernel, as tfjs' own kernels do, and frees every
 * intermediate it produced except the one returned. Kernels composed this way never touch the
 * engine's tensor tracking, so they leak nothing and are invisible to `tf.memory()`.
 *
 * @example
 * ```ts
 * const scope = new WasmKernelScope(backend);
 * const t = scope.run('Transpose', { x }, { perm: [3, 1, 2, 0] });
 * const out = scope.run('Conv2D', { x: t, filter }, attrs);
 * return scope.finish(out); // frees `t`, hands `out` to the engine
 * ```
 */
export class WasmKernelScope {
  private readonly intermediates: tf.TensorInfo[] = [];

  constructor(private readonly backend: WasmBackendLike) {}

  /** Runs the wasm kernel `kernelName` and remembers its output for disposal. */
  run(kernelName: string, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap): tf.TensorInfo {
    const kernel = tf.getKernel(kernelName, 'wasm');
    if (kernel === undefined) {
      throw new Error(`wasm kernel '${kernelName}' is not registered; the wasm backend must be loaded first`);
    }
    const out = kernel.kernelFunc({ inputs, attrs, backend: this.backend as never });
    const info = Array.isArray(out) ? out[0] : out;
    this.intermediates.push(info);
    return info;
  }

  /** Remembers `info`, made outside {@link run} (a kernel of this project's own on the heap), for disposal. */
  track(info: tf.TensorInfo): tf.TensorInfo {
    this.intermediates.push(info);
    return info;
  }

  /** Frees all intermediates except `result`, which is returned to the caller. */
  finish(result: tf.TensorInfo): tf.TensorInfo {
    for (const info of this.intermediates) {
      if (info !== result) this.backend.disposeData(info.dataId);
    }
    this.intermediates.length = 0;
    return result;
  }
}
