/**
 * When and how much one layer is pruned. Epochs are 0-based, as in the authors' code (the first
 * epoch is 0); an event happens at the end of its epoch.
 */
export interface LayerSchedule {
  /** Unit name, e.g. `conv7` or `layer4.1.conv2`. */
  readonly layer: string;
  /** Fraction of the layer's filters removed by the last event, in [0, 1). */
  readonly fraction: number;
  /** Epoch of the first event. */
  readonly start: number;
  /** Last epoch at which an event may happen. */
  readonly end: number;
  /** Epochs between events (the paper's `r`); overrides the pruning config's `interval`. */
  readonly interval?: number;
}

/** One scheduled event of one layer: after it the layer keeps `keep` filters. */
export interface ScheduledEvent {
  readonly layer: string;
  readonly epoch: number;
  /** 1-based index of the event within the layer's schedule. */
  readonly index: number;
  readonly keep: number;
}

/** Filters left after the last event: `F = ceil((1 − fraction)·N)` (IEEE double arithmetic, as in the authors' Python). */
export function finalKept(filters: number, fraction: number): number {
  return Math.ceil((1 - fraction) * filters);
}

/**
 * The events of one layer: epochs `start, start + r, ... ≤ end`; with `n` events and `N` filters,
 * after event `i` the layer keeps `ceil(F + (N − F)(n − i)/n)` (linear removal).
 * @throws naming the field when the range is empty or a value is out of range.
 *
 * @example
 * ```ts
 * layerEvents({ layer: 'conv7', fraction: 0.9, start: 6, end: 275 }, { filters: 512, interval: 40 })
 * // 7 events at epochs 6, 46, ..., 246; keeps 447, 381, ..., 52
 * ```
 */
export function layerEvents(schedule: LayerSchedule, options: { filters: number; interval: number }): ScheduledEvent[] {
  const { layer, fraction, start, end } = schedule;
  const interval = schedule.interval ?? options.interval;
  const where = `pruning.layers[${layer}]`;
  if (!(fraction >= 0 && fraction < 1)) throw new Error(`${where}.fraction: ${fraction} is not allowed; use a fraction in [0, 1)`);
  if (!Number.isInteger(start) || start < 0) throw new Error(`${where}.start: ${start} is not allowed; use a 0-based epoch (integer ≥ 0)`);
  if (!Number.isInteger(end) || end < start) throw new Error(`${where}.end: ${end} is not allowed; use an epoch ≥ start (${start}); the event range is empty`);
  if (!Number.isInteger(interval) || interval < 1) throw new Error(`${where}.interval: ${interval} is not allowed; use an integer ≥ 1`);
  const n = Math.floor((end - start) / interval) + 1;
  const total = options.filters;
  const kept = finalKept(total, fraction);
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    return { layer, epoch: start + k * interval, index: i, keep: Math.ceil(kept + ((total - kept) * (n - i)) / n) };
  });
}
