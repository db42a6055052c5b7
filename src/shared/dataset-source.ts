// Where the extension pages get BanWatch's data (the split is described in core/dataset/split.ts):
// the lean index is part of every page; an entry's record (data/entries/<id>.json, written by the
// build) is fetched for the one entry a page shows; the whole dataset is a separate chunk loaded
// only for the lookup and for an organisation's own vendors (which may cite any bundled ruling).
// A signed update the opt-in channel accepted (data-store.ts) replaces all three: it is split here
// in memory the same way (leanOf, recordOf), and the bundled chunks are not loaded.
import lean from 'virtual:banwatch/lean-dataset';
import type { Dataset } from '../core/dataset/schema';
import { leanOf, recordOf, type EntryRecord, type LeanDataset } from '../core/dataset/split';
import browser from './browser';
import { acceptedDataset } from './data-store';

export const leanDataset: LeanDataset = lean;

/** The data a page reads: the lean index at once, an entry's record and the whole dataset on demand. */
export interface DataSource {
  lean: LeanDataset;
  /** The record of entry `id` (null for an id the data does not have). */
  record(id: string): Promise<EntryRecord | null>;
  dataset(): Promise<Dataset>;
}

const known = new Set([...lean.vendors, ...lean.notRestricted, ...lean.reportedLinks].map((e) => e.id));
const records = new Map<string, Promise<EntryRecord | null>>();

/** The bundled data: records fetched once per page, the whole dataset a lazy chunk. */
const bundledSource: DataSource = {
  lean,
  record(id) {
    if (!known.has(id)) return Promise.resolve(null);
    let record = records.get(id);
    if (!record) {
      record = fetch(browser.runtime.getURL(`data/entries/${id}.json`)).then((r) => (r.ok ? (r.json() as Promise<EntryRecord>) : null));
      records.set(id, record);
    }
    return record;
  },
  dataset: () => import('../core/dataset').then((m) => m.dataset),
};

/** A dataset held in memory (an accepted update), split the way the build splits the bundled one. */
function sourceOf(ds: Dataset): DataSource {
  return { lean: leanOf(ds), record: (id) => Promise.resolve(recordOf(ds, id)), dataset: () => Promise.resolve(ds) };
}

let accepted: { dataset: Dataset; source: DataSource } | null = null;

/** The data in use: the accepted update while the channel is on and it is newer than the bundled data, else the bundled data. */
export async function dataSource(channelOn: boolean): Promise<DataSource> {
  const ds = await acceptedDataset(channelOn, lean.meta.version);
  if (!ds) return bundledSource;
  if (accepted?.dataset !== ds) accepted = { dataset: ds, source: sourceOf(ds) };
  return accepted.source;
}
