import { describe, expect, it, vi } from 'vitest';
import { initBackend } from '../../src/engine/backend/initBackend.js';
import { hashVariables } from '../../src/engine/models/parameterHash.js';
import { trainRun } from '../../src/engine/train/trainRun.js';
import { webgpuForTests } from '../support/backends.js';
import { paperSmokeTests } from '../support/paperSmoke.js';
import { tinyTrainConfig } from '../support/tinyTrainConfig.js';

const webgpu = await webgpuForTests();
if (webgpu.unavailable) console.warn(`webgpu training tests skipped: ${webgpu.unavailable}`);

describe.skipIf(webgpu.unavailable !== undefined)(`training on webgpu (${webgpu.adapter?.device ?? 'no adapter'})`, () => {
  vi.stubEnv('GST_BACKEND', 'webgpu');
  vi.stubEnv('GST_WEBGPU_SOFTWARE', '1');

  it('records the backend and its adapter, and the same config and seed give the same weights twice', async () => {
    const info = await initBackend();
    expect(info.name).toBe('webgpu');
    expect(info.adapter?.device).toBe(webgpu.adapter?.device);
    const hash = async () => {
      const run = await trainRun({ config: { ...tinyTrainConfig, data: { ...tinyTrainConfig.data, trainSize: 192, testSize: 100 }, epochs: 1 }, seed: 5 });
      const h = await hashVariables(run.model.namedVariables());
      expect(run.outcome.backend.name).toBe('webgpu');
      run.dispose();
      return h;
    };
    expect(await hash()).toBe(await hash());
  });

  describe('paper profile smoke on webgpu', () => {
    paperSmokeTests({ timeoutMs: 600_000 });
  });
});
