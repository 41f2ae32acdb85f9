/**
 * Child process of `npm run bench`: `<case> <seconds> <warmupSeconds> [lever:<Kernel>[+<Kernel>...]]`
 * measures one case and prints one JSON line. With the fourth argument it measures instead what the
 * engine's replacement of those stock wasm kernels gives. `end-to-end <seed>...` times whole `mini`
 * runs instead (src/bench/endToEnd.ts).
 */
import { benchCases } from './benchCases.js';
import { engineRunSeconds } from './endToEnd.js';
import { measureKernelLever, measureThroughput } from './measureThroughput.js';

const [id, ...rest] = process.argv.slice(2);
if (id === 'end-to-end') {
  process.stdout.write(`${JSON.stringify({ seconds: await engineRunSeconds(rest.map(Number)) })}\n`);
} else {
  const [seconds, warmupSeconds, lever] = rest;
  const benchCase = benchCases.find((c) => c.id === id);
  if (benchCase === undefined) throw new Error(`bench case '${id}' is unknown; allowed: end-to-end, ${benchCases.map((c) => c.id).join(', ')}`);
  const result = lever?.startsWith('lever:')
    ? await measureKernelLever(benchCase, lever.slice('lever:'.length).split('+'), Number(seconds), Number(warmupSeconds))
    : await measureThroughput(benchCase, Number(seconds), Number(warmupSeconds));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
