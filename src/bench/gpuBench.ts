import type { AdapterInfo } from '../engine/backend/webgpuBackend.js';
import { paperBenchCases } from './benchCases.js';
import { spawnBenchWorker } from './spawnBenchWorker.js';

/** One paper net measured on webgpu and on wasm, one process each. */
export interface GpuBenchResult {
  readonly case: string;
  readonly model: string;
  readonly batchSize: number;
  readonly adapter: AdapterInfo;
  readonly webgpu: number;
  readonly wasm: number;
}

interface Measured {
  readonly examplesPerSecond: number;
  readonly batchSize: number;
  readonly backend: { readonly name: string; readonly adapter?: AdapterInfo };
}

/**
 * The paper profile's nets (VGG11-BN, ResNet18, 32×32×3, batch 128) on `webgpu` when this machine has
 * an adapter (a hardware one; Mesa's software one only with GST_WEBGPU_SOFTWARE=1, at batch 4), each
 * beside the same net on `wasm`. Without an adapter it says why and measures nothing.
 */
export async function measurePaperNetsOnGpu(seconds: number, warmupSeconds: number, log: (line: string) => void): Promise<GpuBenchResult[]> {
  const results: GpuBenchResult[] = [];
  for (const benchCase of paperBenchCases) {
    const args = [benchCase.id, String(seconds), String(warmupSeconds)];
    let gpu: Measured;
    try {
      gpu = (await spawnBenchWorker([...args, 'backend:webgpu'])) as Measured;
    } catch (error) {
      const reason = String((error as { stderr?: string }).stderr ?? error)
        .trim()
        .split('\n')
        .filter((l) => l.includes('Error'))
        .at(-1);
      log(`webgpu: not measured (${reason ?? 'no adapter'}); a GPU machine needs its driver's Vulkan ICD (docs/GPU.md)`);
      return results;
    }
    const adapter = gpu.backend.adapter as AdapterInfo;
    const wasm = (await spawnBenchWorker([...args, 'backend:wasm', `batch:${gpu.batchSize}`])) as Measured;
    log(
      `webgpu ${benchCase.id} batch ${gpu.batchSize} on ${adapter.device} (${adapter.software ? 'software' : 'hardware'}): ${gpu.examplesPerSecond.toPrecision(3)} ex/s; ` +
        `wasm ${wasm.examplesPerSecond.toPrecision(3)} ex/s (webgpu/wasm ${(gpu.examplesPerSecond / wasm.examplesPerSecond).toFixed(2)})`,
    );
    results.push({
      case: benchCase.id,
      model: benchCase.model,
      batchSize: gpu.batchSize,
      adapter,
      webgpu: gpu.examplesPerSecond,
      wasm: wasm.examplesPerSecond,
    });
  }
  return results;
}
