import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useFusedMultiplyAdds } from '../../../../src/engine/kernels/wasm/kernelBuild.js';
import { nativeModule, useNativeKernels, type NativeInstructionSet } from '../../../../src/engine/kernels/native/nativeKernels.js';
import { registerWasmKernels } from '../../../../src/engine/kernels/wasm/registerWasmKernels.js';
import { applyConvBnUnitInference, createConvBnUnit } from '../../../../src/engine/models/convBnUnit.js';
import { hashVariables } from '../../../../src/engine/models/parameterHash.js';
import { tf } from '../../../../src/engine/tf.js';
import { trainRun } from '../../../../src/engine/train/trainRun.js';
import { batchNormBits, batchNormCases } from '../../../support/batchNormBits.js';
import { perturbUnit } from '../../../support/perturbUnit.js';
import { tensorBits as bits } from '../../../support/tensorBits.js';
import { tinyTrainConfig } from '../../../support/tinyTrainConfig.js';
import { convCases } from '../../../support/convCases.js';

const module = nativeModule();
const isas: NativeInstructionSet[] = module?.isas() ?? [];
if (module === undefined) {
  console.warn('native kernels: the module is not built (npm run build:native needs a C++ compiler); their tests are skipped');
}

/** Whether this processor fuses relaxed-SIMD multiply-adds (else the wasm `fma` build refuses to run). */
function processorFuses(): boolean {
  try {
    useFusedMultiplyAdds(true, tf.backend());
    return true;
  } catch {
    return false;
  } finally {
    useFusedMultiplyAdds(false, tf.backend());
  }
}

/** Runs `compute` with the kernels of `isa` (undefined: the wasm build) at the rounding `fused`. */
function withKernels<T>(isa: NativeInstructionSet | undefined, fused: boolean, compute: () => T): T {
  useFusedMultiplyAdds(fused, tf.backend());
  useNativeKernels(isa);
  try {
    return compute();
  } finally {
    useNativeKernels(undefined);
    useFusedMultiplyAdds(false, tf.backend());
  }
}

/** Forward convolution and both its gradients of Σ conv(x, w)², as bits. */
function convAndGradients(x: tf.Tensor4D, w: tf.Tensor4D, stride: number, pad: 'same' | 'valid'): number[][] {
  return tf.tidy(() => {
    const f = (a: tf.Tensor, b: tf.Tensor) => tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad)).sum();
    return [tf.conv2d(x, w, stride, pad), ...tf.grads(f)([x, w])].map(bits);
  });
}

describe.skipIf(module === undefined)('native kernels (bit-identical to the wasm build of the same rounding)', () => {
  let roundings: boolean[] = [false];
  beforeAll(async () => {
    registerWasmKernels();
    await tf.setBackend('wasm');
    await tf.ready();
    roundings = processorFuses() ? [false, true] : [false];
  });
  afterEach(() => withKernels(undefined, false, () => undefined));

  it('lists the instruction sets this processor runs, best first, sse2 always', () => {
    expect(isas.length).toBeGreaterThan(0);
    expect(isas.at(-1)).toBe('sse2');
    expect(['avx512', 'avx2', 'sse2'].filter((s) => isas.includes(s as NativeInstructionSet))).toEqual(isas);
  });

  it('every instruction set gives the convolution and both its gradients the wasm bits: up to 70 channels, 14 images, rows of 18 pixels, kernel 1/3/5, stride 1/2, same/valid', () => {
    fc.assert(
      fc.property(convCases({ batch: 14, height: [1, 6], width: [1, 18], channels: 70 }), (c) => {
        const x = tf.randomNormal([c.batch, c.height, c.width, c.inChannels], 0, 1, 'float32', c.seed) as tf.Tensor4D;
        const w = tf.randomNormal([c.kernel, c.kernel, c.inChannels, c.outChannels], 0, 1, 'float32', c.seed + 1) as tf.Tensor4D;
        for (const fused of roundings) {
          const wasm = withKernels(undefined, fused, () => convAndGradients(x, w, c.stride, c.pad));
          for (const isa of isas.filter((s) => !fused || s !== 'sse2')) {
            const native = withKernels(isa, fused, () => convAndGradients(x, w, c.stride, c.pad));
            native.forEach((values, i) => expect(values, `${isa}${fused ? '+fma' : ''} output ${i}`).toEqual(wasm[i]));
          }
        }
        tf.dispose([x, w]);
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it('every instruction set gives the eval-mode conv → batch norm → ReLU unit the wasm bits (masks whose β·0 is −0)', () => {
    let count = 0;
    fc.assert(
      fc.property(
        fc.record({
          batch: fc.integer({ min: 1, max: 14 }),
          size: fc.integer({ min: 1, max: 8 }),
          inChannels: fc.integer({ min: 1, max: 40 }),
          outChannels: fc.integer({ min: 1, max: 70 }),
          kernelSize: fc.constantFrom(1, 3),
          stride: fc.constantFrom(1, 2),
          relu: fc.boolean(),
          seed: fc.integer({ min: 0, max: 1_000_000 }),
        }),
        (c) => {
          const unit = createConvBnUnit({ name: 'conv0', scope: `native${count++}`, ...c });
          perturbUnit(unit, c.seed);
          const x = tf.randomNormal([c.batch, c.size, c.size, c.inChannels], 0, 1, 'float32', c.seed + 7) as tf.Tensor4D;
          const run = (isa: NativeInstructionSet | undefined) =>
            withKernels(isa, false, () => tf.tidy(() => bits(applyConvBnUnitInference(unit, x, { applyMask: true, relu: c.relu }))));
          const wasm = run(undefined);
          for (const isa of isas) expect(run(isa), isa).toEqual(wasm);
          x.dispose();
          for (const v of [unit.kernel, unit.gamma, unit.beta, unit.runningMean, unit.runningVar, unit.mask]) v.dispose();
        },
      ),
      { numRuns: 40, seed: 20261204 },
    );
  });

  it('every instruction set gives the passes of train-mode batch norm the wasm bits: value, gradients of x, γ, β, moments, up to 40 channels, with and without ReLU and masks', () => {
    fc.assert(
      fc.property(batchNormCases, (c) => {
        const wasm = withKernels(undefined, false, () => batchNormBits(c));
        for (const isa of isas)
          expect(
            withKernels(isa, false, () => batchNormBits(c)),
            isa,
          ).toEqual(wasm);
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('trains a VGG-mini to the same weights bit for bit as the wasm build, with each instruction set and rounding', async () => {
    const hash = async (isa: NativeInstructionSet | undefined, fused: boolean) => {
      useFusedMultiplyAdds(fused, tf.backend());
      useNativeKernels(isa);
      const run = await trainRun({ config: { ...tinyTrainConfig, epochs: 1, data: { ...tinyTrainConfig.data, trainSize: 256 } }, seed: 5 });
      const h = await hashVariables(run.model.namedVariables());
      run.dispose();
      return h;
    };
    for (const fused of roundings) {
      const wasm = await hash(undefined, fused);
      for (const isa of isas.filter((s) => !fused || s !== 'sse2')) expect(await hash(isa, fused), `${isa}${fused ? '+fma' : ''}`).toBe(wasm);
    }
  });

  it('refuses operands outside the heap and arguments that are not integers, naming them', () => {
    const kernels = module!.kernels(isas[0], false);
    const heap = new ArrayBuffer(1024);
    const geometry = [1, 4, 4, 2, 4, 4, 3, 3, 3, 1, 1, 1, 1];
    expect(() => kernels.conv2d(heap, 0, 200, 900, ...geometry, 0, 0, 0, 0)).toThrow(
      /out \(byte offset 900, 48 floats\) does not lie inside the heap of 1024 bytes/,
    );
    expect(() => kernels.conv2dFilterGradient(heap, 2, 200, 600, ...geometry)).toThrow(/x \(byte offset 2, 32 floats\) does not lie inside/);
    expect(() => kernels.conv2d(heap, 0, 200, 400, ...geometry.slice(0, 12), 0.5, 0, 0, 0, 0)).toThrow(/argument 17 is not an integer/);
    expect(() => kernels.conv2d(heap, 0, 200, 400, 0, ...geometry.slice(1), 0, 0, 0, 0)).toThrow(/shape argument 5 is 0; allowed: 1 to 2\^24/);
    expect(() => kernels.batchNormCentreVariance(heap, 0, 1000, 0, 0, 2, 2, 8)).toThrow(
      /batchNormCentreVariance: mean \(byte offset 1000, 8 floats\) does not lie inside/,
    );
    expect(() => kernels.batchNormGradMeans(heap, 0, 0, 0, 0, 0, 0, 0, 2, 2, 8, 1, 0)).toThrow(/batchNormGradMeans: expected 12 arguments, got 13/);
    expect(() => module!.kernels('sse2', true)).toThrow(/'sse2' has no fused multiply-adds/);
  });
});
