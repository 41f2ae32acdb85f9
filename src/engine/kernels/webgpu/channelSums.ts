import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import type { tf } from '../../tf.js';
import { runFusedProgram, type FusedProgram } from './runFusedProgram.js';

/**
 * How a reduction over the rows of an NHWC activation (rows = N·H·W, one column per channel) is split
 * among invocations: invocation `s·C + c` sums rows [s·rowsPerSplit, (s+1)·rowsPerSplit) of channel
 * c in order, neighbours reading neighbouring channels; enough splits for 32,768 invocations, and at
 * most 4,096 rows each. A second pass adds the splits in order: no atomics, the same sum every run.
 *
 * An ensemble's activation holds its members' one after another along N, each reduced on its own:
 * its vectors are indexed `v = member·C + c` (`vectors` = members·C, the layout of the members'
 * stacked `[members, C]` variables), invocation `s·vectors + v` sums rows of member `v / C`'s part,
 * and every member is split as it would be alone, so its sums are the same.
 */
export interface ChannelSplit {
  /** Rows of one member (of the whole activation, for one model). */
  readonly rows: number;
  readonly channels: number;
  /** members·channels: the length of a per-channel vector. */
  readonly vectors: number;
  readonly splits: number;
  readonly rowsPerSplit: number;
}

/**
 * The split of `x`'s rows, among `members` (1 for one model).
 *
 * @example channelSplit([128, 32, 32, 64]) // { rows: 131072, channels: 64, vectors: 64, splits: 512, rowsPerSplit: 256 }
 */
export function channelSplit(shape: readonly number[], members = 1): ChannelSplit {
  const channels = shape[shape.length - 1];
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1) / members;
  const wanted = Math.min(rows, Math.max(Math.ceil(32_768 / channels), Math.ceil(rows / 4096)));
  const rowsPerSplit = Math.ceil(rows / wanted);
  return { rows, channels, vectors: members * channels, splits: Math.ceil(rows / rowsPerSplit), rowsPerSplit };
}

/** The uniforms a partial-sum program declares after its own (see {@link partialSumPrologue}). */
export const splitUniforms = (['rows', 'channels', 'vectors', 'rowsPerSplit'] as const).map((name) => ({ name, type: 'i32' as const }));

/** The values of {@link splitUniforms}. */
export const splitValues = (split: ChannelSplit): number[] => [split.rows, split.channels, split.vectors, split.rowsPerSplit];

/**
 * WGSL that opens a partial-sum program's `main(index)`: its vector index `v` (member and channel
 * `c`), and rows `rowBegin` to `rowEnd`; row `r`'s element of the channel is at `(base + r)·C + c`.
 */
export const partialSumPrologue = `
        let v = index % uniforms.vectors;
        let c = v % uniforms.channels;
        let base = (v / uniforms.channels) * uniforms.rows;
        let rowBegin = (index / uniforms.vectors) * uniforms.rowsPerSplit;
        let rowEnd = min(rowBegin + uniforms.rowsPerSplit, uniforms.rows);`;

/**
 * WGSL that opens an element-wise program's `main(i)` over an activation: the index `v` of element
 * `i`'s per-channel vector entry (its member's, in an ensemble), from the uniforms `channels` and
 * `memberSize` (the elements of one member; see {@link elementUniforms}).
 */
export const elementPrologue = `
        let v = (i / uniforms.memberSize) * uniforms.channels + i % uniforms.channels;`;

/** The uniforms of {@link elementPrologue}, and those of an element-wise program after its own. */
export const elementUniforms = (['channels', 'vectors', 'memberSize'] as const).map((name) => ({ name, type: 'i32' as const }));

/** The values of {@link elementUniforms} for an activation of `shape` holding `members` members. */
export function elementValues(shape: readonly number[], members: number): number[] {
  const channels = shape[shape.length - 1];
  return [channels, members * channels, shape.reduce((a, b) => a * b, 1) / members];
}

/**
 * What pass 2 writes after the means: the first mean's (m + ε)^-½, each mean times the rows it
 * averaged (and times a unit's keep mask), and a running statistic updated with the first mean.
 */
interface MeanExtras {
  readonly invStdEpsilon?: number;
  readonly timesRows?: boolean;
  readonly timesMask?: tf.TensorInfo;
  /** `running·(1 − momentum) + (mean0·unbiasedFactor)·momentum`, PyTorch's running update (factor 1 for a mean). */
  readonly running?: { readonly values: tf.TensorInfo; readonly momentum: number; readonly unbiasedFactor: number };
}

/**
 * Pass 2: `out_k[c] = (Σ_s partials_k[s·V + c]) / rows` for each vector entry `c < V`, the splits
 * added in order, for each of the partial sums; then, as asked, `(out0[c] + ε)^-½` (a variance's
 * inverse standard deviation, as tfjs' `rsqrt(add(v, ε))` computes it on webgpu), each
 * `out_k[c]·rows` (as tfjs' `mul(mean, rows)`), times `mask[c]` with `masked` (as the gradient of
 * tfjs' `mul(γ, mask)`), and the running update of `running[c]` by the first mean, in the composite
 * update's operations and order.
 */
class ChannelMeansProgram implements FusedProgram {
  readonly variableNames: string[];
  readonly outputCount: number;
  readonly uniformNames = [
    ...(['splits', 'vectors', 'rows'] as const).map((name) => ({ name, type: 'i32' as const })),
    ...(['epsilon', 'keep', 'momentum', 'unbiasedFactor'] as const).map((name) => ({ name, type: 'f32' as const })),
  ];
  readonly shaderKey: string;

  constructor(
    count: number,
    private readonly extras: { invStd: boolean; timesRows: boolean; masked: boolean; running: boolean },
  ) {
    this.variableNames = [
      ...Array.from({ length: count }, (_, k) => `partials${k}`),
      ...(extras.masked ? ['mask'] : []),
      ...(extras.running ? ['running'] : []),
    ];
    this.outputCount = count * (extras.timesRows ? 2 : 1) + (extras.invStd ? 1 : 0) + (extras.running ? 1 : 0);
    this.shaderKey = `gstChannelMeans_${count}_${extras.invStd}_${extras.timesRows}_${extras.masked}_${extras.running}`;
  }

  getUserCode(): string {
    const sums = this.variableNames.filter((name) => name.startsWith('partials')).map((name, k) => ({ name, k }));
    const mask = this.extras.masked ? ' * mask[c]' : '';
    const next = sums.length + (this.extras.invStd ? 1 : 0);
    const last = this.outputCount - 1;
    return `
      fn main(c : i32) {
        ${sums.map(({ k }) => `var sum${k} = 0.0;`).join(' ')}
        for (var s = 0; s < uniforms.splits; s = s + 1) {
          ${sums.map(({ name, k }) => `sum${k} = sum${k} + ${name}[s * uniforms.vectors + c];`).join(' ')}
        }
        ${sums.map(({ k }) => `let mean${k} = sum${k} / f32(uniforms.rows); out${k}[c] = mean${k};`).join(' ')}
        ${this.extras.invStd ? `out${sums.length}[c] = inverseSqrt(mean0 + uniforms.epsilon);` : ''}
        ${this.extras.timesRows ? sums.map(({ k }) => `out${next + k}[c] = mean${k} * f32(uniforms.rows)${mask};`).join(' ') : ''}
        ${this.extras.running ? `out${last}[c] = running[c] * uniforms.keep + (mean0 * uniforms.unbiasedFactor) * uniforms.momentum;` : ''}
      }
    `;
  }
}

/**
 * The channel means from partial sums over `split` (each `[splits, C]`), then the extras asked for
 * (see {@link ChannelMeansProgram}); disposes the partial sums.
 */
export function channelMeans(backend: WebGPUBackend, partials: readonly tf.TensorInfo[], split: ChannelSplit, extras: MeanExtras = {}): tf.TensorInfo[] {
  const { timesMask, running } = extras;
  const program = new ChannelMeansProgram(partials.length, {
    invStd: extras.invStdEpsilon !== undefined,
    timesRows: extras.timesRows === true,
    masked: timesMask !== undefined,
    running: running !== undefined,
  });
  const momentum = running?.momentum ?? 0;
  const means = runFusedProgram(
    backend,
    program,
    [...partials, ...(timesMask ? [timesMask] : []), ...(running ? [running.values] : [])],
    { shapes: Array.from({ length: program.outputCount }, () => [split.vectors]), size: split.vectors },
    [split.splits, split.vectors, split.rows, extras.invStdEpsilon ?? 0, 1 - momentum, momentum, running?.unbiasedFactor ?? 1],
  );
  for (const p of partials) backend.disposeData(p.dataId);
  return means;
}
