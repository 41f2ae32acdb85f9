/**
 * One entry of {@link heapKernels}: a function of this project's kernel module that runs on the wasm
 * backend's heap.
 */
export interface HeapKernelEntry {
  /** The AssemblyScript file of `wasm/assembly/` that exports it (`asconfig.json`'s entries are exactly these files). */
  readonly source: string;
  /** Its arguments, in order: the operands' byte offsets on the heap, then sizes, scalars and flags. */
  readonly args: readonly string[];
  /** Whether `native/` has it too (`addon.cc` binds it), taking the heap and then the same arguments, and giving the same bits. */
  readonly native: boolean;
}

/** A convolution's geometry, as both convolution kernels take it after their three operands. */
const convGeometry = ['n', 'h', 'w', 'ci', 'oh', 'ow', 'co', 'kh', 'kw', 'sh', 'sw', 'pt', 'pl'] as const;

/**
 * The table of heap kernels: every export of the module `wasm/assembly/` (`npm run build:kernels`),
 * what it takes, and which ones `native/` also has. The module's exports, `asconfig.json`'s entries,
 * the native binding's functions and {@link nativeKernelNames} all follow it (`specs/engine/kernels/heapKernels.test.ts`).
 * Which tfjs kernel runs which heap kernel is said in that kernel's file (`wasm/<KernelName>.ts`).
 */
export const heapKernels = {
  /** `out = conv(x, w)`, NHWC × HWIO → NHWC, then eval-mode batch norm (and ReLU) unless `scale` is 0. */
  conv2d: { source: 'conv2d.ts', native: true, args: ['x', 'w', 'out', ...convGeometry, 'negMean', 'scale', 'offset', 'relu'] },
  /** `dW = ∂/∂w` of that convolution given `dy`, HWIO. */
  conv2dFilterGradient: { source: 'conv2dFilterGradient.ts', native: true, args: ['x', 'dy', 'dW', ...convGeometry] },
  /** `out[o, i]` = the mean of `x[o, :, i]` for `x` viewed as `[outer, reduce, inner]`. */
  meanMiddleAxes: { source: 'meanMiddleAxes.ts', native: false, args: ['x', 'out', 'outer', 'reduce', 'inner'] },
  /** `dx` of a 2×2, stride-2 max pool whose windows lie inside `x`. */
  maxPoolGrad2x2: { source: 'maxPoolGrad2x2.ts', native: false, args: ['x', 'dy', 'dx', 'n', 'h', 'w', 'c', 'oh', 'ow'] },
  /** The passes of train-mode batch norm (`kernelNames.ts`' `BatchNormTrain`). */
  batchNormMean: { source: 'channelMeans.ts', native: true, args: ['x', 'mean', 'images', 'pixels', 'c'] },
  batchNormCentreVariance: { source: 'channelMeans.ts', native: true, args: ['x', 'mean', 'centred', 'variance', 'images', 'pixels', 'c'] },
  batchNormNormalise: { source: 'batchNormTrain.ts', native: true, args: ['centred', 'invStd', 'scale', 'offset', 'out', 'pixels', 'c', 'relu'] },
  batchNormGradMeans: {
    source: 'channelMeans.ts',
    native: true,
    args: ['dy', 'out', 'centred', 'invStd', 'dyIn', 'meanDy', 'meanDyHat', 'images', 'pixels', 'c', 'relu'],
  },
  batchNormInputGrad: {
    source: 'batchNormTrain.ts',
    native: true,
    args: ['dyIn', 'centred', 'invStd', 'meanDy', 'meanDyHat', 'factor', 'dx', 'pixels', 'c'],
  },
  /** One variable's update by SGD with momentum, or by Adam. */
  sgdStep: {
    source: 'optimizerSteps.ts',
    native: false,
    args: ['v', 'g', 'buf', 'vOut', 'bufOut', 'count', 'learningRate', 'momentum', 'decay', 'first'],
  },
  adamStep: {
    source: 'optimizerSteps.ts',
    native: false,
    args: ['v', 'g', 'm', 's', 'vOut', 'mOut', 'sOut', 'count', 'decay', 'beta1', 'oneMinusBeta1', 'beta2', 'oneMinusBeta2', 'sqrtC2', 'epsilon', 'stepSize'],
  },
  /** A probe, not a kernel: 1 when the build's multiply-adds round once, given `a` = 1 + 2⁻¹² and `c` = −(1 + 2⁻¹¹). */
  maddRoundsOnce: { source: 'maddProbe.ts', native: false, args: ['a', 'c'] },
} as const satisfies Record<string, HeapKernelEntry>;

type Table = typeof heapKernels;

/** The kernels `runHeapKernel` runs: every export of the module but its probe. */
export type HeapKernelName = Exclude<keyof Table, 'maddRoundsOnce'>;

/** One number per named argument. */
type Numbers<Names extends readonly string[]> = { -readonly [I in keyof Names]: number };

/** The module's exports as functions of their arguments (one number each). */
export type AssemblyKernels = { [N in keyof Table]: (...args: Numbers<Table[N]['args']>) => number | undefined };

/** The heap kernels `native/` has. */
export type NativeKernelName = { [N in HeapKernelName]: Table[N]['native'] extends true ? N : never }[HeapKernelName];

/** The names of the heap kernels `native/` has, in the table's order. */
export const nativeKernelNames = (Object.keys(heapKernels) as HeapKernelName[]).filter((name): name is NativeKernelName => heapKernels[name].native);
