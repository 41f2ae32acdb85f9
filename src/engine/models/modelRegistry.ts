import type { ConvNet } from './convNet.js';
import { buildResNet } from './resnet.js';
import { buildVgg, vgg11Layout, vggMiniLayout, type VggLayout } from './vgg.js';

/**
 * Which network a run trains. Every architecture is a preset of one of two builders, so the
 * scaled-down nets are the paper's nets with other width/depth/input, not separate toys.
 */
export interface ModelConfig {
  /** A key of {@link modelRegistry}. */
  readonly name: ModelName;
  /** Multiplies every conv width (default 1). */
  readonly widthMultiplier?: number;
  /** VGG family: overrides the layout (conv widths and `'M'` pools). */
  readonly layout?: VggLayout;
  /** ResNet family: basic blocks per stage (ResNet18: [2, 2, 2, 2]). */
  readonly blocksPerStage?: readonly number[];
}

/** What a model is built for: the data's shape and classes, and one seed or the seeds of an ensemble's members (seeds trained together). */
export interface ModelContext {
  readonly inputShape: readonly [number, number, number];
  readonly numClasses: number;
  readonly seed: number | readonly number[];
}

type ModelBuilder = (config: ModelConfig, context: ModelContext) => ConvNet;

/** Architectures by name; adding one is one line here. */
export const modelRegistry = {
  vgg11: (c, ctx) => buildVgg({ ...ctx, architecture: 'vgg11', layout: c.layout ?? vgg11Layout, widthMultiplier: c.widthMultiplier }),
  'vgg-mini': (c, ctx) => buildVgg({ ...ctx, architecture: 'vgg-mini', layout: c.layout ?? vggMiniLayout, widthMultiplier: c.widthMultiplier }),
  resnet18: (c, ctx) => buildResNet({ ...ctx, architecture: 'resnet18', blocksPerStage: c.blocksPerStage, widthMultiplier: c.widthMultiplier }),
} as const satisfies Record<string, ModelBuilder>;

/** An architecture's config name. */
export type ModelName = keyof typeof modelRegistry;

/**
 * Builds the model a config names for the given data shape and seed.
 *
 * @example
 * ```ts
 * const net = buildModel({ name: 'vgg-mini' }, { inputShape: [16, 16, 1], numClasses: 10, seed: 3 });
 * ```
 */
export function buildModel(config: ModelConfig, context: ModelContext): ConvNet {
  const builder = modelRegistry[config.name];
  if (builder === undefined) {
    throw new Error(`model.name: '${config.name}' is unknown; allowed: ${Object.keys(modelRegistry).join(', ')}`);
  }
  const width = config.widthMultiplier ?? 1;
  if (!(width > 0)) throw new Error(`model.widthMultiplier: ${width} is not allowed; use a number > 0`);
  return builder(config, context);
}
