// Answers the watcher's requests from test/fixtures/data-watch/ instead of the network.
import { readFileSync } from 'node:fs';
import raw from '../../src/data/dataset.json';
import type { Dataset } from '../../src/core/dataset/schema';
import type { FetchText } from '../../scripts/data-watch/fetch';

export const fixture = (name: string) => readFileSync(`test/fixtures/data-watch/${name}`, 'utf8');
export const dataset = (): Dataset => structuredClone(raw) as Dataset;

export interface Recorded {
  /** Federal Register answer for a search URL; the recorded empty page unless a test says otherwise. */
  federalRegister?: (url: URL) => string | undefined;
  coveredList?: string;
  screeningList?: string;
}

/** A fetch that serves the recorded responses and remembers every URL it was asked for. */
export function recordedFetch(recorded: Recorded = {}): FetchText & { urls: string[] } {
  const urls: string[] = [];
  const fetchText = async (url: string) => {
    urls.push(url);
    const u = new URL(url);
    if (u.host === 'www.federalregister.gov') return recorded.federalRegister?.(u) ?? fixture('federal-register-empty.json');
    if (u.host === 'www.fcc.gov') return recorded.coveredList ?? fixture('fcc-covered-list.html');
    if (u.host === 'data.trade.gov') return recorded.screeningList ?? fixture('consolidated-screening-list.csv');
    throw new Error(`no recorded response for ${url}`);
  };
  return Object.assign(fetchText, { urls });
}
