// Where the extension pages get BanWatch's data (the split is described in core/dataset/split.ts):
// the lean index is part of every page; an entry's record (data/entries/<id>.json, written by the
// build) is fetched for the one entry a page shows; the whole dataset is a separate chunk loaded
// only for the lookup and for an organisation's own vendors (which may cite any bundled ruling).
// The service worker reads the lean index and the records here too (shared/context.ts), but
// never calls dataSource: it may not import() a chunk.
// A signed update the opt-in channel accepted replaces all three: accepted-source.ts splits it in
// memory the same way (leanOf, recordOf); it is a separate chunk, loaded only with the channel on,
// so a page with the channel off (the default) carries none of it.
import lean from 'virtual:banwatch/lean-dataset';
import type { Dataset } from '../core/dataset/schema';
import type { EntryRecord, LeanDataset } from '../core/dataset/split';
import browser from './browser';

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

/** The record of bundled entry `id` (null for an id the data does not have), fetched once per page or worker run. */
export function bundledRecord(id: string): Promise<EntryRecord | null> {
  if (!known.has(id)) return Promise.resolve(null);
  let record = records.get(id);
  if (!record) {
    record = fetch(browser.runtime.getURL(`data/entries/${id}.json`)).then((r) => (r.ok ? (r.json() as Promise<EntryRecord>) : null));
    records.set(id, record);
  }
  return record;
}

/** The bundled data: records fetched once per page, the whole dataset a lazy chunk. */
const bundledSource: DataSource = { lean, record: bundledRecord, dataset: () => import('../core/dataset').then((m) => m.dataset) };

/**
 * Fetches the bundled record of `id` now, for a page that knows its entry before it has read the
 * settings: the record is then ready when the verdict's inputs are built. (With the update
 * channel on and an accepted update in use, the update's record is used and this one is not.)
 */
export function prefetchRecord(id: string): void {
  void bundledSource.record(id);
}

/** The data in use: the accepted update while the channel is on and it is newer than the bundled data, else the bundled data. */
export async function dataSource(channelOn: boolean): Promise<DataSource> {
  if (!channelOn) return bundledSource;
  const { acceptedSource } = await import('./accepted-source');
  return (await acceptedSource(lean.meta.version)) ?? bundledSource;
}
