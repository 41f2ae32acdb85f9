/** One split of an image dataset as stored: uint8 pixels, NHWC, and integer labels. */
export interface ImageSplit {
  /** `count × height × width × channels` pixels in [0, 255], channels last. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
  readonly count: number;
}

/** A labelled image dataset with a train and a test split. */
export interface ImageDataset {
  /** e.g. `fashion-mnist-16`, `cifar10`. */
  readonly name: string;
  /** `[height, width, channels]`. */
  readonly shape: readonly [number, number, number];
  readonly numClasses: number;
  readonly train: ImageSplit;
  readonly test: ImageSplit;
}

/** Pixels per image of a dataset. */
export function pixelsPerImage(shape: readonly [number, number, number]): number {
  return shape[0] * shape[1] * shape[2];
}
