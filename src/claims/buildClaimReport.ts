import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { RunResult } from '../experiment/runResult.js';
import { variantRegistry } from '../pruning/variants/variantRegistry.js';
import type { ArmReport, ClaimReport, MetricVerdict } from './claimReport.js';
import type { ClaimDefinition } from './claimDefinition.js';
import { evaluateHypothesis } from './evaluateHypothesis.js';
import { withMetric, type Hypothesis } from './hypothesis.js';
import { accuracyMetrics, gapMetrics, metricRegistry, type MetricName } from './metrics.js';
import type { ArmRuns } from './runArms.js';

const usable = (runs: readonly RunResult[]) => runs.filter((r) => r.diverged === undefined && r.summary !== undefined);

function valuesOf(runs: ArmRuns, metric: MetricName): Record<string, number[]> {
  return Object.fromEntries(
    Object.entries(runs).map(([arm, list]) => [arm, usable(list).map((r) => metricRegistry[metric](r)).filter((v): v is number => v !== undefined && Number.isFinite(v))]),
  );
}

/** The metric readings a hypothesis is evaluated under: the three accuracy (or gap) readings, or its own metric. */
export function readingsOf(h: Hypothesis): { deciding: MetricName; readings: { metric: MetricName; hypothesis: Hypothesis }[] } {
  const metrics: MetricName[] = h.kind === 'correlation' ? [h.x, h.y] : [h.metric];
  const accuracy = metrics.find((m) => (accuracyMetrics as readonly string[]).includes(m));
  const gap = metrics.find((m) => (Object.values(gapMetrics) as string[]).includes(m));
  if (accuracy !== undefined) {
    return { deciding: accuracy, readings: accuracyMetrics.map((m) => ({ metric: m, hypothesis: withMetric(h, accuracy, m) })) };
  }
  if (gap !== undefined) {
    return { deciding: gap, readings: accuracyMetrics.map((m) => ({ metric: gapMetrics[m], hypothesis: withMetric(h, gap, gapMetrics[m]) })) };
  }
  return { deciding: metrics[0], readings: [{ metric: metrics[0], hypothesis: h }] };
}

function verdictOn(h: Hypothesis, runs: ArmRuns, rule: Parameters<typeof evaluateHypothesis>[2]): MetricVerdict {
  if (h.kind === 'correlation') {
    // x and y must come from the same runs: keep runs that have both
    const both = Object.fromEntries(
      Object.entries(runs).map(([arm, list]) => [arm, usable(list).filter((r) => Number.isFinite(metricRegistry[h.x](r) ?? NaN) && Number.isFinite(metricRegistry[h.y](r) ?? NaN))]),
    );
    return evaluateHypothesis(h, { values: valuesOf(both, h.x), secondValues: valuesOf(both, h.y) }, rule);
  }
  return evaluateHypothesis(h, { values: valuesOf(runs, h.metric) }, rule);
}

function armReports(definition: ClaimDefinition, runs: ArmRuns, metrics: MetricName[]): ArmReport[] {
  return Object.entries(definition.arms).map(([id, arm]) => {
    const list = runs[id] ?? [];
    const summary = Object.fromEntries(
      metrics.map((m) => {
        const values = valuesOf({ [id]: list }, m)[id];
        return [m, { mean: values.length > 0 ? mean(values) : NaN, sd: values.length > 1 ? sampleStandardDeviation(values) : 0 }];
      }),
    );
    return {
      id,
      label: arm.label,
      description: `${variantRegistry[arm.variant]?.description ?? arm.variant}${arm.selection ? `; selection ${arm.selection}` : ''}${arm.rate ? `, rate ${arm.rate}` : ''}${arm.window ? `, window ${arm.window}` : ''}${arm.score ? `, score ${arm.score}` : ''}`,
      runs: list.map((r) => ({
        seed: r.seed,
        values: Object.fromEntries(metrics.map((m) => [m, metricRegistry[m](r) ?? null])),
        diverged: r.diverged !== undefined,
        curve: r.epochs.map((e) => e.testAccuracy),
        events: r.events.map((e) => ({ epoch: e.epoch, stability: e.stability })),
      })),
      summary,
    };
  });
}

/**
 * Evaluates a claim on its runs: the hypothesis under each metric reading (the deciding one
 * first), per-arm summaries and each run's values, ready for the reporter.
 */
export function buildClaimReport(options: {
  definition: ClaimDefinition;
  runs: ArmRuns;
  familySize: number;
  profile: { name: string; description: string };
  seedPhase: string;
  backend: string;
  tfjsVersion: string;
  durationSeconds: number;
}): ClaimReport {
  const { definition, runs, familySize } = options;
  const alpha = definition.alpha ?? 0.05;
  const { deciding, readings } = readingsOf(definition.hypothesis);
  const verdicts = readings.map(({ metric, hypothesis }) => verdictOn(hypothesis, runs, { alpha, minEffect: definition.minEffect, familySize, metric, seed: 1 }));
  const decidingVerdict = verdicts.find((v) => v.metric === deciding) ?? verdicts[0];
  const reported = new Set<MetricName>(['stability', 'best', 'final', 'heldout', 'gap', ...readings.map((r) => r.metric)]);
  const h = definition.hypothesis;
  if (h.kind === 'correlation') [h.x, h.y].forEach((m) => reported.add(m));
  return {
    id: definition.id,
    title: definition.title,
    paperClaim: definition.paperClaim,
    hypothesis: definition.hypothesis,
    alpha,
    minEffect: definition.minEffect,
    familySize,
    decidingMetric: deciding,
    verdict: decidingVerdict.verdict,
    verdicts: [decidingVerdict, ...verdicts.filter((v) => v !== decidingVerdict)],
    arms: armReports(definition, runs, [...reported]),
    profile: options.profile.name,
    profileDescription: options.profile.description,
    seedPhase: options.seedPhase,
    backend: options.backend,
    tfjsVersion: options.tfjsVersion,
    durationSeconds: options.durationSeconds,
    expectedToFail: definition.expectedToFail?.[options.profile.name],
    baselineTolerance: definition.baselineTolerance ?? 0,
  };
}
