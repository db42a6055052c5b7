// The update channel's state and the accepted dataset, in the extension's IndexedDB (idb.ts), where
// content scripts cannot write. Only the service worker writes them (background/update-channel.ts);
// the pages and the worker read the dataset in use through `activeDataset`.
import { dataset as bundled, type Dataset } from '../core/dataset';
import { chooseActive } from '../core/data-package/version';
import { INITIAL_STATE, readState, type ChannelState } from '../core/data-package/channel-state';
import { idbGet, idbPut } from './idb';

const STATE = 'updateChannel';
const DATA = 'acceptedData';
const VERSION = 'acceptedVersion'; // small, read on every load; the dataset is read only when it changes

/** storage.session key the worker sets when a check finishes, so an open options page reads the state again. */
export const CHECKED_KEY = 'dataUpdateChecked';

let memo: { version: string; dataset: Dataset } | null = null;

/**
 * The dataset verdicts are made from: the accepted update while the channel is on and it is newer
 * than the bundled data, else the bundled data. With the channel off (the default) nothing is read.
 */
export async function activeDataset(channelOn: boolean): Promise<Dataset> {
  if (!channelOn) return bundled;
  try {
    const version = await idbGet(VERSION);
    if (typeof version !== 'string') return bundled;
    if (memo?.version !== version) memo = { version, dataset: chooseActive(bundled, (await idbGet(DATA)) as Dataset | undefined) };
    return memo.dataset;
  } catch {
    return bundled; // IndexedDB unavailable: the floor
  }
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
