/**
 * `npm run gpu:check`: is this machine's GPU route sound? On `webgpu` (a hardware adapter; the
 * software one with GST_WEBGPU_SOFTWARE=1, slowly): prints the adapter; trains VGG11-BN from the
 * same seed for a few steps on webgpu and on wasm and compares the losses; trains one epoch of the
 * paper's VGG11-BN config at batch 128 with one pruning event (CIFAR-10 from GST_DATA_DIR when it is
 * there, else generated CIFAR-format files); measures training examples per second of VGG11-BN and
 * ResNet18 at batch 128. On the software adapter every size is cut down (batch 16, a few images): it
 * checks the code path, not the speed. Exits non-zero when any check fails.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paperArms } from '../claims/dsl/paperArms.js';
import { paperProfile } from '../claims/profiles/paperProfile.js';
import { initBackend } from '../engine/backend/initBackend.js';
import { cifarTestFile } from '../engine/data/cifar10Reader.js';
import { writeTinyCifar } from '../engine/data/tinyCifar.js';
import { buildModel } from '../engine/models/modelRegistry.js';
import type { ModelConfig } from '../engine/models/modelRegistry.js';
import { createOptimizer } from '../engine/optim/optimizerRegistry.js';
import { SeededRandom } from '../primitives/seededRandom.js';
import { trainStep } from '../engine/train/trainStep.js';
import { executeRun } from '../run/executeRun.js';
import { paperBenchCases } from '../bench/benchCases.js';
import { benchTraining, stepsPerSecond } from '../bench/measureThroughput.js';
import { defaultEnvironment, readSetting } from '../settings.js';

const shape = [32, 32, 3] as const;
const print = (line: string) => process.stdout.write(`${line}\n`);
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  print(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

/** Losses of `steps` Adam steps of a freshly built model on fixed seeded batches, on the active backend. */
async function losses(model: ModelConfig, steps: number, batch: number): Promise<number[]> {
  const net = buildModel(model, { inputShape: shape, numClasses: 10, seed: 7 });
  const optimizer = createOptimizer(net.trainableVariables(), { name: 'adam', learningRate: 1e-3 });
  const rng = new SeededRandom(11);
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    const x = Float32Array.from({ length: batch * 32 * 32 * 3 }, () => rng.normal());
    const y = Int32Array.from({ length: batch }, () => rng.int(10));
    out.push((await trainStep({ model: net, optimizer, x, y, shape, learningRate: 1e-3 })).loss);
  }
  net.dispose();
  optimizer.dispose();
  return out;
}

const started = performance.now();
// the wasm reference first: tfjs moves live tensors when the backend changes, which webgpu cannot read synchronously
const vgg: ModelConfig = { name: 'vgg11' };
await initBackend({ request: 'wasm' });
const onWasm = await losses(vgg, 3, 16);
const info = await initBackend({ request: 'webgpu' });
const adapter = info.adapter;
print(
  `adapter: ${adapter?.device} (${adapter?.description}; vendor ${adapter?.vendor || '?'}, ${adapter?.software ? 'software' : 'hardware'}, Dawn on ${adapter?.api})`,
);
const software = adapter?.software ?? true;
const size = software
  ? { steps: 2, batch: 16, test: 32, validation: 16, seconds: 0, benchBatch: 4, benchSteps: 1 }
  : { steps: 20, batch: 128, test: 512, validation: 256, seconds: 20, benchBatch: 128, benchSteps: 2 };

const onGpu = await losses(vgg, 3, 16);
const worst = Math.max(...onGpu.map((l, i) => Math.abs(l - onWasm[i]) / Math.abs(onWasm[i])));
print(`VGG11-BN, 3 Adam steps at batch 16: webgpu ${onGpu.map((l) => l.toFixed(6)).join(' ')} | wasm ${onWasm.map((l) => l.toFixed(6)).join(' ')}`);
check(onGpu.every(Number.isFinite) && worst < 1e-3, `losses on webgpu and wasm agree (largest relative difference ${worst.toExponential(2)}, allowed 1e-3)`);

const dataDir = readSetting('GST_DATA_DIR');
const realCifar = dataDir !== undefined && existsSync(join(dataDir, cifarTestFile));
const { steps, batch } = size;
const folder = realCifar ? (dataDir as string) : mkdtempSync(join(tmpdir(), 'gst-gpu-check-'));
const records = Math.ceil((steps * batch) / 5) + size.test + size.validation;
if (!realCifar) writeTinyCifar(folder, records);
defaultEnvironment('GST_DATA_DIR', folder);
const paper = paperProfile.runConfig(paperArms.pruneLLarge);
const result = await executeRun({
  config: {
    ...paper,
    train: {
      ...paper.train,
      epochs: 1,
      batchSize: batch,
      data: {
        ...paper.train.data,
        trainSize: steps * batch,
        testSize: size.test + size.validation,
        validationSize: size.validation,
        cifarRecordsPerFile: realCifar ? undefined : records,
      },
    },
    pruning: { ...paper.pruning, layers: paper.pruning.layers.map((l) => ({ ...l, start: 0, end: 0 })) },
    flatness: undefined,
  },
  seed: 1,
});
const event = result.events[0];
print(
  `paper VGG11-BN, ${steps} steps at batch ${batch} on ${realCifar ? `CIFAR-10 in ${folder}` : 'generated CIFAR-format files'}: train loss ${result.epochs[0]?.trainLoss.toFixed(4)}, event stability ${event?.stability.toFixed(1)}, ${result.examplesPerSecond.toPrecision(3)} ex/s`,
);
check(
  result.diverged === undefined && result.events.length === 1 && event.layers.length === 4,
  'one epoch with one pruning event of conv4–conv7, no divergence',
);

for (const benchCase of paperBenchCases) {
  const training = await benchTraining({ ...benchCase, batchSize: size.benchBatch }, { seconds: 0, steps: size.benchSteps });
  const rate = (await stepsPerSecond(training.step, size.seconds, size.benchSteps)) * training.batchSize;
  training.dispose();
  print(`${benchCase.modelConfig.name} at batch ${training.batchSize}: ${rate.toPrecision(3)} training examples/s on ${adapter?.device}`);
  check(rate > 0, `${benchCase.modelConfig.name} trains`);
}
print(`gpu:check ${failures.length === 0 ? 'passed' : `FAILED (${failures.length})`} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exitCode = failures.length === 0 ? 0 : 1;
