/** One regular file of a tar archive. */
export interface TarEntry {
  readonly path: string;
  readonly data: Uint8Array;
}

function field(block: Uint8Array, offset: number, length: number): string {
  const bytes = block.subarray(offset, offset + length);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
}

/**
 * Lists the regular files of an uncompressed ustar/GNU tar archive (the format of the CIFAR-10
 * archive). Directories and links are skipped.
 * @throws when a header's checksum is wrong or an entry runs past the end (a truncated archive).
 */
export function readTar(archive: Uint8Array, source = 'tar archive'): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
    if (sum !== parseInt(field(header, 148, 8).trim(), 8)) throw new Error(`${source}: bad header checksum at byte ${offset} (corrupt archive)`);
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const start = offset + 512;
    if (start + size > archive.length) throw new Error(`${source}: entry ${name} runs past the end (truncated archive)`);
    if (type === '0' || type === '\0') entries.push({ path: prefix ? `${prefix}/${name}` : name, data: archive.subarray(start, start + size) });
    offset = start + Math.ceil(size / 512) * 512;
  }
  return entries;
}

/** Builds a ustar archive of regular files (used to make test archives in the CIFAR layout). */
export function writeTar(entries: readonly TarEntry[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  const enc = new TextEncoder();
  for (const e of entries) {
    const header = new Uint8Array(512);
    header.set(enc.encode(e.path).subarray(0, 100), 0);
    header.set(enc.encode('0000644\0'), 100);
    header.set(enc.encode('0000000\0'), 108);
    header.set(enc.encode('0000000\0'), 116);
    header.set(enc.encode(e.data.length.toString(8).padStart(11, '0') + '\0'), 124);
    header.set(enc.encode('00000000000\0'), 136);
    header[156] = 48;
    header.set(enc.encode('ustar\0' + '00'), 257);
    header.fill(32, 148, 156);
    const sum = header.reduce((a, b) => a + b, 0);
    header.set(enc.encode(sum.toString(8).padStart(6, '0') + '\0 '), 148);
    blocks.push(header, e.data, new Uint8Array((512 - (e.data.length % 512)) % 512));
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
