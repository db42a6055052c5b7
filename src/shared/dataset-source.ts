// Where the extension pages get BanWatch's data (the split is described in core/dataset/split.ts):
// the lean index is part of every page; an entry's record (data/entries/<id>.json, written by the
// build) is fetched for the one entry a page shows; the whole dataset is a separate chunk loaded
// only for the lookup and for an organisation's own vendors (which may cite any bundled ruling).
// A dataset that replaces the bundled one at run time would be split here in memory (leanOf, recordOf).
import lean from 'virtual:banwatch/lean-dataset';
import type { Dataset } from '../core/dataset/schema';
import type { EntryRecord, LeanDataset } from '../core/dataset/split';
import browser from './browser';

export const leanDataset: LeanDataset = lean;

const known = new Set([...lean.vendors, ...lean.notRestricted, ...lean.reportedLinks].map((e) => e.id));
const records = new Map<string, Promise<EntryRecord | null>>();

/** The record of entry `id` (null for an id the data does not have). Fetched once per page. */
export function loadRecord(id: string): Promise<EntryRecord | null> {
  if (!known.has(id)) return Promise.resolve(null);
  let record = records.get(id);
  if (!record) {
    record = fetch(browser.runtime.getURL(`data/entries/${id}.json`)).then((r) => (r.ok ? (r.json() as Promise<EntryRecord>) : null));
    records.set(id, record);
  }
  return record;
}

/** The whole bundled dataset (a lazy chunk). */
export const loadDataset = (): Promise<Dataset> => import('../core/dataset').then((m) => m.dataset);
