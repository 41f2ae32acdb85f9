import { initBackend, type BackendInfo } from '../engine/backend/initBackend.js';
import { buildModel } from '../engine/models/modelRegistry.js';
import { createOptimizer } from '../engine/optim/optimizerRegistry.js';
import { SeededRandom } from '../engine/random/seededRandom.js';
import { trainStep } from '../engine/train/trainStep.js';
import { benchBatchSize, type BenchCase } from './benchCases.js';

/**
 * Trains `benchCase` on fixed random batches for `seconds` of wall-clock time (after two warm-up
 * steps) with the engine's real training step, and returns training examples per second.
 */
export async function measureThroughput(benchCase: BenchCase, seconds: number): Promise<{ examplesPerSecond: number; backend: BackendInfo }> {
  const backend = await initBackend();
  const model = buildModel(benchCase.modelConfig, { inputShape: benchCase.input, numClasses: 10, seed: 1 });
  const optimizer = createOptimizer(model.trainableVariables(), { name: 'sgd', learningRate: 0.01, momentum: 0.9 });
  const rng = new SeededRandom(1);
  const x = Float32Array.from({ length: benchBatchSize * benchCase.input[0] * benchCase.input[1] * benchCase.input[2] }, () => rng.normal());
  const y = Int32Array.from({ length: benchBatchSize }, () => rng.int(10));
  const step = () => trainStep({ model, optimizer, x, y, shape: benchCase.input, learningRate: 0.01 });
  step();
  step();
  let steps = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    step();
    steps += 1;
  }
  const elapsed = (performance.now() - start) / 1000;
  model.dispose();
  optimizer.dispose();
  return { examplesPerSecond: (steps * benchBatchSize) / elapsed, backend };
}
