// A data update the opt-in channel accepted (data-store.ts), as the pages (dataset-source.ts) and
// the worker (context.ts) read data: split in memory the way the build splits the bundled data
// (leanOf, recordOf). A page loads it only while the channel is on; the worker, which may not
// import() it then, carries it.
import type { Dataset } from '../core/dataset/schema';
import { leanOf, recordOf } from '../core/dataset/split';
import { acceptedDataset } from './data-store';
import type { DataSource } from './dataset-source';

let memo: { dataset: Dataset; source: DataSource } | null = null;

/** The accepted update while it is newer than `floor` (the bundled data's version), or null. */
export async function acceptedSource(floor: string): Promise<DataSource | null> {
  const ds = await acceptedDataset(true, floor);
  if (!ds) return null;
  if (memo?.dataset !== ds) memo = { dataset: ds, source: { lean: leanOf(ds), record: (id) => Promise.resolve(recordOf(ds, id)), dataset: () => Promise.resolve(ds) } };
  return memo.source;
}
