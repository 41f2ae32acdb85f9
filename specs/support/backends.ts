import { registerWasmKernels } from '../../src/engine/kernels/wasm/registerWasmKernels.js';
import { SeededRandom } from '../../src/primitives/seededRandom.js';
import { registerWebgpuKernels } from '../../src/engine/kernels/webgpu/registerWebgpuKernels.js';
import { initWebgpu, type AdapterInfo } from '../../src/engine/backend/webgpuBackend.js';
import { tf } from '../../src/engine/tf.js';

/** A tensor as plain data, so the same input can be rebuilt on each backend. */
export interface HostTensor {
  readonly values: Float32Array;
  readonly shape: number[];
}

/** Seeded standard-normal data. */
export function hostNormal(shape: number[], seed: number): HostTensor {
  const rng = new SeededRandom(seed);
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = rng.normal();
  return { values, shape };
}

/**
 * Runs `compute` on `backend` with `inputs` rebuilt there, and returns its outputs as plain arrays.
 * Switches backends, so use only in tests.
 */
export async function onBackend(
  backend: 'cpu' | 'wasm' | 'webgpu',
  inputs: readonly HostTensor[],
  compute: (...tensors: tf.Tensor[]) => tf.Tensor[],
): Promise<Float32Array[]> {
  if (backend === 'wasm') registerWasmKernels();
  await tf.setBackend(backend);
  await tf.ready();
  const outputs = tf.tidy(() => compute(...inputs.map((i) => tf.tensor(i.values, i.shape))));
  const values = await Promise.all(outputs.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(outputs);
  return values;
}

/**
 * The WebGPU backend for tests, on any adapter (Mesa's software one where no GPU is), with this
 * project's webgpu kernels registered as runs use them, or why it is not available (then the caller
 * skips and says so).
 */
export async function webgpuForTests(): Promise<{ adapter?: AdapterInfo; unavailable?: string }> {
  try {
    const adapter = await initWebgpu({ allowSoftware: true });
    registerWebgpuKernels();
    return { adapter };
  } catch (error) {
    return { unavailable: (error as Error).message };
  }
}

/** Largest elementwise |a − b| / (1 + |a|). */
export function maxRelativeError(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (1 + Math.abs(a[i])));
  return worst;
}

/**
 * Largest elementwise |a − b| relative to the largest |a|: the float32 rounding of a sum of many
 * products is proportional to the size of its terms, which the largest entry reflects.
 */
export function maxErrorRelativeToScale(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(a[i]));
  }
  return worst / Math.max(scale, 1e-30);
}
