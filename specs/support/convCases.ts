import fc from 'fast-check';

/** A 2-D convolution to test: `batch` NHWC images, a `kernel`×`kernel` filter, stride, padding, and the seed of its values. */
export interface ConvCase {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernel: number;
  readonly stride: number;
  readonly pad: 'same' | 'valid';
  readonly seed: number;
}

/** Bounds of {@link convCases}; `width` defaults to `height`'s range, `square` makes width equal height. */
export interface ConvCaseBounds {
  readonly batch: number;
  readonly height: readonly [min: number, max: number];
  readonly width?: readonly [min: number, max: number];
  readonly square?: boolean;
  readonly channels: number;
  readonly kernels?: readonly number[];
}

/**
 * Convolutions within `bounds`, strides 1 and 2, `same` and `valid` padding (a `valid` case always
 * fits its filter): the shapes every convolution kernel's tests draw from.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(convCases({ batch: 3, height: [5, 13], channels: 5 }), (c) => ...));
 * ```
 */
export function convCases(bounds: ConvCaseBounds): fc.Arbitrary<ConvCase> {
  const size = ([min, max]: readonly [number, number]) => fc.integer({ min, max });
  const height = size(bounds.height);
  return fc
    .record({
      batch: fc.integer({ min: 1, max: bounds.batch }),
      height,
      width: bounds.square === true ? fc.constant(-1) : size(bounds.width ?? bounds.height),
      inChannels: fc.integer({ min: 1, max: bounds.channels }),
      outChannels: fc.integer({ min: 1, max: bounds.channels }),
      kernel: fc.constantFrom(...(bounds.kernels ?? [1, 3, 5])),
      stride: fc.constantFrom(1, 2),
      pad: fc.constantFrom<'same' | 'valid'>('same', 'valid'),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    })
    .map((c) => (c.width === -1 ? { ...c, width: c.height } : c))
    .filter((c) => c.pad === 'same' || (c.height >= c.kernel && c.width >= c.kernel));
}
