/**
 * `npm run store:export -- <file.jsonl.gz> [--seeds <first>-<last>] [--not-in <archive.jsonl.gz>]`
 * writes the store's finished runs (those seeds only, and only runs the other archive lacks, if given)
 * to one archive; `npm run store:import -- <file.jsonl.gz>` adds an archive's runs to the store
 * (`GST_STORE`), all or nothing, each record checked against its hash. For campaigns that outlive a
 * machine: export what is done, commit the archive, import it on the next machine and run the same
 * command again; `npm run store:verify` proves imported runs by training them again.
 */
import { defaultStoreRoot, openStore } from '../store/experimentStore.js';
import { archivedKeys, exportRuns, importRuns } from '../store/runArchive.js';

const [command, path, ...rest] = process.argv.slice(2);
const usage = 'use: export <file.jsonl.gz> [--seeds <first>-<last>] [--not-in <archive.jsonl.gz>] | import <file.jsonl.gz>';
if (path === undefined || (command !== 'export' && command !== 'import')) throw new Error(`store archive: '${command ?? ''}' is not allowed; ${usage}`);
const store = openStore({ root: defaultStoreRoot() });
if (command === 'import') {
  const counts = await importRuns(store, path);
  process.stderr.write(
    `${path} → ${store.root}: ${counts.imported} runs imported, ${counts.present} already stored, ${counts.stale} of another engine version (skipped); every record matched its hash (npm run store:verify proves runs by training them again)\n`,
  );
} else {
  const at = rest.indexOf('--seeds');
  const range = at < 0 ? undefined : /^(\d+)-(\d+)$/.exec(rest[at + 1] ?? '');
  if (at >= 0 && range === null) throw new Error(`--seeds '${rest[at + 1]}' is not allowed; use <first>-<last>, e.g. 1-10`);
  const [first, last] = range ? [Number(range[1]), Number(range[2])] : [-Infinity, Infinity];
  const notIn = rest.indexOf('--not-in');
  if (notIn >= 0 && rest[notIn + 1] === undefined) throw new Error(`--not-in: no archive given; use --not-in <archive.jsonl.gz>`);
  const excluded = notIn < 0 ? new Set<string>() : await archivedKeys(rest[notIn + 1]);
  const { written } = exportRuns(store, path, (r, key) => r.seed >= first && r.seed <= last && !excluded.has(key));
  process.stderr.write(`${store.root} → ${path}: ${written} runs\n`);
}
