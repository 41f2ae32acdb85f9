import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { tf } from '../../tf.js';

/**
 * A program of this project with one or more outputs (tfjs' `runWebGPUProgram` gives a program one),
 * in WGSL of its own, run by `size` invocations. `getUserCode` defines `fn main(index : i32)`, which
 * reads the inputs by `variableNames` (as `f32`, or as `i32` those in `intInputs`: int32 tensors),
 * writes the outputs `out0`, `out1`, … (`f32`) and reads its uniforms as `uniforms.<name>`.
 */
export interface FusedProgram {
  readonly variableNames: readonly string[];
  readonly intInputs?: readonly string[];
  readonly outputCount: number;
  readonly uniformNames: readonly { name: string; type: 'f32' | 'i32' }[];
  readonly shaderKey: string;
  getUserCode(): string;
}

const workgroupSize = 64;
/** WebGPU's least limit on workgroups along one dimension; larger dispatches fold into y. */
const maxWorkgroupsPerDimension = 65_535;

type PipelineCache = Map<string, GPUComputePipeline>;
const pipelines = new WeakMap<GPUDevice, PipelineCache>();

/**
 * The whole shader. Bindings follow tfjs' `recordAndSubmit`, through which the dispatch goes (so that
 * its command batching, profiling and this project's dispatch audit see it): the first output, the
 * other outputs, the inputs, then the uniforms, which begin with tfjs' own (NaN, ∞, and a shape and a
 * stride per buffer, every buffer being passed as rank 1).
 */
function shaderOf(program: FusedProgram): string {
  const buffers = program.outputCount + program.variableNames.length;
  const builtins = Array.from({ length: buffers }, (_, i) => `shape${i} : i32, stride${i} : i32,`).join(' ');
  const own = program.uniformNames.map((u) => `${u.name} : ${u.type},`).join(' ');
  const outputs = Array.from({ length: program.outputCount }, (_, i) => `@group(0) @binding(${i}) var<storage, read_write> out${i} : array<f32>;`);
  const inputs = program.variableNames.map(
    (name, i) =>
      `@group(0) @binding(${program.outputCount + i}) var<storage, read> ${name} : array<${program.intInputs?.includes(name) === true ? 'i32' : 'f32'}>;`,
  );
  return `
    struct Uniforms { NAN : f32, INFINITY : f32, ${builtins} size : i32, ${own} };
    ${[...outputs, ...inputs].join('\n    ')}
    @group(0) @binding(${buffers}) var<uniform> uniforms : Uniforms;
    ${program.getUserCode()}
    @compute @workgroup_size(${workgroupSize})
    fn _start(@builtin(global_invocation_id) globalId : vec3<u32>, @builtin(num_workgroups) workgroups : vec3<u32>) {
      let index = i32(globalId.y * workgroups.x * ${workgroupSize}u + globalId.x);
      if (index < uniforms.size) { main(index); }
    }
  `;
}

function pipelineOf(device: GPUDevice, program: FusedProgram): GPUComputePipeline {
  const cache = pipelines.get(device) ?? (new Map() as PipelineCache);
  pipelines.set(device, cache);
  let pipeline = cache.get(program.shaderKey);
  if (pipeline === undefined) {
    const module = device.createShaderModule({ code: shaderOf(program), label: program.shaderKey });
    pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: '_start' }, label: program.shaderKey });
    cache.set(program.shaderKey, pipeline);
  }
  return pipeline;
}

/** The backend's dispatch path, private in tfjs' typings. */
interface Recorder {
  readonly device: GPUDevice;
  uploadToGPU(dataId: tf.DataId): void;
  recordAndSubmit(program: object, output: tf.TensorInfo, inputs: tf.TensorInfo[], uniforms: { type: string; data: number[] }[]): void;
}

/**
 * Runs `program` in one dispatch of `size` invocations and returns its outputs, of `shapes`.
 * `uniforms` are the values of `program.uniformNames`, in order.
 */
export function runFusedProgram(
  backend: WebGPUBackend,
  program: FusedProgram,
  inputs: readonly tf.TensorInfo[],
  { shapes, size }: { shapes: readonly (readonly number[])[]; size: number },
  uniforms: readonly number[],
): tf.TensorInfo[] {
  const recorder = backend as unknown as Recorder;
  if (shapes.length !== program.outputCount)
    throw new Error(`runFusedProgram: ${program.shaderKey} writes ${program.outputCount} outputs; got ${shapes.length} shapes`);
  const outputs = shapes.map((shape) => backend.makeTensorInfo([...shape], 'float32'));
  for (const t of outputs) recorder.uploadToGPU(t.dataId);
  for (const t of inputs) recorder.uploadToGPU(t.dataId);
  const flat = (t: tf.TensorInfo): tf.TensorInfo => ({ dataId: t.dataId, dtype: t.dtype, shape: [tf.util.sizeFromShape(t.shape)] });
  const workgroups = Math.ceil(size / workgroupSize);
  const rows = Math.ceil(workgroups / maxWorkgroupsPerDimension);
  // the program's class name, dispatch and workgroup size are what tfjs' profiler and the dispatch audit read
  Object.assign(program, {
    pipeline: pipelineOf(recorder.device, program),
    dispatch: [Math.ceil(workgroups / rows), rows, 1],
    workgroupSize: [workgroupSize, 1, 1],
  });
  recorder.recordAndSubmit(program, flat(outputs[0]), [...outputs.slice(1), ...inputs].map(flat), [
    { type: 'int32', data: [size] },
    ...program.uniformNames.map((u, i) => ({ type: u.type === 'f32' ? 'float32' : 'int32', data: [uniforms[i]] })),
  ]);
  return outputs;
}
