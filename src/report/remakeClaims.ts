/**
 * Re-evaluating a stored report's claims from the run records it holds (no training, no store):
 * today's windows, designs, tests and verdicts on the same runs. Reports of layout 1 kept only each
 * run's test-accuracy curve: their gap and held-out readings cannot be re-read and are left out.
 */
import { buildClaimReport } from '../claims/buildClaimReport.js';
import { decidingReadingAvailable, type ArmRuns } from '../claims/decide/hypothesisReadings.js';
import type { ClaimDefinition } from '../claims/dsl/claimDefinition.js';
import type { ClaimReport } from '../claims/claimReport.js';
import type { RunRecord } from '../readings/runRecord.js';
import type { ClaimEntry, ClaimsDocument } from './claimsDocument.js';
import { claimDesignPower, designOf } from '../claims/designPower.js';
import { runDesign } from '../claims/design/sequentialDesign.js';

/** A run as layout 1 stored it. */
interface StoredRunV1 {
  readonly seed: number;
  readonly values: Readonly<Record<string, number | null>>;
  readonly diverged: boolean;
  readonly curve: readonly number[];
  readonly events: readonly { readonly epoch: number; readonly stability: number }[];
}

/** A stored run of either layout as a record the claims read. */
export function recordOf(run: RunRecord | StoredRunV1): RunRecord {
  if ('curve' in run) {
    const curvature = run.values.curvature;
    const moment = run.values['gradient-second-moment'];
    return {
      seed: run.seed,
      epochs: run.curve.map((testAccuracy, epoch) => ({ epoch, testAccuracy })),
      events: run.events,
      // layout 1 kept only the flatness values its claim reported; a missing one reads as NaN (unusable)
      flatness:
        typeof curvature === 'number' || typeof moment === 'number'
          ? { curvature: curvature ?? NaN, gradientSecondMoment: moment ?? NaN, epsilonFlatness: run.values['epsilon-flatness'] ?? null }
          : undefined,
      diverged: run.diverged,
    };
  }
  return run;
}

/**
 * Re-evaluates one stored claim on its own run records; undefined when they lack its deciding
 * reading (layout 1 and a gap or held-out claim). A sequential claim runs its design again over the
 * stored stages (each arm's first seeds), at the boundaries of `familySize` (default the stored one),
 * and is `incomplete` where the design would need runs the document does not hold; a layout-1 claim
 * (no design stored) is a fixed design of its runs. The design power
 * of the deciding reading is added.
 *
 * @example
 * ```ts
 * (await remakeClaim(JSON.parse(readFileSync('fixtures/baselines/protocol-c.json', 'utf8')).claims[0], { familySize: 15 }))?.verdict;
 * ```
 */
export async function remakeClaim(entry: ClaimEntry, options: { familySize?: number } = {}): Promise<ClaimReport | undefined> {
  const runs: ArmRuns = Object.fromEntries(entry.arms.map((a) => [a.id, (a.runs as readonly (RunRecord | StoredRunV1)[]).map(recordOf)]));
  if (!decidingReadingAvailable(entry.hypothesis, runs)) return undefined;
  const arms = Object.fromEntries(entry.arms.map((a) => [a.id, { label: a.label, description: a.description, configKey: a.configKey }]));
  const familySize = options.familySize ?? entry.familySize;
  const build = (stageRuns: ArmRuns, critical: number | undefined) =>
    buildClaimReport({
      definition: { ...entry, arms, expectedToFail: entry.expectedToFail === undefined ? undefined : { [entry.profile]: entry.expectedToFail } },
      runs: stageRuns,
      familySize,
      profile: { name: entry.profile, description: entry.profileDescription },
      seedPhase: entry.seedPhase,
      backend: entry.backend,
      adapter: entry.adapter,
      tfjsVersion: entry.tfjsVersion,
      durationSeconds: entry.durationSeconds,
      critical,
    });
  // layout 1 stored no design: its runs are read as a fixed design of as many seeds as every arm has
  const available = Math.min(...Object.values(runs).map((r) => r.length));
  const stored = entry.replicateDesign;
  const report = await runDesign({
    design: stored === undefined ? { kind: 'fixed', seedsPerArm: available } : designOf(stored),
    alpha: entry.alpha,
    familySize,
    availableSeeds: available,
    evaluate: async (n, critical) => build(stored === undefined ? runs : firstSeeds(runs, n), critical),
  });
  const designPower = await claimDesignPower(report);
  return designPower === undefined ? report : { ...report, designPower };
}

/** Each arm's runs of its first `n` seeds. */
function firstSeeds(runs: ArmRuns, n: number): ArmRuns {
  return Object.fromEntries(Object.entries(runs).map(([arm, r]) => [arm, [...r].sort((x, y) => x.seed - y.seed).slice(0, n)]));
}

/**
 * Evaluates a claim on the runs a stored report holds for its arms, found by label in any claim of
 * the document (e.g. the core claim on the runs of claim 2); undefined when an arm is missing.
 */
export function evaluateOnStoredRuns(definition: ClaimDefinition, doc: ClaimsDocument, familySize: number): ClaimReport | undefined {
  const entries = Object.entries(definition.arms).map(([id, arm]) => [id, doc.claims.flatMap((c) => c.arms).find((a) => a.label === arm.label)] as const);
  if (entries.some(([, a]) => a === undefined)) return undefined;
  const first = doc.claims[0];
  return buildClaimReport({
    definition,
    runs: Object.fromEntries(entries.map(([id, a]) => [id, (a?.runs as readonly (RunRecord | StoredRunV1)[]).map(recordOf)])),
    familySize,
    profile: { name: first.profile, description: first.profileDescription },
    seedPhase: first.seedPhase,
    backend: first.backend,
    adapter: first.adapter,
    tfjsVersion: first.tfjsVersion,
    durationSeconds: 0,
  });
}

const f = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(3));

/** The stored and the remade deciding verdicts side by side, as Markdown. */
export function comparisonMarkdown(source: string, before: ClaimsDocument, after: readonly ClaimReport[], core?: ClaimReport): string {
  const lines = [
    `# ${source} re-made from its stored runs`,
    '',
    `Stored: layout ${before.version}, commit \`${before.gitCommit}\`, ${before.generatedAt}. Re-made with the design of docs/methods/verdicts.md.`,
    '',
    "| claim | stored verdict (reading, test) | stored effect [95% CI] | new verdict (reading, design, test, window from) | new effect [95% CI] | new d_z | authors' window reading |",
    '|---|---|---|---|---|---|---|',
  ];
  for (const old of before.claims) {
    const now = after.find((c) => c.id === old.id);
    const o = old.verdicts[0];
    if (now === undefined) {
      lines.push(
        `| ${old.id} | ${old.verdict} (${o.metric}, ${o.main.test}) | ${o.main.effect.name} ${f(o.main.effect.value)} | not re-made: the stored runs lack its reading | | | |`,
      );
      continue;
    }
    const v = now.verdicts[0];
    const authors = now.verdicts.find((x) => x.metric.endsWith('-authors'));
    lines.push(
      `| ${old.id} | ${old.verdict} (${o.metric}, ${o.main.test}) | ${o.main.effect.name} ${f(o.main.effect.value)} [${f(o.main.effect.ci.lower)}, ${f(o.main.effect.ci.upper)}] | **${now.verdict}** (${v.metric}, ${v.design}, ${v.main.test}, ${v.windowStart ?? '—'}) | ${v.main.effect.name} ${f(v.main.effect.value)} [${f(v.main.effect.ci.lower)}, ${f(v.main.effect.ci.upper)}] | ${f(v.main.pairedEffect?.value)} | ${authors ? `${authors.verdict} (${f(authors.main.effect.value)})` : '—'} |`,
    );
  }
  if (core !== undefined) {
    const v = core.verdicts[0];
    const authors = core.verdicts.find((x) => x.metric === 'best-authors');
    const mean = (arm: string, metric: string) => core.arms.find((a) => a.id === arm)?.summary[metric]?.mean ?? NaN;
    const points = (metric: string) => (100 * (mean('l13', metric) - mean('none', metric))).toFixed(1);
    lines.push(
      '',
      `Core claim (${core.id}: ${core.title}; src/claims/maps/coreClaim.ts, family of 1) on the same runs: **${core.verdict}** (${v.metric}, ${v.design}, ${v.main.test}, window from epoch ${v.windowStart}): Prune_L 13% − none = ${points('best')} points, t = ${f(v.main.statistic)}, p = ${v.main.pValue.toExponential(2)}, ${v.main.effect.name} ${f(v.main.effect.value)} [${f(v.main.effect.ci.lower)}, ${f(v.main.effect.ci.upper)}], d_z ${f(v.main.pairedEffect?.value)}; on the authors' per-run window: ${authors?.verdict ?? '—'}, ${points('best-authors')} points (${authors?.main.effect.name ?? ''} ${f(authors?.main.effect.value)}).`,
    );
  }
  const missing = before.version === 1 ? ['', 'Layout 1 kept only test accuracy per epoch: `heldout`, the gaps and their readings are not re-made.'] : [];
  return [...lines, ...missing, ''].join('\n');
}
