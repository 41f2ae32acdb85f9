/** Child process for the crash test: schedules `count` tiny runs into the store at argv[2], one worker. */
import { runAll } from '../../src/run/runAll.js';
import { openStore } from '../../src/store/experimentStore.js';
import { tinyRunConfig } from './tinyRunConfig.js';

const store = openStore({ root: process.argv[2] });
const count = Number(process.argv[3] ?? 2);
const epochs = Number(process.argv[4] ?? 1);
await runAll(
  Array.from({ length: count }, (_, i) => ({ config: { ...tinyRunConfig, train: { ...tinyRunConfig.train, epochs } }, seed: i, label: `tiny #${i}` })),
  { store, workers: 1 },
);
