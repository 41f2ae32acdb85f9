/**
 * Child process of `npm run bench`: `<case> <seconds> <warmupSeconds> [lever:<Kernel>[+<Kernel>...] | lever:fma | lever:native]
 * [batch:<n>] [backend:<request>]` measures one case and prints one JSON line. With `lever:` it measures
 * instead what the engine's replacement of those stock wasm kernels gives (`lever:fma`: its fused multiply-add build
 * against the separate one; `lever:native`: its native kernels against the wasm build); `batch:` overrides the
 * case's batch size; `backend:` asks for a backend (default: GST_BACKEND). A paper net on Mesa's software adapter is cut to batch 4 and one step (a path
 * check, not a speed). `end-to-end <protocol> <seed>...` times whole runs of that protocol instead (src/bench/endToEnd.ts).
 */
import { initBackend } from '../engine/backend/initBackend.js';
import { backendRequests, type BackendRequest } from '../settings.js';
import { benchCases, paperBenchCases } from './benchCases.js';
import { endToEndProtocol, engineRunSeconds } from './endToEnd.js';
import {
  benchTraining,
  measureFusedMultiplyAddLever,
  measureKernelLever,
  measureNativeKernelLever,
  measureThroughput,
  stepsPerSecond,
} from './measureThroughput.js';

const [id, ...rest] = process.argv.slice(2);
if (id === 'end-to-end') {
  const [protocol, ...seeds] = rest;
  process.stdout.write(`${JSON.stringify({ seconds: await engineRunSeconds(endToEndProtocol(protocol), seeds.map(Number)) })}\n`);
} else {
  const [seconds, warmupSeconds, ...options] = rest;
  const option = (key: string) => options.find((o) => o.startsWith(`${key}:`))?.slice(key.length + 1);
  const all = [...benchCases, ...paperBenchCases];
  const found = all.find((c) => c.id === id);
  if (found === undefined) throw new Error(`bench case '${id}' is unknown; allowed: end-to-end, ${all.map((c) => c.id).join(', ')}`);
  const batch = option('batch');
  const benchCase = batch === undefined ? found : { ...found, batchSize: Number(batch) };
  const request = option('backend');
  if (request !== undefined && !(backendRequests as readonly string[]).includes(request))
    throw new Error(`backend:${request} is not allowed; allowed: ${backendRequests.join(', ')}`);
  const backend = await initBackend({ request: request as BackendRequest | undefined });
  const lever = option('lever');
  let result;
  if (lever !== undefined) {
    const measure =
      lever === 'fma'
        ? measureFusedMultiplyAddLever
        : lever === 'native'
          ? measureNativeKernelLever
          : (c: typeof benchCase, s: number, w: number) => measureKernelLever(c, lever.split('+'), s, w);
    result = await measure(benchCase, Number(seconds), Number(warmupSeconds));
  } else if (backend.adapter?.software) {
    const training = await benchTraining({ ...benchCase, batchSize: 4 }, { seconds: 0, steps: 1 });
    result = { examplesPerSecond: (await stepsPerSecond(training.step, 0, 1)) * 4, batchSize: 4, backend };
    training.dispose();
  } else {
    result = { ...(await measureThroughput(benchCase, Number(seconds), Number(warmupSeconds))), batchSize: benchCase.batchSize ?? 64 };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
