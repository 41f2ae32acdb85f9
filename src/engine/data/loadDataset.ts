import { readSetting } from '../../settings.js';
import { ensureCifar10 } from './cifar10Download.js';
import { readCifar10 } from './cifar10Reader.js';
import { datasetNames, type DatasetName } from './dataConfig.js';
import { loadFixtureDataset } from './fixtureDatasets.js';
import type { ImageDataset } from './imageDataset.js';

const cache = new Map<string, ImageDataset>();

/**
 * Loads a dataset by name, once per process. CIFAR-10 comes from `dataDir` (default
 * `GST_DATA_DIR`), downloaded there with checksum verification when missing and `download` is on.
 *
 * @example
 * ```ts
 * const ds = await loadDataset({ name: 'fashion-mnist-16' });
 * ```
 */
export async function loadDataset(options: { name: DatasetName; dataDir?: string; download?: boolean; cifarRecordsPerFile?: number }): Promise<ImageDataset> {
  const { name } = options;
  if (!(datasetNames as readonly string[]).includes(name)) {
    throw new Error(`data.name: '${name}' is unknown; allowed: ${datasetNames.join(', ')}`);
  }
  const dataDir = options.dataDir ?? readSetting('GST_DATA_DIR');
  const key = `${name}:${dataDir ?? ''}:${options.cifarRecordsPerFile ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let dataset: ImageDataset;
  if (name === 'cifar10') {
    if (dataDir === undefined || dataDir === '') {
      throw new Error('data.dir: CIFAR-10 needs a folder; set GST_DATA_DIR to where data_batch_1..5.bin and test_batch.bin are (or should be downloaded)');
    }
    const folder = options.download === false ? dataDir : await ensureCifar10({ dir: dataDir, log: (l) => process.stderr.write(`${l}\n`) });
    dataset = readCifar10({ dir: folder, recordsPerFile: options.cifarRecordsPerFile });
  } else {
    dataset = loadFixtureDataset(name);
  }
  cache.set(key, dataset);
  return dataset;
}
