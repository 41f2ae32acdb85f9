import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cifarArchiveFolder, findCifarFolder } from './cifar10Reader.js';
import { readTar } from './tarArchive.js';

/** The official archive and its published MD5 (https://www.cs.toronto.edu/~kriz/cifar.html). */
export const cifarArchive = {
  url: 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz',
  md5: 'c32a1d4ab5d03f1284b67883e8d87530',
} as const;

/**
 * Makes sure CIFAR-10 is in `dir`: returns at once when the binary files are there, otherwise
 * downloads the archive, verifies its MD5, and extracts it atomically (into a temporary folder
 * beside the target, then one rename), so an interrupted download never leaves a partial dataset.
 *
 * @example
 * ```ts
 * const folder = await ensureCifar10({ dir: readSetting('GST_DATA_DIR') ?? 'data' });
 * readCifar10({ dir: folder });
 * ```
 */
export async function ensureCifar10(options: { dir: string; url?: string; md5?: string; log?: (line: string) => void }): Promise<string> {
  const existing = findCifarFolder(options.dir);
  if (existing !== undefined) return existing;
  const url = options.url ?? cifarArchive.url;
  const md5 = options.md5 ?? cifarArchive.md5;
  options.log?.(`downloading CIFAR-10 from ${url} into ${options.dir}`);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`CIFAR-10 is not in ${options.dir} and ${url} is unreachable (${String(error)}); put the binary files there or set GST_DATA_DIR`);
  }
  if (!response.ok) throw new Error(`CIFAR-10 download from ${url} failed: HTTP ${response.status}`);
  const archive = new Uint8Array(await response.arrayBuffer());
  const digest = createHash('md5').update(archive).digest('hex');
  if (digest !== md5) throw new Error(`CIFAR-10 archive from ${url} has MD5 ${digest}, expected ${md5}; refusing a corrupt download`);
  const target = join(options.dir, cifarArchiveFolder);
  const temp = `${target}.partial-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  for (const entry of readTar(gunzipSync(archive), url)) {
    const relative = entry.path.split('/').slice(1).join('/');
    if (relative === '' || relative.includes('..')) continue;
    const path = join(temp, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.data);
  }
  mkdirSync(options.dir, { recursive: true });
  renameSync(temp, target);
  return target;
}
