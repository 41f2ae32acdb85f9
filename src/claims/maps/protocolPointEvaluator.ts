import type { ProgressSink } from '../../engine/train/progress.js';
import type { ClaimDefinition } from '../dsl/claimDefinition.js';
import type { MapCell } from './claimMap.js';
import { profileFromProtocol, type Protocol } from '../profiles/protocol.js';
import { applyProtocolPoint, type ProtocolPoint } from './protocolSpace.js';
import type { SequentialDesign } from '../design/sequentialDesign.js';
import { evaluateClaim } from '../evaluateClaim.js';

/**
 * The `evaluate` of a claim map over protocols around `base`: each point is `base` with the point
 * applied, under `design` (runs trained `trainEpochs` long when set, each point reading its own
 * length), reduced to its map cell — verdict, deciding effect, seeds per arm where it stopped —
 * with one progress line per point.
 *
 * @example
 * ```ts
 * const evaluate = protocolPointEvaluator({ claim: coreClaim, base: miniProtocol, design, trainEpochs: 30 });
 * await evaluate({ labelNoise: 0.4 }); // { verdict: 'supported', effect: 1.1, seedsPerArm: 10 }
 * ```
 */
export function protocolPointEvaluator(options: {
  claim: ClaimDefinition;
  base: Protocol;
  design: SequentialDesign;
  trainEpochs?: number;
  progress?: ProgressSink;
}): (point: ProtocolPoint) => Promise<Omit<MapCell, 'point'>> {
  let evaluated = 0;
  return async (point) => {
    const profile = { ...profileFromProtocol(applyProtocolPoint(options.base, point), options.design), trainEpochs: options.trainEpochs };
    const report = await evaluateClaim(options.claim, { profile });
    const d = report.replicateDesign;
    const cell = { verdict: report.verdict, effect: report.verdicts[0].main.effect.value, seedsPerArm: d?.seedsPerArm[d.stage - 1] };
    evaluated += 1;
    options.progress?.(
      `[map] point ${evaluated}: ${JSON.stringify(point)} → ${cell.verdict}, g_av ${cell.effect.toFixed(2)} at ${cell.seedsPerArm} seeds per arm`,
    );
    return cell;
  };
}
