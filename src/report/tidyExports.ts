import type { ClaimEntry, ClaimsDocument } from './claimsDocument.js';

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (v: string | number) => {
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const row = (cells: readonly (string | number)[]) => cells.map(field).join(',');

/** The stage (1-based) of a claim's design at which its `index`-th replicate was added (1 for a fixed design). */
function stageOf(claim: ClaimEntry, index: number): number {
  const seeds = claim.replicateDesign?.seedsPerArm ?? [];
  const k = seeds.findIndex((n) => index < n);
  return k < 0 ? Math.max(1, seeds.length) : k + 1;
}

/**
 * Every value behind every claim in the long ("tidy") format that pandas, R, autorank and AdaStop read:
 * one row per run and reading (claim, arm, its label, its configuration's key, seed, the stage the run
 * entered, metric, value), the readings in the claim's window as the claim read them.
 *
 * @example
 * ```ts
 * runsCsv(doc).split('\n')[0]; // 'claim,arm,arm_label,config_key,seed,stage,metric,value'
 * ```
 */
export function runsCsv(doc: ClaimsDocument): string {
  const lines = [row(['claim', 'arm', 'arm_label', 'config_key', 'seed', 'stage', 'metric', 'value'])];
  for (const claim of doc.claims)
    for (const arm of claim.arms)
      arm.runs.forEach((run, i) => {
        for (const [metric, value] of Object.entries(run.values))
          if (value !== null && value !== undefined)
            lines.push(row([claim.id, arm.id, arm.label, arm.configKey ?? '', run.seed, stageOf(claim, i), metric, value]));
      });
  return `${lines.join('\n')}\n`;
}

/**
 * A claim's deciding reading as a wide table: a row per replicate (its seed: the first arm's; arms on
 * other seed blocks ran it + 1000·block), a column per arm; empty where a run has no value (it diverged).
 *
 * @example
 * ```ts
 * pivotCsv(claim).split('\n')[0]; // 'replicate,seed,l13,none'
 * ```
 */
export function pivotCsv(claim: ClaimEntry): string {
  const replicates = Math.max(0, ...claim.arms.map((a) => a.runs.length));
  const lines = [row(['replicate', 'seed', ...claim.arms.map((a) => a.id)])];
  for (let i = 0; i < replicates; i++)
    lines.push(row([i + 1, claim.arms[0]?.runs[i]?.seed ?? '', ...claim.arms.map((a) => a.runs[i]?.values[claim.decidingMetric] ?? '')]));
  return `${lines.join('\n')}\n`;
}

/**
 * DVC's metrics file (`dvc metrics show` reads it without a DVC project): per claim its verdict, the
 * deciding reading, effect with its 95 % and repeated CI, the seeds per arm it stopped at and the design power.
 *
 * @example
 * ```ts
 * JSON.parse(metricsJson(doc)).claims['rate-stability'].verdict; // 'supported'
 * ```
 */
export function metricsJson(doc: ClaimsDocument): string {
  const claims = Object.fromEntries(
    doc.claims.map((c) => {
      const v = c.verdicts[0];
      const e = v.decision.effect;
      const d = c.replicateDesign;
      return [
        c.id,
        {
          verdict: c.verdict,
          reading: v.metric,
          effect: { name: e.name, value: e.value, lower: e.ci.lower, upper: e.ci.upper },
          repeatedCi: { lower: v.decision.repeatedCi.lower, upper: v.decision.repeatedCi.upper },
          seedsPerArm: d === undefined ? Math.min(...c.arms.map((a) => a.runs.length)) : d.seedsPerArm[d.stage - 1],
          designPower: { supported: c.designPower?.supported ?? null, absentAtZero: c.designPower?.absentAtZero ?? null },
        },
      ];
    }),
  );
  return `${JSON.stringify({ claims }, null, 2)}\n`;
}

/**
 * DVC's params file (`dvc params diff` reads it): what a run of the suite was made under (profile, seed
 * set, backend identity, commit); YAML whose every value is a JSON scalar, so JSON reads each one too.
 *
 * @example
 * ```ts
 * paramsYaml(doc); // 'profile: "mini"\nseeds: "confirmation-2"\nbackend: "wasm"\ncommit: "a6a208e"\n'
 * ```
 */
export function paramsYaml(doc: ClaimsDocument): string {
  const first = doc.claims[0];
  const params = { profile: first?.profile ?? null, seeds: first?.seedPhase ?? null, backend: first?.backend ?? null, commit: doc.gitCommit };
  return Object.entries(params)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}\n`)
    .join('');
}
