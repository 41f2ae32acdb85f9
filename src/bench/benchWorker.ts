/** Child process of `npm run bench`: measures one case and prints one JSON line. */
import { benchCases } from './benchCases.js';
import { measureThroughput } from './measureThroughput.js';

const [id, seconds] = process.argv.slice(2);
const benchCase = benchCases.find((c) => c.id === id);
if (benchCase === undefined) throw new Error(`bench case '${id}' is unknown; allowed: ${benchCases.map((c) => c.id).join(', ')}`);
const result = await measureThroughput(benchCase, Number(seconds));
process.stdout.write(`${JSON.stringify(result)}\n`);
