/** Multi-step decay (`torch.optim.lr_scheduler.MultiStepLR`): ×gamma at each milestone epoch (0-based). */
export interface LearningRateSchedule {
  readonly milestones: readonly number[];
  readonly gamma: number;
}

/**
 * Learning rate for a 0-based epoch: `base · gamma^(number of milestones ≤ epoch)`.
 *
 * @example
 * ```ts
 * learningRateAt(1e-3, { milestones: [150, 300], gamma: 0.1 }, 150); // 1e-4
 * ```
 */
export function learningRateAt(base: number, schedule: LearningRateSchedule | undefined, epoch: number): number {
  if (schedule === undefined) return base;
  const drops = schedule.milestones.filter((m) => m <= epoch).length;
  return base * schedule.gamma ** drops;
}
