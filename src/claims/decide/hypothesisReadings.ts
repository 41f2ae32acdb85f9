import type { Hypothesis } from '../dsl/hypothesis.js';
import { hypothesisArms, withMetric } from '../dsl/hypothesis.js';
import { accuracyMetrics, commonWindow, gapMetrics, metricRegistry, type MetricName, type ReadingWindow } from '../../readings/runMetrics.js';
import { isUsable, type RunRecord } from '../../readings/runRecord.js';
import type { HypothesisData } from './evaluateHypothesis.js';

/** Runs of each arm, in seed order. */
export type ArmRuns = Readonly<Record<string, readonly RunRecord[]>>;

/** The metric readings a hypothesis is evaluated under: the accuracy (or gap) readings, or its own metric. */
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

/** One reading of one run in `window`; undefined for a run that is not usable or lacks it. */
export const read = (run: RunRecord, metric: MetricName, window: ReadingWindow) => (isUsable(run) ? metricRegistry[metric](run, window) : undefined);

/** Per-arm observations by seed of a hypothesis' metric (and, for correlations, y). */
export function observations(h: Hypothesis, runs: ArmRuns, window: ReadingWindow): HypothesisData {
  const [x, y] = h.kind === 'correlation' ? [h.x, h.y] : [h.metric, undefined];
  return Object.fromEntries(
    hypothesisArms(h).map((arm) => {
      const list = runs[arm] ?? [];
      return [
        arm,
        {
          seeds: list.map((r) => r.seed),
          values: list.map((r) => read(r, x, window)),
          second: y === undefined ? undefined : list.map((r) => read(r, y, window)),
        },
      ];
    }),
  );
}

/** A reading that these records cannot give (e.g. a document that did not keep train accuracy). */
export function unreadable(h: Hypothesis, runs: ArmRuns, window: ReadingWindow): boolean {
  return Object.values(observations(h, runs, window)).some((o) => o.values.every((v) => v === undefined) || (o.second?.every((v) => v === undefined) ?? false));
}

/**
 * Whether the runs hold what the claim's deciding reading needs (a stored report of layout 1 has no
 * train or validation accuracy, so its gap and held-out claims cannot be re-read).
 */
export function decidingReadingAvailable(hypothesis: Hypothesis, runs: ArmRuns): boolean {
  const { deciding, readings } = readingsOf(hypothesis);
  const h = readings.find((r) => r.metric === deciding)?.hypothesis ?? hypothesis;
  return !unreadable(h, runs, commonWindow(Object.values(runs).flatMap((list) => list.filter(isUsable))));
}
