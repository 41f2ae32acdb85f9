import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useFusedMultiplyAdds } from '../kernels/wasm/kernelBuild.js';
import { nativeInstructionSetFor, resolveNativeKernels, useNativeKernels, type NativeInstructionSet } from '../kernels/native/nativeKernels.js';
import { registerWasmKernels } from '../kernels/wasm/registerWasmKernels.js';
import { registerWebgpuKernels, webgpuKernelsVersion } from '../kernels/webgpu/registerWebgpuKernels.js';
import { readSetting, type BackendRequest } from '../../settings.js';
import { tf } from '../tf.js';
import { initWebgpu, type AdapterInfo } from './webgpuBackend.js';

/** The backend a run actually used; recorded in every run result. */
export interface BackendInfo {
  /** tfjs backend name: `tensorflow` (native TensorFlow via tfjs-node[-gpu]), `webgpu` (Dawn), `wasm` or `cpu`. */
  readonly name: 'tensorflow' | 'webgpu' | 'wasm' | 'cpu';
  /** The npm package that provided it. */
  readonly package: string;
  /** `@tensorflow/tfjs` version. */
  readonly tfjsVersion: string;
  /** On `webgpu`: the adapter (vendor, architecture, driver, software or hardware). */
  readonly adapter?: AdapterInfo;
  /** On `webgpu`: the version of this project's kernels that replace stock ones (`webgpuKernelsVersion`); absent in runs trained on stock kernels only. */
  readonly kernels?: string;
  /** On `wasm` with `GST_WASM_FMA=1`: this project's convolutions round each multiply-add once. */
  readonly fusedMultiplyAdds?: true;
  /** On `wasm`: the instruction set of the native convolutions (`GST_NATIVE_KERNELS`), bit-identical to the wasm ones, so not part of the {@link backendIdentity}. */
  readonly nativeKernels?: NativeInstructionSet;
}

/**
 * What runs are keyed and matched by: the backend name, on `webgpu` the adapter and the version of
 * this project's webgpu kernels too, and `+fma` for
 * wasm with fused multiply-adds (results are bit-identical on one backend and kernel build and, on a
 * GPU, one adapter and driver).
 *
 * @example
 * ```ts
 * backendIdentity({ name: 'wasm', package: '@tensorflow/tfjs-backend-wasm', tfjsVersion: '4.22.0' }); // 'wasm'
 * ```
 */
export function backendIdentity(info: BackendInfo): string {
  const a = info.adapter;
  if (a !== undefined) return `${info.name}${info.kernels === undefined ? '' : `+${info.kernels}`}:${a.vendor}/${a.architecture}/${a.device}/${a.description}`;
  return info.fusedMultiplyAdds === true ? `${info.name}+fma` : info.name;
}

/** Loads a native TensorFlow package; undefined when it is not installed or libtensorflow is missing. */
function tryLoadNative(name: '@tensorflow/tfjs-node-gpu' | '@tensorflow/tfjs-node'): string | undefined {
  try {
    createRequire(import.meta.url)(name);
    return name;
  } catch {
    return undefined;
  }
}

/** Whether `auto` should look for a hardware WebGPU adapter: on Linux only where a GPU device node exists (Dawn's probe of Mesa's drivers prints warnings). */
function mayHaveGpu(): boolean {
  if (process.platform !== 'linux') return true;
  return existsSync('/dev/nvidiactl') || (existsSync('/dev/dri') && readdirSync('/dev/dri').some((f) => f.startsWith('renderD')));
}

async function tryNative(name: '@tensorflow/tfjs-node-gpu' | '@tensorflow/tfjs-node', tfjsVersion: string): Promise<BackendInfo | undefined> {
  const pkg = tryLoadNative(name);
  return pkg !== undefined && (await tf.setBackend('tensorflow')) ? { name: 'tensorflow', package: pkg, tfjsVersion } : undefined;
}

let current: BackendInfo | undefined;

/**
 * Selects and initialises the tfjs backend once per process.
 * `auto` takes tfjs-node-gpu, then webgpu on a hardware adapter, then tfjs-node, then wasm, then cpu.
 * `webgpu` takes a hardware adapter, or with `GST_WEBGPU_SOFTWARE=1` also Mesa's software one (tests only).
 * An explicit request that cannot load is an error that names what to install. On wasm the
 * project's training kernels are registered, with fused multiply-adds when `GST_WASM_FMA=1`, and its
 * convolutions run as native code where `npm install` built it (`GST_NATIVE_KERNELS`).
 *
 * @example
 * ```ts
 * const info = await initBackend({ request: 'wasm' });
 * info.name; // 'wasm'
 * ```
 */
export async function initBackend(options: { request?: BackendRequest } = {}): Promise<BackendInfo> {
  const request = options.request ?? readSetting('GST_BACKEND');
  if (current !== undefined && (request === 'auto' || request === current.name)) return current;
  const tfjsVersion = tf.version.tfjs;
  const nativeGpu = request === 'auto' || request === 'tensorflow' ? await tryNative('@tensorflow/tfjs-node-gpu', tfjsVersion) : undefined;
  if (nativeGpu !== undefined) {
    current = nativeGpu;
    return current;
  }
  if (request === 'webgpu' || (request === 'auto' && mayHaveGpu())) {
    const adapter = await initWebgpu({ allowSoftware: request === 'webgpu' && readSetting('GST_WEBGPU_SOFTWARE') }).catch((error: unknown) => {
      if (request === 'webgpu') throw error;
      return undefined;
    });
    if (adapter !== undefined) {
      registerWebgpuKernels();
      current = { name: 'webgpu', package: '@tensorflow/tfjs-backend-webgpu + webgpu (Dawn)', tfjsVersion, adapter, kernels: webgpuKernelsVersion };
      return current;
    }
  }
  if (request === 'auto' || request === 'tensorflow') {
    current = await tryNative('@tensorflow/tfjs-node', tfjsVersion);
    if (current !== undefined) return current;
    if (request === 'tensorflow') {
      throw new Error(
        "GST_BACKEND='tensorflow' but neither @tensorflow/tfjs-node-gpu nor @tensorflow/tfjs-node loads; " +
          'install one (`npm install @tensorflow/tfjs-node-gpu` on a CUDA machine with internet access) or use wasm/cpu',
      );
    }
  }
  if (request === 'auto' || request === 'wasm') {
    registerWasmKernels();
    if (await tf.setBackend('wasm').catch(() => false)) {
      await tf.ready();
      const fused = readSetting('GST_WASM_FMA');
      useFusedMultiplyAdds(fused, tf.backend());
      useNativeKernels(resolveNativeKernels(readSetting('GST_NATIVE_KERNELS')));
      const isa = nativeInstructionSetFor(fused);
      current = {
        name: 'wasm',
        package: '@tensorflow/tfjs-backend-wasm',
        tfjsVersion,
        ...(fused ? { fusedMultiplyAdds: true as const } : {}),
        ...(isa !== undefined ? { nativeKernels: isa } : {}),
      };
      return current;
    }
    if (request === 'wasm') {
      throw new Error("GST_BACKEND='wasm' but @tensorflow/tfjs-backend-wasm failed to initialise; reinstall it (npm ci)");
    }
  }
  await tf.setBackend('cpu');
  current = { name: 'cpu', package: '@tensorflow/tfjs-backend-cpu', tfjsVersion };
  return current;
}
