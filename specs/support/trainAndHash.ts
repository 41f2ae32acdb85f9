/** Child-process entry for the cross-process determinism test: prints the parameter hash of a tiny run. */
import { hashVariables } from '../../src/engine/models/parameterHash.js';
import { trainRun } from '../../src/engine/train/trainRun.js';
import { tinyTrainConfig } from './tinyTrainConfig.js';

const run = await trainRun({ config: { ...tinyTrainConfig, epochs: 1 }, seed: Number(process.argv[2] ?? 0) });
process.stdout.write(`${await hashVariables(run.model.namedVariables())}\n`);
run.dispose();
