/**
 * `npm run crosscheck [-- --seeds 20] [-- --first-seed 5001]`: trains the `mini` protocol's core arms
 * (no pruning, Prune_S 1%, Prune_S 13%, Prune_L 13%) on the same seeds with this engine and with the
 * PyTorch replica (tools/replica), and prints per arm and metric both means, the paired difference
 * with its CI, and the equivalence test at the margins of `crosscheckTable.ts`; writes
 * `reports/crosscheck.json` and `.md`. Engine runs go to the store; replica runs to `replica/` under
 * it (keyed by config, seed, torch version and the replica's source), so an interrupted crosscheck
 * resumes. Exits 0 with a message when no python3 with torch is present.
 */
import { runCrosscheck } from '../bench/runCrosscheck.js';

const args = process.argv.slice(2);
function integerOption(name: string, fallback: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  if (!Number.isInteger(value) || value < 2) throw new Error(`${name} '${args[at + 1]}' is not allowed; use an integer ≥ 2`);
  return value;
}
const seedCount = integerOption('--seeds', 20);
const firstSeed = integerOption('--first-seed', 5001);

await runCrosscheck({ seedCount, firstSeed, log: (line) => process.stderr.write(`${line}\n`) });
