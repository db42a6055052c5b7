// The update channel's state and the accepted dataset, in the extension's IndexedDB (idb.ts), where
// content scripts cannot write. Only the service worker writes them (background/update-channel.ts).
// Readers pass the bundled data's version (the floor): otherwise the worker (context.ts) and the
// pages (dataset-source.ts) take the lean index and records built for the bundled data, so
// nothing here imports the bundled dataset.
import type { Dataset } from '../core/dataset/schema';
import { compareVersions } from '../core/data-package/version';
import { INITIAL_STATE, readState, type ChannelState } from '../core/data-package/channel-state';
import { idbGet, idbPut } from './idb';

const STATE = 'updateChannel';
const DATA = 'acceptedData';
const VERSION = 'acceptedVersion'; // small, read on every load; the dataset is read only when it changes

/** storage.session key the worker sets when a check finishes, so an open options page reads the state again. */
export const CHECKED_KEY = 'dataUpdateChecked';
/** storage.session key present while the worker runs a check, whatever started it (the options page says "Checking…"). */
export const CHECKING_KEY = 'dataUpdateChecking';

let memo: { version: string; dataset: Dataset | undefined } | null = null;

/** The accepted update's version while the channel is on and it is newer than `floor`, else null. With the channel off nothing is read. */
export async function acceptedVersion(channelOn: boolean, floor: string): Promise<string | null> {
  if (!channelOn) return null;
  try {
    const version = await idbGet(VERSION);
    return typeof version === 'string' && compareVersions(version, floor) > 0 ? version : null;
  } catch {
    return null; // IndexedDB unavailable: the floor
  }
}

/** The accepted update while the channel is on and it is newer than `floor` (the bundled data's version), else undefined. */
export async function acceptedDataset(channelOn: boolean, floor: string): Promise<Dataset | undefined> {
  const version = await acceptedVersion(channelOn, floor);
  if (version === null) return undefined;
  try {
    if (memo?.version !== version) memo = { version, dataset: (await idbGet(DATA)) as Dataset | undefined };
  } catch {
    return undefined;
  }
  return memo.dataset?.meta?.version === version ? memo.dataset : undefined;
}

export async function readChannelState(): Promise<ChannelState> {
  try {
    return readState(await idbGet(STATE));
  } catch {
    return INITIAL_STATE;
  }
}

/** Saves the state after a check, with the dataset it accepted (in one transaction). */
export async function saveCheck(state: ChannelState, accepted?: Dataset): Promise<void> {
  await idbPut(accepted ? { [STATE]: state, [DATA]: accepted, [VERSION]: accepted.meta.version } : { [STATE]: state });
}
