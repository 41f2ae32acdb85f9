import { detailEveryMs, formatDuration, type ProgressSink } from '../engine/train/progress.js';
import type { RunResult } from '../results/runResult.js';

/**
 * Progress lines of a batch (one stage of a claim): runs trained and cached, overall examples per
 * second, time left, then `context` (the suite's state) and a running run's detail. A line at most
 * every `detailEveryMs` (every 2 s on a terminal, where each replaces the one before; every 30 s
 * otherwise; every epoch at `GST_PROGRESS=2`), the batch's first and last lines always.
 *
 * @example
 * ```ts
 * const progress = batchProgress(console.error, 40, 0);
 * progress.line(); // 'runs 0/40 trained (0 cached)'
 * ```
 */
export function batchProgress(sink: ProgressSink | undefined, total: number, stored: number, context?: () => string) {
  const started = performance.now();
  let cached = stored;
  let finished = 0;
  let examples = 0;
  let lastLine = -Infinity;
  const everyMs = detailEveryMs();
  return {
    done(result: RunResult) {
      finished += 1;
      examples += result.twinKey === undefined ? (result.epochs.length - (result.resumedEpochs ?? 0)) * (result.config.train.data.trainSize ?? 0) : 0;
    },
    /** A run another process finished meanwhile. */
    foundStored() {
      cached += 1;
    },
    line(detail?: string) {
      if (!sink) return;
      const now = performance.now();
      if (now - lastLine < everyMs) return;
      lastLine = now;
      const elapsed = (now - started) / 1000;
      const left = finished > 0 ? (elapsed / finished) * (total - finished) : 0;
      const rate = finished > 0 ? `, ${Math.round(examples / elapsed)} training ex/s overall, ~${formatDuration(left)} left` : '';
      const more = context?.();
      sink(`runs ${finished}/${total} trained (${cached} cached)${rate}${more ? ` · ${more}` : ''}${detail ? ` | ${detail}` : ''}`);
    },
    /** The last line: every run of the batch is there. */
    complete() {
      if (total > 0) sink?.(`runs ${finished}/${total} trained (${cached} cached), done in ${formatDuration((performance.now() - started) / 1000)}`);
    },
  };
}
