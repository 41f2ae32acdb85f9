import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { paperArms } from '../claims/dsl/paperArms.js';
import { miniV1Profile } from '../claims/profiles/miniV1Profile.js';
import { formatDuration } from '../engine/train/progress.js';
import { gitCommit } from '../report/claimsDocument.js';
import { defaultWorkers, runAll } from '../run/runAll.js';
import { writeFileAtomic, writeJsonAtomic } from '../primitives/atomicFile.js';
import { canonicalJson } from '../primitives/canonicalJson.js';
import { defaultStoreRoot, openStore } from '../store/experimentStore.js';
import { crosscheckMargins, crosscheckTable, type CrosscheckRow } from './crosscheckTable.js';
import { findTorchPython, replicaSourceHash, replicaTorchVersion, runReplica, type ReplicaRun } from './pytorchReplica.js';

/**
 * Trains the `mini` protocol's core arms on `seedCount` seeds from `firstSeed` with this engine and
 * with the PyTorch replica, compares them arm by arm, prints the table and writes
 * `reports/crosscheck.json` and `.md`; `npm run crosscheck` (src/cli/crosscheck.ts) is its shell.
 * Returns without comparing where no python3 with torch is present (saying so).
 */
export async function runCrosscheck(options: { seedCount: number; firstSeed: number; log: (line: string) => void }): Promise<void> {
  const { seedCount, firstSeed, log } = options;
  const commit = gitCommit();
  const python = findTorchPython();
  if (python === undefined) {
    log('crosscheck: no python3 with torch here (Debian: apt-get install python3-torch); nothing to compare');
    return;
  }
  const torchVersion = replicaTorchVersion(python);
  const arms = [paperArms.baseline, paperArms.pruneSSmall, paperArms.pruneSLarge, paperArms.pruneLLarge];
  const seeds = Array.from({ length: seedCount }, (_, i) => firstSeed + i);
  const requests = arms.flatMap((arm) => seeds.map((seed) => ({ config: miniV1Profile.runConfig(arm), seed, label: arm.label })));
  const store = openStore({ root: defaultStoreRoot() });

  log(
    `crosscheck: ${arms.length} arms × ${seedCount} seeds (${firstSeed}–${firstSeed + seedCount - 1}) of the mini protocol, engine then PyTorch ${torchVersion}`,
  );
  const engineStart = performance.now();
  const engine = await runAll(requests, { store, progress: (line) => log(`engine ${line}`) });
  const engineSeconds = (performance.now() - engineStart) / 1000;

  const replicaVersion = replicaSourceHash();
  const replicaPath = (request: (typeof requests)[number]) =>
    join(
      store.root,
      'replica',
      `${createHash('sha256')
        .update(canonicalJson({ config: request.config, seed: request.seed, torchVersion, replicaVersion }))
        .digest('hex')
        .slice(0, 32)}.json`,
    );
  const replicaStart = performance.now();
  const replica: ReplicaRun[] = new Array(requests.length);
  let next = 0;
  let trained = 0;
  async function replicaWorker(): Promise<void> {
    for (let i = next++; i < requests.length; i = next++) {
      const path = replicaPath(requests[i]);
      if (existsSync(path)) {
        replica[i] = JSON.parse(readFileSync(path, 'utf8')) as ReplicaRun;
        continue;
      }
      replica[i] = await runReplica(python as string, { config: requests[i].config, seed: requests[i].seed, threads: 1 });
      writeJsonAtomic(path, replica[i]);
      trained += 1;
      const elapsed = (performance.now() - replicaStart) / 1000;
      log(`replica runs ${i + 1}/${requests.length} (${trained} trained now), ~${formatDuration((elapsed / (i + 1)) * (requests.length - i - 1))} left`);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, defaultWorkers()) }, replicaWorker));
  const replicaSeconds = (performance.now() - replicaStart) / 1000;

  const rows = crosscheckTable(
    arms.map((arm, a) => ({
      arm: arm.label,
      engine: engine.results.slice(a * seedCount, (a + 1) * seedCount),
      replica: replica.slice(a * seedCount, (a + 1) * seedCount),
    })),
  );
  const scale = (row: CrosscheckRow) => (row.metric === 'stability' ? 1 : 100);
  const fmt = (row: CrosscheckRow, v: number) => (v * scale(row)).toFixed(2);
  const lines = [
    `| arm | metric | n | engine | PyTorch | engine − PyTorch [95% CI] | p (Holm) | margin | TOST p | verdict |`,
    `|---|---|---|---|---|---|---|---|---|---|`,
    ...rows.map(
      (r) =>
        `| ${r.arm} | ${r.metric} | ${r.n} | ${fmt(r, r.engineMean)} | ${fmt(r, r.replicaMean)} | ${fmt(r, r.difference)} [${fmt(r, r.ci.lower)}, ${fmt(r, r.ci.upper)}] | ` +
        `${r.pDifferenceHolm.toFixed(3)} | ±${fmt(r, r.margin)} | ${r.pEquivalence.toFixed(3)} | ${r.equivalent ? 'equivalent' : r.differs ? 'differs' : 'not shown'} |`,
    ),
  ];
  const machine = { cpus: cpus().length, model: cpus()[0]?.model, node: process.version };
  const summary =
    `${rows.filter((r) => r.equivalent).length} of ${rows.length} arm-metrics shown equivalent, ${rows.filter((r) => r.differs).length} differ ` +
    `(accuracies in points, stability in percent; margins fixed in src/bench/crosscheckTable.ts).`;
  const markdown = [
    `# Crosscheck: this engine vs the PyTorch replica, mini protocol`,
    ``,
    `${new Date().toISOString()}, commit ${commit}, ${machine.model} (${machine.cpus} cores), engine on ${engine.backend.name}, PyTorch ${torchVersion} on 1 thread a run; ` +
      `seeds ${firstSeed}–${firstSeed + seedCount - 1}; engine ${formatDuration(engineSeconds)}, replica ${formatDuration(replicaSeconds)} (this invocation, stored runs read back).`,
    ``,
    ...lines,
    ``,
    summary,
  ].join('\n');
  process.stdout.write(`${markdown}\n`);
  const reportDir = join(import.meta.dirname, '../../reports');
  writeJsonAtomic(join(reportDir, 'crosscheck.json'), {
    date: new Date().toISOString(),
    commit,
    machine,
    engineBackend: engine.backend,
    torchVersion,
    replicaVersion,
    seeds,
    margins: crosscheckMargins,
    seconds: { engine: engineSeconds, replica: replicaSeconds },
    rows,
  });
  writeFileAtomic(join(reportDir, 'crosscheck.md'), `${markdown}\n`);
  log('wrote reports/crosscheck.json and reports/crosscheck.md');
}
