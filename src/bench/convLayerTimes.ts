/**
 * The convolution layers of the paper's nets, and their three kernels timed one at a time on the
 * active backend (`gpu:profile`).
 */
import { vgg11Layout } from '../engine/models/vgg.js';
import { tf } from '../engine/tf.js';

/** One convolution of a paper net: input side, channels in and out, filter size, stride, and where it occurs. */
export interface ConvLayer {
  readonly nets: string;
  readonly side: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly size: 1 | 3;
  readonly stride: 1 | 2;
}

/** The distinct convolutions of VGG11-BN and of the CIFAR ResNet18 on 32×32×3 inputs, in order. */
export function paperConvLayers(): ConvLayer[] {
  const layers: Omit<ConvLayer, 'nets'>[] = [];
  const vgg: Omit<ConvLayer, 'nets'>[] = [];
  let side = 32;
  let channels = 3;
  for (const item of vgg11Layout) {
    if (item === 'M') side /= 2;
    else {
      vgg.push({ side, inChannels: channels, outChannels: item, size: 3, stride: 1 });
      channels = item;
    }
  }
  const resnet: Omit<ConvLayer, 'nets'>[] = [{ side: 32, inChannels: 3, outChannels: 64, size: 3, stride: 1 }];
  side = 32;
  channels = 64;
  [64, 128, 256, 512].forEach((width, stage) => {
    const stride = stage === 0 ? 1 : 2;
    resnet.push({ side, inChannels: channels, outChannels: width, size: 3, stride });
    if (stride === 2) resnet.push({ side, inChannels: channels, outChannels: width, size: 1, stride });
    side /= stride;
    resnet.push({ side, inChannels: width, outChannels: width, size: 3, stride: 1 });
    channels = width;
  });
  const key = (l: Omit<ConvLayer, 'nets'>) => `${l.side}/${l.inChannels}/${l.outChannels}/${l.size}/${l.stride}`;
  for (const l of [...vgg, ...resnet]) if (!layers.some((m) => key(m) === key(l))) layers.push(l);
  return layers.map((l) => ({
    ...l,
    nets: [vgg.some((v) => key(v) === key(l)) ? 'VGG11' : '', resnet.some((r) => key(r) === key(l)) ? 'ResNet18' : ''].filter(Boolean).join(', '),
  }));
}

/** Milliseconds of each of a layer's three kernels at `batch`, and their rate. */
export interface ConvLayerTime {
  readonly layer: ConvLayer;
  readonly batch: number;
  readonly ms: { readonly forward: number; readonly inputGradient: number; readonly filterGradient: number };
  readonly tflops: { readonly forward: number; readonly inputGradient: number; readonly filterGradient: number };
}

/** Mean milliseconds of `op` over `reps` calls queued back to back, after one warm-up call; waits for the last result. */
async function timeOp(op: () => tf.Tensor, reps: number): Promise<number> {
  const sync = async (t: tf.Tensor) => {
    await tf.slice(t.reshape([-1]), 0, 1).data();
    t.dispose();
  };
  await sync(op());
  const start = performance.now();
  for (let i = 1; i < reps; i++) op().dispose();
  await sync(op());
  return (performance.now() - start) / reps;
}

/**
 * Times forward, input gradient and filter gradient of `layer` at `batch` on the active backend (each
 * its tfjs kernel, run `reps` times); a rate counts 2 FLOPs a multiply-add.
 */
export async function timeConvLayer(layer: ConvLayer, batch: number, reps: number): Promise<ConvLayerTime> {
  const out = Math.ceil(layer.side / layer.stride);
  const filterShape: [number, number, number, number] = [layer.size, layer.size, layer.inChannels, layer.outChannels];
  const x = tf.randomNormal([batch, layer.side, layer.side, layer.inChannels], 0, 1, 'float32', 1) as tf.Tensor4D;
  const w = tf.randomNormal(filterShape, 0, 0.1, 'float32', 2) as tf.Tensor4D;
  const dy = tf.randomNormal([batch, out, out, layer.outChannels], 0, 1, 'float32', 3) as tf.Tensor4D;
  const conv = { strides: layer.stride, pad: 'same' as const, dataFormat: 'NHWC' as const };
  try {
    const ms = {
      forward: await timeOp(() => tf.engine().runKernel(tf.Conv2D, { x, filter: w }, { ...conv, dilations: 1 }) as tf.Tensor, reps),
      inputGradient: await timeOp(() => tf.engine().runKernel(tf.Conv2DBackpropInput, { dy, filter: w }, { ...conv, inputShape: x.shape }) as tf.Tensor, reps),
      filterGradient: await timeOp(() => tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, { ...conv, filterShape }) as tf.Tensor, reps),
    };
    const macs = batch * out * out * layer.outChannels * layer.size * layer.size * layer.inChannels;
    const rate = (m: number) => (2 * macs) / (m / 1000) / 1e12;
    return { layer, batch, ms, tflops: { forward: rate(ms.forward), inputGradient: rate(ms.inputGradient), filterGradient: rate(ms.filterGradient) } };
  } finally {
    tf.dispose([x, w, dy]);
  }
}
