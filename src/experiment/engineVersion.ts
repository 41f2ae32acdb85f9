/**
 * Version of everything that can change a run's numbers (engine, kernels, pruning, metrics).
 * Part of every run's store key: bump it when a change alters results, and old cached runs are
 * no longer reused.
 *
 * History: `gst-engine-2`: eval-mode batch-norm gradient in closed form (flatness values change at
 * float rounding; training, accuracies and stabilities are bit-identical to `gst-engine-1`).
 * `gst-engine-3`: batch norm's channel means as global average pools and its per-channel affine maps
 * as 1×1 depthwise convolutions, the filter gradient packing the smaller operand (every number
 * changes at float rounding; training ~1.2× faster on wasm).
 * `gst-engine-4`: the filter gradient and `Conv2D` (and through it the input gradient) as this
 * project's SIMD kernels on the wasm heap (`kernels/assembly/`; every number changes at float
 * rounding; the SIMD `MaxPoolGrad` routes exactly as before). The name was first given with the filter
 * gradient alone (commit `3c70ebe`); no store holds runs of that intermediate state.
 */
export const engineVersion = 'gst-engine-4';
