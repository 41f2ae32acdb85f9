import type { AdapterInfo } from '../engine/backend/webgpuBackend.js';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { variantRegistry } from '../pruning/variants/variantRegistry.js';
import type { ArmSpec } from './dsl/armSpec.js';
import type { ArmReport, ClaimReport } from './claimReport.js';
import type { MetricVerdict } from './decide/metricVerdict.js';
import { defaultAlpha, expectedFailureAt, type ClaimDefinition } from './dsl/claimDefinition.js';
import { evaluateHypothesis, type DecisionRule } from './decide/evaluateHypothesis.js';
import { commonWindow, windowedMetrics, type MetricName, type ReadingWindow } from '../readings/runMetrics.js';
import { observations, read, readingsOf, unreadable, type ArmRuns } from './decide/hypothesisReadings.js';
import { isUsable, type RunRecord } from '../readings/runRecord.js';
import type { RunConfig } from '../results/runConfig.js';
import { configKey } from '../store/configKey.js';

/** A run as claims.json records it: enough to recompute every reading. */
function record(run: RunRecord): RunRecord {
  return {
    seed: run.seed,
    epochs: run.epochs.map((e) => ({ epoch: e.epoch, testAccuracy: e.testAccuracy, trainAccuracy: e.trainAccuracy, validationAccuracy: e.validationAccuracy })),
    events: run.events.map((e) => ({ epoch: e.epoch, stability: e.stability })),
    flatness: run.flatness && {
      curvature: run.flatness.curvature,
      gradientSecondMoment: run.flatness.gradientSecondMoment,
      epsilonFlatness: run.flatness.epsilonFlatness ?? null,
    },
  };
}

/** How a report names an arm's configuration. */
export function describeArm(arm: ArmSpec): string {
  const variant = variantRegistry[arm.variant]?.description ?? arm.variant;
  const parts = [
    arm.selection && `selection ${arm.selection}`,
    arm.rate && `rate ${arm.rate}`,
    arm.perturbationWindow && `window ${arm.perturbationWindow}`,
    arm.score && `score ${arm.score}`,
    arm.seedBlock && `seed block ${arm.seedBlock}`,
  ];
  return [variant, parts.filter(Boolean).join(', ')].filter(Boolean).join('; ');
}

function armReports(
  arms: readonly { id: string; label: string; description: string; configKey?: string }[],
  runs: ArmRuns,
  metrics: MetricName[],
  window: ReadingWindow,
): ArmReport[] {
  return arms.map(({ id, label, description, configKey: stored }) => {
    const list = runs[id] ?? [];
    // a run read from the store carries its config; a run of a stored report, the arm's key as stored
    const first = list[0] as (RunRecord & { config?: RunConfig }) | undefined;
    const key = first?.config === undefined ? stored : configKey(first.config);
    const summary = Object.fromEntries(
      metrics.map((m) => {
        const values = list.map((r) => read(r, m, window)).filter((v): v is number => v !== undefined && Number.isFinite(v));
        return [m, { mean: values.length > 0 ? mean(values) : NaN, sd: values.length > 1 ? sampleStandardDeviation(values) : 0 }];
      }),
    );
    return {
      id,
      label,
      description,
      ...(key === undefined ? {} : { configKey: key }),
      runs: list.map((r) => ({ ...record(r), diverged: !isUsable(r), values: Object.fromEntries(metrics.map((m) => [m, read(r, m, window) ?? null])) })),
      summary,
    };
  });
}

/** What a report states of a claim (a definition, or a claim as a stored document has it). */
export type ClaimStatement = Pick<
  ClaimDefinition,
  'id' | 'title' | 'paperClaim' | 'hypothesis' | 'alpha' | 'minEffect' | 'expectedToFail' | 'baselineTolerance' | 'control'
> & {
  /** Arm id → its spec; or, for a stored claim, its label, description and configuration key. */
  readonly arms: Readonly<Record<string, ArmSpec | { readonly label: string; readonly description: string; readonly configKey?: string }>>;
};

/**
 * Evaluates a claim on its runs: the common window of its arms, the hypothesis under each reading
 * (the deciding one first) by the design the seeds give, per-arm summaries and each run's record.
 */
export function buildClaimReport(options: {
  definition: ClaimStatement;
  runs: ArmRuns;
  familySize: number;
  profile: { name: string; description: string };
  seedPhase: string;
  backend: string;
  adapter?: AdapterInfo;
  tfjsVersion: string;
  durationSeconds: number;
  /** A sequential stage's boundary (src/claims/design/sequentialDesign.ts); without it the fixed rule. */
  critical?: number;
}): ClaimReport {
  const { definition, runs, familySize } = options;
  const alpha = definition.alpha ?? defaultAlpha;
  const window = commonWindow(Object.keys(definition.arms).flatMap((arm) => (runs[arm] ?? []).filter(isUsable)));
  const { deciding, readings } = readingsOf(definition.hypothesis);
  // arms whose runs prune nothing (stability 100 by definition), from the runs themselves, so a stored claim knows them too
  const unprunedArms = Object.keys(definition.arms).filter((arm) => {
    const usable = (runs[arm] ?? []).filter(isUsable);
    return usable.length > 0 && usable.every((r) => r.events.length === 0);
  });
  const verdicts: MetricVerdict[] = readings
    .filter(({ metric, hypothesis }) => metric === deciding || !unreadable(hypothesis, runs, window))
    .map(({ metric, hypothesis }) => {
      const rule: DecisionRule = {
        alpha,
        minEffect: definition.minEffect,
        familySize,
        metric,
        seed: 1,
        unprunedArms,
        windowStart: windowedMetrics.includes(metric) ? window.start : null,
        critical: options.critical,
      };
      return evaluateHypothesis(hypothesis, observations(hypothesis, runs, window), rule);
    });
  const decidingVerdict = verdicts.find((v) => v.metric === deciding) ?? verdicts[0];
  const reported = new Set<MetricName>(['stability', 'best', 'final', 'heldout', 'gap', 'best-authors', ...readings.map((r) => r.metric)]);
  const h = definition.hypothesis;
  if (h.kind === 'correlation') [h.x, h.y].forEach((m) => reported.add(m));
  const arms = Object.entries(definition.arms).map(([id, arm]) => ({
    id,
    label: arm.label,
    description: 'description' in arm ? arm.description : describeArm(arm),
    configKey: 'configKey' in arm ? arm.configKey : undefined,
  }));
  return {
    id: definition.id,
    title: definition.title,
    paperClaim: definition.paperClaim,
    hypothesis: definition.hypothesis,
    alpha,
    minEffect: definition.minEffect,
    familySize,
    decidingMetric: deciding,
    windowStart: window.start,
    verdict: decidingVerdict.verdict,
    verdicts: [decidingVerdict, ...verdicts.filter((v) => v !== decidingVerdict)],
    arms: armReports(arms, runs, [...reported], window),
    profile: options.profile.name,
    profileDescription: options.profile.description,
    seedPhase: options.seedPhase,
    backend: options.backend,
    adapter: options.adapter,
    tfjsVersion: options.tfjsVersion,
    durationSeconds: options.durationSeconds,
    expectedToFail: expectedFailureAt(definition, options.profile.name),
    control: definition.control,
    baselineTolerance: definition.baselineTolerance ?? 0,
  };
}
