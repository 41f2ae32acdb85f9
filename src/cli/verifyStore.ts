/**
 * `npm run store:verify -- (--all | --sample <N>) [--seed <S>] [--in <archive.jsonl.gz>]` proves stored runs
 * (`GST_STORE`) by training them again (src/run/verifyRuns.ts): all of them, or N drawn with seed S, of
 * the whole store or of the runs an archive holds (import it first). It names each run that training
 * did not reproduce, quarantines it, and exits 1 when there is one.
 */
import { defaultProgressSink } from '../engine/train/progress.js';
import { verifyRuns } from '../run/verifyRuns.js';
import { defaultStoreRoot, openStore } from '../store/experimentStore.js';
import { archivedKeys } from '../store/runArchive.js';

const usage = 'use: store:verify -- (--all | --sample <N>) [--seed <S>] [--in <archive.jsonl.gz>]';
const options = new Map<string, string>();
for (const args = process.argv.slice(2); args.length > 0;) {
  const flag = args.shift() as string;
  if (flag === '--all') options.set(flag, '');
  else if (flag === '--sample' || flag === '--seed' || flag === '--in') {
    const value = args.shift();
    if (value === undefined || value.startsWith('--')) throw new Error(`store:verify: ${flag} needs a value; ${usage}`);
    options.set(flag, value);
  } else throw new Error(`store:verify: '${flag}' is not allowed; ${usage}`);
}
const count = (flag: string, least: number): number | undefined => {
  const text = options.get(flag);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < least) throw new Error(`store:verify: ${flag} '${text}' is not allowed; give an integer ≥ ${least}; ${usage}`);
  return Number(text);
};
const sample = count('--sample', 1);
if ((sample === undefined) === !options.has('--all')) throw new Error(`store:verify: give either --all or --sample <N>; ${usage}`);
const seed = count('--seed', 0) ?? 1;
const archive = options.get('--in');

const store = openStore({ root: defaultStoreRoot() });
const keys = archive === undefined ? undefined : [...(await archivedKeys(archive))];
const started = Date.now();
const v = await verifyRuns(store, { keys, sample, seed, progress: defaultProgressSink() });
const scope = `${archive === undefined ? store.root : `the runs of ${archive} in ${store.root}`}${sample === undefined ? '' : `, a sample of ${sample} drawn with seed ${seed}`}`;
const lines = [
  `store:verify: ${scope}: ${v.checked} runs trained again in ${Math.round((Date.now() - started) / 1000)} s, ${v.matched} equal to their record bit for bit, ${v.mismatched.length} not`,
  ...v.mismatched.map((m) => `  NOT REPRODUCED run ${m.key} (seed ${m.seed}): ${m.difference}; quarantined, it will be trained again`),
  ...(v.skipped.length === 0 ? [] : [`  ${v.skipped.length} not checked here:`, ...v.skipped.map((s) => `    run ${s.key}: ${s.why}`)]),
];
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = v.mismatched.length > 0 ? 1 : 0;
