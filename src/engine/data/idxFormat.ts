import { gunzipSync, gzipSync } from 'node:zlib';

/** An IDX array (the MNIST / Fashion-MNIST file format, http://yann.lecun.com/exdb/mnist/): uint8 only. */
export interface IdxArray {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

const uint8TypeCode = 0x08;

/**
 * Parses an IDX file (gzip-compressed or not) holding unsigned bytes.
 * @throws when the magic number, the type or the length is wrong (a truncated file is an error).
 *
 * @example
 * ```ts
 * const labels = parseIdx(readFileSync('train-labels-idx1-ubyte.gz')); // { dims: [60000], data }
 * ```
 */
export function parseIdx(bytes: Uint8Array, source = 'IDX data'): IdxArray {
  const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? new Uint8Array(gunzipSync(bytes)) : bytes;
  if (raw.length < 4 || raw[0] !== 0 || raw[1] !== 0) throw new Error(`${source}: not an IDX file (bad magic number)`);
  if (raw[2] !== uint8TypeCode) throw new Error(`${source}: IDX type 0x${raw[2].toString(16)} unsupported; allowed: 0x08 (uint8)`);
  const rank = raw[3];
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const dims: number[] = [];
  for (let i = 0; i < rank; i++) dims.push(view.getUint32(4 + 4 * i, false));
  const offset = 4 + 4 * rank;
  const expected = dims.reduce((a, b) => a * b, 1);
  if (raw.length - offset !== expected) {
    throw new Error(`${source}: ${raw.length - offset} data bytes, expected ${expected} for dims [${dims.join(', ')}] (truncated or corrupt)`);
  }
  return { dims, data: raw.subarray(offset) };
}

/** Encodes a uint8 array as a gzip-compressed IDX file. */
export function encodeIdx(array: IdxArray): Uint8Array {
  const header = new Uint8Array(4 + 4 * array.dims.length);
  header[2] = uint8TypeCode;
  header[3] = array.dims.length;
  const view = new DataView(header.buffer);
  array.dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  const out = new Uint8Array(header.length + array.data.length);
  out.set(header, 0);
  out.set(array.data, header.length);
  return new Uint8Array(gzipSync(out, { level: 9 }));
}
