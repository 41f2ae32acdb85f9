import { miniProtocol } from '../claims/profiles/miniProfile.js';
import { miniV1Protocol } from '../claims/profiles/miniV1Profile.js';
import type { ModelConfig } from '../engine/models/modelRegistry.js';
import { scaleWidth, vggMiniLayout } from '../engine/models/vgg.js';

/** One throughput measurement: a model on an input shape, SGD-momentum, at `batchSize` (default {@link benchBatchSize}). */
export interface BenchCase {
  readonly id: string;
  /** Layer string as in the issue tracker, e.g. `conv16-conv16-maxpool-conv32-conv32-GAP-dense10`. */
  readonly model: string;
  readonly modelConfig: ModelConfig;
  readonly input: readonly [number, number, number];
  readonly batchSize?: number;
}

function vggMiniName(width: number): string {
  return [...vggMiniLayout.map((item) => (item === 'M' ? 'maxpool' : `conv${scaleWidth(item, width)}`)), 'GAP', 'dense10'].join('-');
}

const benchNet = { name: 'vgg-mini', layout: [16, 16, 'M', 32, 32] } as const satisfies ModelConfig;
const miniV1Width = miniV1Protocol.train.model.widthMultiplier ?? 1;
const miniWidth = miniProtocol.train.model.widthMultiplier ?? 1;

/** The benchmark's cases: the reference net at two input sizes, the first mini protocol's net (mini-v1) and the current one's. */
export const benchCases: readonly BenchCase[] = [
  { id: 'ref-16', model: 'conv16-conv16-maxpool-conv32-conv32-GAP-dense10', modelConfig: benchNet, input: [16, 16, 1] },
  { id: 'ref-32', model: 'conv16-conv16-maxpool-conv32-conv32-GAP-dense10', modelConfig: benchNet, input: [32, 32, 3] },
  {
    id: 'mini-v1-16',
    model: `the first mini protocol's net, vgg-mini at width ${miniV1Width}: ${vggMiniName(miniV1Width)}`,
    modelConfig: miniV1Protocol.train.model,
    input: [16, 16, 1],
  },
  {
    id: 'mini-16',
    model: `the mini protocol's net, vgg-mini at width ${miniWidth}: ${vggMiniName(miniWidth)}`,
    modelConfig: miniProtocol.train.model,
    input: [16, 16, 1],
  },
];

export const benchBatchSize = 64;

/** The paper profile's nets on CIFAR-shaped input at the paper's batch 128: measured on `webgpu` (a GPU), where they are meant to train. */
export const paperBenchCases: readonly BenchCase[] = [
  { id: 'vgg11-32', model: 'VGG11-BN (the paper profile)', modelConfig: { name: 'vgg11' }, input: [32, 32, 3], batchSize: 128 },
  { id: 'resnet18-32', model: 'ResNet18 (the paper profile)', modelConfig: { name: 'resnet18' }, input: [32, 32, 3], batchSize: 128 },
];
