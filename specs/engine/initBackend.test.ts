import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { backendIdentity, initBackend } from '../../src/engine/backend/initBackend.js';
import { readSetting } from '../../src/settings.js';

describe('backend selection', () => {
  it('parses GST_BACKEND and names the allowed values on a typo', () => {
    expect(readSetting('GST_BACKEND', {})).toBe('auto');
    expect(readSetting('GST_BACKEND', { GST_BACKEND: 'wasm' })).toBe('wasm');
    expect(() => readSetting('GST_BACKEND', { GST_BACKEND: 'gpu' })).toThrow(
      "GST_BACKEND='gpu' is not a backend; allowed: auto, tensorflow, webgpu, wasm, cpu",
    );
  });

  it('starting the wasm backend instantiates its module once (registering the kernels starts nothing): one exit listener, no MaxListeners warning', () => {
    const script =
      "import { initBackend } from './src/engine/backend/initBackend.ts'; await initBackend({ request: 'wasm' }); process.stdout.write(String(process.listenerCount('uncaughtException')));";
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('1');
  });

  it('auto falls back to wasm when no native TensorFlow is installed, and records the tfjs version', async () => {
    const info = await initBackend({ request: 'auto' });
    expect(['tensorflow', 'wasm']).toContain(info.name);
    expect(info.tfjsVersion).toMatch(/^4\./);
  });

  it('an explicit tensorflow request without tfjs-node says what to install', async () => {
    let nativeInstalled = true;
    try {
      await import('@tensorflow/tfjs-node-gpu' as string);
    } catch {
      nativeInstalled = false;
    }
    if (nativeInstalled) return;
    await expect(initBackend({ request: 'tensorflow' })).rejects.toThrow(/npm install @tensorflow\/tfjs-node-gpu/);
  });

  it('keys runs by the backend, and on webgpu by its adapter too', () => {
    const base = { package: 'p', tfjsVersion: '4.22.0' };
    expect(backendIdentity({ ...base, name: 'wasm' })).toBe('wasm');
    const adapter = { vendor: 'nvidia', architecture: 'hopper', device: 'H200', description: 'driver 1', software: false, api: 'vulkan' } as const;
    expect(backendIdentity({ ...base, name: 'webgpu', adapter })).toBe('webgpu:nvidia/hopper/H200/driver 1');
    // runs on this project's webgpu kernels are keyed apart from runs on the stock ones, per kernel version
    expect(backendIdentity({ ...base, name: 'webgpu', adapter, kernels: 'gst-webgpu-1' })).toBe('webgpu+gst-webgpu-1:nvidia/hopper/H200/driver 1');
    expect(backendIdentity({ ...base, name: 'webgpu', adapter: { ...adapter, device: 'llvmpipe' } })).not.toBe(
      backendIdentity({ ...base, name: 'webgpu', adapter }),
    );
  });

  it('cpu can be forced', async () => {
    expect((await initBackend({ request: 'cpu' })).name).toBe('cpu');
    expect((await initBackend({ request: 'wasm' })).name).toBe('wasm');
  });
});
