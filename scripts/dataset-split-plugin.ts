// Splits the bundled dataset for the pages and the service worker (src/core/dataset/split.ts): the
// lean index becomes the module `virtual:banwatch/lean-dataset` (in each page's first-render bytes
// and the worker), the brand names `virtual:banwatch/brand-names` (the worker), what the options
// page says about the data `virtual:banwatch/dataset-about`, the bundled ruling ids (for checking
// an organisation's list) `virtual:banwatch/ruling-ids`. Every entry's record is written to
// data/entries/<id>.json, fetched by a page for the one entry it shows and by the worker for the
// entries a message is about; the whole dataset to data/dataset.json, which the worker reads only
// to decide on every entry at once (strict mode's rules, the banner's overrides, an update check).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Dataset } from '../src/core/dataset/schema';
import { aboutOf, brandNamesOf, entryIds, leanOf, recordOf } from '../src/core/dataset/split';

const MODULES: Record<string, (ds: Dataset) => unknown> = {
  'virtual:banwatch/lean-dataset': leanOf,
  'virtual:banwatch/brand-names': brandNamesOf,
  'virtual:banwatch/dataset-about': aboutOf,
  'virtual:banwatch/ruling-ids': (ds) => ds.rulings.map((r) => r.id),
};
/** Where the build writes each entry's record (src/shared/dataset-source.ts fetches it). */
const ENTRIES_DIR = 'data/entries';
/** Where it writes the whole dataset (src/shared/context.ts fetches it). */
const DATASET_FILE = 'data/dataset.json';

const read = (root: string): Dataset => JSON.parse(readFileSync(resolve(root, 'src/data/dataset.json'), 'utf8')) as Dataset;

export function datasetSplitPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'banwatch:dataset-split',
    configResolved(config) {
      root = config.root;
    },
    resolveId: (id) => (Object.hasOwn(MODULES, id) ? `\0${id}` : null),
    load(id) {
      const make = id.startsWith('\0') ? MODULES[id.slice(1)] : undefined;
      if (!make) return null;
      this.addWatchFile(resolve(root, 'src/data/dataset.json'));
      return `export default ${JSON.stringify(make(read(root)))};`;
    },
    generateBundle() {
      const ds = read(root);
      this.emitFile({ type: 'asset', fileName: DATASET_FILE, source: JSON.stringify(ds) });
      for (const id of entryIds(ds)) {
        this.emitFile({ type: 'asset', fileName: `${ENTRIES_DIR}/${id}.json`, source: JSON.stringify(recordOf(ds, id)) });
      }
    },
  };
}
