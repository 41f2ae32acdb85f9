import type { Protocol } from '../profiles/protocol.js';

/** The dimensions a claim map may vary, each with the values to try (the first is the simplest). */
export interface ProtocolSpace {
  /** Fraction of training labels replaced by random labels. */
  readonly labelNoise?: readonly number[];
  /** Epochs trained after the last pruning event. */
  readonly epochsAfterLastEvent?: readonly number[];
  readonly widthMultiplier?: readonly number[];
  /** Training images drawn per seed. */
  readonly trainSize?: readonly number[];
  /** `r` of the `large` rate. */
  readonly largeInterval?: readonly number[];
}

/** One point of a {@link ProtocolSpace}. */
export type ProtocolPoint = { readonly [K in keyof ProtocolSpace]?: number };

/** The dimensions of a space that have values, in the space's order. */
export function spaceDimensions(space: ProtocolSpace): (keyof ProtocolSpace)[] {
  return (Object.keys(space) as (keyof ProtocolSpace)[]).filter((k) => (space[k]?.length ?? 0) > 0);
}

/**
 * Every point of a space (the grid), the first dimension varying slowest.
 *
 * @example
 * ```ts
 * protocolGrid({ labelNoise: [0.2, 0.4], trainSize: [1000] }); // [{ labelNoise: 0.2, trainSize: 1000 }, { labelNoise: 0.4, trainSize: 1000 }]
 * ```
 */
export function protocolGrid(space: ProtocolSpace): ProtocolPoint[] {
  return spaceDimensions(space).reduce<ProtocolPoint[]>((points, d) => points.flatMap((p) => (space[d] ?? []).map((v) => ({ ...p, [d]: v }))), [{}]);
}

/** Epoch of the protocol's last pruning event (0-based). */
export function lastEventEpoch(protocol: Protocol): number {
  return Math.max(...protocol.layers.map((l) => l.end));
}

/** The protocol with one point of the space applied. */
export function applyProtocolPoint(protocol: Protocol, point: ProtocolPoint): Protocol {
  const train = protocol.train;
  const data = {
    ...train.data,
    ...(point.labelNoise === undefined ? {} : { labelNoise: point.labelNoise }),
    ...(point.trainSize === undefined ? {} : { trainSize: point.trainSize }),
  };
  return {
    ...protocol,
    name: `${protocol.name}@${JSON.stringify(point)}`,
    train: {
      ...train,
      data,
      model: point.widthMultiplier === undefined ? train.model : { ...train.model, widthMultiplier: point.widthMultiplier },
      epochs: point.epochsAfterLastEvent === undefined ? train.epochs : lastEventEpoch(protocol) + 1 + point.epochsAfterLastEvent,
    },
    rates: point.largeInterval === undefined ? protocol.rates : { ...protocol.rates, large: point.largeInterval },
  };
}

/**
 * The cost of one run of a protocol in training example-epochs × width² (the convolutions' work
 * grows with the square of the width; evaluations grow with the epochs): the order of the measured
 * run times (docs/RESULTS.md), independent of the machine.
 *
 * @example
 * ```ts
 * protocolRunCost(miniV1Protocol); // 1000 images × 20 epochs × 0.5² = 5000
 * ```
 */
export function protocolRunCost(protocol: Protocol): number {
  const width = protocol.train.model.widthMultiplier ?? 1;
  const images = protocol.train.data.trainSize;
  if (images === undefined) throw new Error(`protocol ${protocol.name}: train.data.trainSize is not set; a run's cost needs the number of training images`);
  return images * protocol.train.epochs * width * width;
}
