/**
 * `npm run gpu:profile` (in the bundle: `sh gpu-bundle/run.sh profile`): where a webgpu training step's
 * time goes on this machine's GPU. Prints the adapter; per distinct convolution of VGG11-BN and
 * ResNet18 at batch 128, the milliseconds and TFLOP/s of its forward, input-gradient and
 * filter-gradient kernels; per net, the dispatches of one training step, its kernels with their GPU
 * time (timestamp queries, where the adapter has them), and the engine's real training examples per
 * second; each net's aggregate rate with 1, 4 and 8 seeds trained together (VGG11-BN with 1 and 2 on
 * the software adapter); and, where python3 with torch and CUDA is present, the same nets in PyTorch
 * fp32 eager and the ratio. Writes `reports/gpu-profile.json`. On the software adapter every size is cut down: it
 * checks the code path, not the speed.
 */
import { join } from 'node:path';
import { timeConvLayer, paperConvLayers, type ConvLayerTime } from '../bench/convLayerTimes.js';
import { pytorchGpuNets } from '../bench/pytorchGpuNets.js';
import { profileEnsemble, profileStep, type EnsembleRate, type StepProfile } from '../bench/stepProfile.js';
import { backendIdentity, initBackend } from '../engine/backend/initBackend.js';
import { writeJsonAtomic } from '../primitives/atomicFile.js';

const print = (line: string) => process.stdout.write(`${line}\n`);
const backend = await initBackend({ request: 'webgpu' });
const adapter = backend.adapter;
const software = adapter?.software ?? true;
print(
  `adapter: ${adapter?.device} (${adapter?.description}; ${software ? 'software' : 'hardware'}, Dawn on ${adapter?.api}); backend ${backendIdentity(backend)}`,
);
const size = software ? { batch: 2, layers: 2, reps: 2, seconds: 0 } : { batch: 128, layers: Infinity, reps: 20, seconds: 10 };
if (software) print('software adapter: sizes cut down (batch 2, two layers, one second); the code path only, not the speed');

const layers: ConvLayerTime[] = [];
print(`\nconvolutions at batch ${size.batch}: ms (TFLOP/s)\n\n| layer | nets | forward | input gradient | filter gradient |\n|---|---|---|---|---|`);
for (const layer of paperConvLayers().slice(0, size.layers)) {
  const t = await timeConvLayer(layer, size.batch, size.reps);
  layers.push(t);
  const cell = (k: keyof ConvLayerTime['ms']) => `${t.ms[k].toFixed(2)} (${t.tflops[k].toFixed(1)})`;
  const name = `${layer.side}×${layer.side}×${layer.inChannels}→${layer.outChannels}, ${layer.size}×${layer.size}${layer.stride === 2 ? ' stride 2' : ''}`;
  print(`| ${name} | ${layer.nets} | ${cell('forward')} | ${cell('inputGradient')} | ${cell('filterGradient')} |`);
}

const steps: StepProfile[] = [];
for (const caseId of ['vgg11-32', 'resnet18-32']) {
  const p = await profileStep(caseId, size.batch, size.seconds);
  steps.push(p);
  const total = p.kernels.reduce((s, k) => s + (k.ms ?? 0), 0);
  print(`\n${p.model}, batch ${p.batch}: ${p.dispatches} dispatches a step, ${p.examplesPerSecond.toFixed(1)} training examples/s`);
  print(p.timestamped ? `kernel time of one step ${total.toFixed(2)} ms:` : 'kernels of one step (this adapter has no timestamp queries):');
  for (const k of p.kernels.slice(0, 12)) print(`  ${k.name}: ${k.count} calls${k.ms === null ? '' : `, ${k.ms.toFixed(2)} ms`}`);
}

// seeds trained together: one ensemble of R members, each on its own batch (VGG11-BN only on the software adapter)
const ensembles: Record<string, EnsembleRate[]> = {};
for (const [caseId, net] of software
  ? [['vgg11-32', 'VGG11-BN']]
  : [
      ['vgg11-32', 'VGG11-BN'],
      ['resnet18-32', 'ResNet18'],
    ]) {
  ensembles[net] = await profileEnsemble(caseId, size.batch, software ? [1, 2] : [1, 4, 8], size.seconds);
  print(`\n${net}, seeds trained together (batch ${size.batch} each):`);
  for (const e of ensembles[net])
    print(`  ${e.members} together: ${e.dispatches} dispatches a step, ${e.examplesPerSecond.toFixed(1)} training examples/s in all`);
}
const togetherRatios = (net: string, pytorchRate: number) =>
  (ensembles[net] ?? []).map((e) => `${e.members} seeds together ${(e.examplesPerSecond / pytorchRate).toFixed(3)}×`).join(', ');

const pytorch = software ? { why: 'software adapter' } : await pytorchGpuNets(size.batch, size.seconds);
if ('why' in pytorch) print(`\nPyTorch: not measured (${pytorch.why})`);
else {
  print(`\nPyTorch ${pytorch.torch} fp32 eager on ${pytorch.device}, batch ${pytorch.batch}:`);
  const [vgg, resnet] = steps;
  print(
    `  VGG11-BN ${pytorch.examplesPerSecond.vgg11.toFixed(0)} ex/s (this engine ${(vgg.examplesPerSecond / pytorch.examplesPerSecond.vgg11).toFixed(3)}× of it; ` +
      `${togetherRatios('VGG11-BN', pytorch.examplesPerSecond.vgg11)})`,
  );
  print(
    `  ResNet18 ${pytorch.examplesPerSecond.resnet18.toFixed(0)} ex/s (this engine ${(resnet.examplesPerSecond / pytorch.examplesPerSecond.resnet18).toFixed(3)}× of it; ` +
      `${togetherRatios('ResNet18', pytorch.examplesPerSecond.resnet18)})`,
  );
}
writeJsonAtomic(join('reports', 'gpu-profile.json'), {
  generatedAt: new Date().toISOString(),
  backend: backendIdentity(backend),
  adapter,
  layers,
  steps,
  ensembles,
  pytorch,
});
print('\nwrote reports/gpu-profile.json');
