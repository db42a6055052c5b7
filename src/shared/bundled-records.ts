// The bundled data's per-entry records (core/dataset/split.ts), written by the build to
// data/entries/<id>.json: a page or the service worker fetches the ones it needs from its own
// package (no network), once per page or worker run.
import lean from 'virtual:banwatch/lean-dataset';
import type { EntryRecord } from '../core/dataset/split';
import browser from './browser';

const known = new Set([...lean.vendors, ...lean.notRestricted, ...lean.reportedLinks].map((e) => e.id));
const records = new Map<string, Promise<EntryRecord | null>>();

/** The record of bundled entry `id` (null for an id the data does not have). */
export function bundledRecord(id: string): Promise<EntryRecord | null> {
  if (!known.has(id)) return Promise.resolve(null);
  let record = records.get(id);
  if (!record) {
    record = fetch(browser.runtime.getURL(`data/entries/${id}.json`)).then((r) => (r.ok ? (r.json() as Promise<EntryRecord>) : null));
    records.set(id, record);
  }
  return record;
}
