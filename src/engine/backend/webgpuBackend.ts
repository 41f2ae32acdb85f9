/// <reference types="@webgpu/types" />
import { defaultEnvironment } from '../../settings.js';
import { tf } from '../tf.js';

/** The WebGPU adapter a run used (recorded beside the backend in every run result). */
export interface AdapterInfo {
  readonly vendor: string;
  readonly architecture: string;
  /** The adapter's device name (e.g. `llvmpipe-llvm-15…` for Mesa's software rasteriser). */
  readonly device: string;
  /** Driver description (e.g. `OpenGL ES 3.2 Mesa 22.3.6`, or the Vulkan driver's). */
  readonly description: string;
  /** A software adapter (llvmpipe, lavapipe, SwiftShader): for testing the code path, never for results. */
  readonly software: boolean;
  /** Dawn's native API behind the adapter: `vulkan` (hardware route) or `opengles` (software route, compatibility mode). */
  readonly api: 'vulkan' | 'opengles';
}

type DawnModule = { create(flags: string[]): GPU; globals: object };
type GpuAdapter = Awaited<ReturnType<GPU['requestAdapter']>>;

const softwareDevices = /llvmpipe|lavapipe|swiftshader|softpipe/i;

/** The Dawn instance in use: Dawn tears it down when the JS object is collected, under the adapter and device still using it. */
let instance: GPU | undefined;

function describe(adapter: NonNullable<GpuAdapter>, api: AdapterInfo['api']): AdapterInfo {
  const info = adapter.info;
  const device = info.device || info.description;
  return {
    vendor: info.vendor,
    architecture: info.architecture,
    device,
    description: info.description,
    software: info.isFallbackAdapter || softwareDevices.test(`${device} ${info.description}`),
    api,
  };
}

/** What to install when no adapter is found, by route. */
const missingAdapterHelp =
  'a hardware adapter needs the GPU driver with its Vulkan ICD and the Vulkan loader (Debian: libvulkan1; in containers NVIDIA_DRIVER_CAPABILITIES must include graphics; check with vulkaninfo --summary); ' +
  'the software adapter (GST_WEBGPU_SOFTWARE=1, for tests only) needs EGL and Mesa (Debian: libegl1 libegl-mesa0 libgl1-mesa-dri)';

async function loadDawn(): Promise<DawnModule> {
  try {
    return (await import('webgpu')) as DawnModule;
  } catch (error) {
    throw new Error(
      `GST_BACKEND='webgpu' but the npm package webgpu (Dawn) does not load: ${(error as Error).message.split('\n')[0]}; install it with npm install webgpu@0.6.2 (linux-x64, linux-arm64, darwin, win32 prebuilt)`,
      { cause: error },
    );
  }
}

/** Asks Dawn for an adapter: hardware first (Vulkan), then, when allowed, the software one (Mesa llvmpipe through OpenGL ES). */
async function requestAdapter(dawn: DawnModule, allowSoftware: boolean): Promise<{ adapter: NonNullable<GpuAdapter>; info: AdapterInfo }> {
  instance = dawn.create([]);
  const hardware = await instance.requestAdapter({ powerPreference: 'high-performance' });
  if (hardware !== null) {
    const info = describe(hardware, 'vulkan');
    if (!info.software || allowSoftware) return { adapter: hardware, info };
  }
  if (!allowSoftware) throw new Error(`GST_BACKEND='webgpu' found no hardware WebGPU adapter: ${missingAdapterHelp}`);
  // Mesa's EGL needs a platform without a display; Dawn's OpenGL ES backend only offers compatibility-mode adapters
  defaultEnvironment('EGL_PLATFORM', 'surfaceless');
  instance = dawn.create(['backend=opengles']);
  const software = await instance.requestAdapter({ featureLevel: 'compatibility' } as GPURequestAdapterOptions);
  if (software === null) throw new Error(`GST_BACKEND='webgpu' with GST_WEBGPU_SOFTWARE=1 found no adapter at all: ${missingAdapterHelp}`);
  return { adapter: software, info: describe(software, 'opengles') };
}

/**
 * Sets up tfjs' WebGPU backend on Dawn's Node bindings (the npm package `webgpu`): Dawn's globals,
 * a `navigator.gpu` that hands tfjs the adapter chosen here (Node has no `navigator`, and tfjs would
 * not ask for the compatibility-mode adapter the software route needs), then the backend itself.
 * Throws an error naming what is missing. Values must be read asynchronously on this backend
 * (`await t.data()`): `dataSync()` needs a browser canvas.
 *
 * @example
 * ```ts
 * const adapter = await initWebgpu({ allowSoftware: false }); // { vendor: 'nvidia', software: false, api: 'vulkan', … }
 * ```
 */
export async function initWebgpu(options: { allowSoftware: boolean }): Promise<AdapterInfo> {
  // once per process: tfjs keeps the first backend it built, on the first adapter and instance
  started ??= startWebgpu(options.allowSoftware);
  const info = await started;
  if (info.software && !options.allowSoftware) throw new Error(`GST_BACKEND='webgpu': this process already runs on the software adapter ${info.device}`);
  await tf.setBackend('webgpu');
  return info;
}

let started: Promise<AdapterInfo> | undefined;

async function startWebgpu(allowSoftware: boolean): Promise<AdapterInfo> {
  const dawn = await loadDawn();
  Object.assign(globalThis, dawn.globals);
  const { adapter, info } = await requestAdapter(dawn, allowSoftware);
  const gpu = { requestAdapter: async () => adapter, getPreferredCanvasFormat: () => 'rgba8unorm', wgslLanguageFeatures: new Set<string>() };
  Object.defineProperty(globalThis, 'navigator', {
    value: { ...((globalThis as { navigator?: object }).navigator ?? {}), gpu },
    configurable: true,
    writable: true,
  });
  // the package registers its backend on import, only where navigator.gpu exists
  await import('@tensorflow/tfjs-backend-webgpu');
  if (!(await tf.setBackend('webgpu').catch(() => false)))
    throw new Error(`GST_BACKEND='webgpu': tfjs could not start its WebGPU backend on ${info.device} (${info.description})`);
  await tf.ready();
  return info;
}
