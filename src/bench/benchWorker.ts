/**
 * Child process of `npm run bench`: measures one case and prints one JSON line. A third argument
 * `stock:<Kernel>,<Kernel>` puts those stock wasm kernels back first (for before/after ratios).
 */
import { initBackend } from '../engine/backend/initBackend.js';
import { replacedStockKernels, useKernel } from '../engine/kernels/registerWasmTrainingKernels.js';
import { benchCases } from './benchCases.js';
import { measureThroughput } from './measureThroughput.js';

const [id, seconds, stock] = process.argv.slice(2);
const benchCase = benchCases.find((c) => c.id === id);
if (benchCase === undefined) throw new Error(`bench case '${id}' is unknown; allowed: ${benchCases.map((c) => c.id).join(', ')}`);
if (stock?.startsWith('stock:')) {
  await initBackend();
  for (const name of stock.slice('stock:'.length).split(',')) {
    const config = replacedStockKernels.get(name);
    if (config === undefined) throw new Error(`stock kernel '${name}' was not replaced on this backend; replaced: ${[...replacedStockKernels.keys()].join(', ') || 'none'}`);
    useKernel(config);
  }
}
const result = await measureThroughput(benchCase, Number(seconds));
process.stdout.write(`${JSON.stringify(result)}\n`);
