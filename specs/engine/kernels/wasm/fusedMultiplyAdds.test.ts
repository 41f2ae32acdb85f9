import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { backendIdentity, initBackend } from '../../../../src/engine/backend/initBackend.js';
import { useFusedMultiplyAdds } from '../../../../src/engine/kernels/wasm/kernelBuild.js';
import { hashVariables } from '../../../../src/engine/models/parameterHash.js';
import { tf } from '../../../../src/engine/tf.js';
import { trainRun } from '../../../../src/engine/train/trainRun.js';
import { hostNormal, maxRelativeError, onBackend } from '../../../support/backends.js';
import { tinyTrainConfig } from '../../../support/tinyTrainConfig.js';
import { convCases } from '../../../support/convCases.js';

/** Forward convolution and both its gradients of sum(conv(x, w)²). */
function convAndGradients(stride: number, pad: 'same' | 'valid') {
  return (x: tf.Tensor, w: tf.Tensor) => {
    const f = (a: tf.Tensor, b: tf.Tensor) => tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad)).sum();
    return [tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, stride, pad), ...tf.grads(f)([x, w])];
  };
}

/** Runs `compute` on wasm with the fused kernels (`fused`) or the separate ones. */
async function onWasm(fused: boolean, inputs: Parameters<typeof onBackend>[1], compute: Parameters<typeof onBackend>[2]): Promise<Float32Array[]> {
  await onBackend('wasm', [], () => []);
  useFusedMultiplyAdds(fused, tf.backend());
  return onBackend('wasm', inputs, compute);
}

const bits = (values: Float32Array) => Array.from(new Uint32Array(values.slice().buffer));

describe('fused multiply-adds in the wasm kernels (GST_WASM_FMA=1)', () => {
  afterEach(async () => {
    await onBackend('wasm', [], () => []);
    useFusedMultiplyAdds(false, tf.backend());
  });

  it('the convolution and both its gradients equal the cpu kernels (fused build), with up to 40 channels, stride 1/2, same/valid', async () => {
    await fc.assert(
      fc.asyncProperty(convCases({ batch: 3, height: [3, 9], square: true, channels: 40, kernels: [1, 3] }), async (c) => {
        const x = hostNormal([c.batch, c.height, c.width, c.inChannels], c.seed);
        const w = hostNormal([c.kernel, c.kernel, c.inChannels, c.outChannels], c.seed + 1);
        const cpu = await onBackend('cpu', [x, w], convAndGradients(c.stride, c.pad));
        const fused = await onWasm(true, [x, w], convAndGradients(c.stride, c.pad));
        cpu.forEach((values, i) => expect(maxRelativeError(values, fused[i])).toBeLessThan(1e-4));
      }),
      { numRuns: 25, seed: 20261202 },
    );
  });

  it('rounds otherwise than the separate build (so its runs are stored apart), and the same inputs give the same bits twice', async () => {
    const x = hostNormal([4, 8, 8, 32], 1);
    const w = hostNormal([3, 3, 32, 32], 2);
    const separate = await onWasm(false, [x, w], convAndGradients(1, 'same'));
    const fused = await onWasm(true, [x, w], convAndGradients(1, 'same'));
    const again = await onWasm(true, [x, w], convAndGradients(1, 'same'));
    fused.forEach((values, i) => {
      expect(bits(values)).not.toEqual(bits(separate[i]));
      expect(bits(values)).toEqual(bits(again[i]));
    });
  });

  it('trains deterministically: the same seed gives the same weights twice, and other weights than the separate build', async () => {
    await initBackend({ request: 'wasm' });
    const hash = async (fused: boolean) => {
      useFusedMultiplyAdds(fused, tf.backend());
      const run = await trainRun({ config: { ...tinyTrainConfig, epochs: 1 }, seed: 4 });
      const h = await hashVariables(run.model.namedVariables());
      run.dispose();
      return h;
    };
    const fused = await hash(true);
    expect(await hash(true)).toBe(fused);
    expect(await hash(false)).not.toBe(fused);
  });

  it('names the backend wasm+fma, so that stored runs of the two builds never mix', () => {
    const wasm = { name: 'wasm', package: '@tensorflow/tfjs-backend-wasm', tfjsVersion: tf.version.tfjs } as const;
    expect(backendIdentity(wasm)).toBe('wasm');
    expect(backendIdentity({ ...wasm, fusedMultiplyAdds: true })).toBe('wasm+fma');
  });
});
