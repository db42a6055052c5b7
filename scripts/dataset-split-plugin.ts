// Splits the bundled dataset for the pages (src/core/dataset/split.ts): the lean index becomes the
// module `virtual:banwatch/lean-dataset` (in each page's first-render bytes), and every entry's
// record is written to data/entries/<id>.json, fetched by a page for the one entry it shows.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Dataset } from '../src/core/dataset/schema';
import { entryIds, leanOf, recordOf } from '../src/core/dataset/split';

const MODULE = 'virtual:banwatch/lean-dataset';
/** Where the build writes each entry's record (src/shared/dataset-source.ts fetches it). */
export const ENTRIES_DIR = 'data/entries';

const read = (root: string): Dataset => JSON.parse(readFileSync(resolve(root, 'src/data/dataset.json'), 'utf8')) as Dataset;

export function datasetSplitPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'banwatch:dataset-split',
    configResolved(config) {
      root = config.root;
    },
    resolveId: (id) => (id === MODULE ? `\0${MODULE}` : null),
    load(id) {
      if (id !== `\0${MODULE}`) return null;
      this.addWatchFile(resolve(root, 'src/data/dataset.json'));
      return `export default ${JSON.stringify(leanOf(read(root)))};`;
    },
    generateBundle() {
      const ds = read(root);
      for (const id of entryIds(ds)) {
        this.emitFile({ type: 'asset', fileName: `${ENTRIES_DIR}/${id}.json`, source: JSON.stringify(recordOf(ds, id)) });
      }
    },
  };
}
