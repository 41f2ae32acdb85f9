import { createRequire } from 'node:module';
import { registerWasmTrainingKernels } from '../kernels/registerWasmTrainingKernels.js';
import { readSetting, type BackendRequest } from '../../settings.js';
import { tf } from '../tf.js';

/** The backend a run actually used; recorded in every run result. */
export interface BackendInfo {
  /** tfjs backend name: `tensorflow` (native TensorFlow via tfjs-node[-gpu]), `wasm` or `cpu`. */
  readonly name: 'tensorflow' | 'wasm' | 'cpu';
  /** The npm package that provided it. */
  readonly package: string;
  /** `@tensorflow/tfjs` version. */
  readonly tfjsVersion: string;
}

/** Native packages tried, in order, for `tensorflow` and `auto`. */
const nativePackages = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] as const;

function tryLoadNative(): string | undefined {
  const require = createRequire(import.meta.url);
  for (const name of nativePackages) {
    try {
      require(name);
      return name;
    } catch {
      // not installed, or libtensorflow missing: try the next one
    }
  }
  return undefined;
}

let current: BackendInfo | undefined;

/**
 * Selects and initialises the tfjs backend once per process.
 * `auto` takes tfjs-node-gpu, then tfjs-node, then wasm, then cpu. An explicit request that cannot
 * load is an error that names what to install. On wasm the project's training kernels are registered.
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
  if (request === 'auto' || request === 'tensorflow') {
    const pkg = tryLoadNative();
    if (pkg !== undefined && (await tf.setBackend('tensorflow'))) {
      current = { name: 'tensorflow', package: pkg, tfjsVersion };
      return current;
    }
    if (request === 'tensorflow') {
      throw new Error(
        "GST_BACKEND='tensorflow' but neither @tensorflow/tfjs-node-gpu nor @tensorflow/tfjs-node loads; " +
          'install one (`npm install @tensorflow/tfjs-node-gpu` on a CUDA machine with internet access) or use wasm/cpu',
      );
    }
  }
  if (request === 'auto' || request === 'wasm') {
    registerWasmTrainingKernels();
    if (await tf.setBackend('wasm').catch(() => false)) {
      await tf.ready();
      current = { name: 'wasm', package: '@tensorflow/tfjs-backend-wasm', tfjsVersion };
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
