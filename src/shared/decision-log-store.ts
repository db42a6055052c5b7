// The decision log in storage.local (never synced, never sent anywhere). Written only by the
// background, one append at a time; recorded only while the decisionLog setting is on.
import browser from './browser';
import { appendEntry, readLog, type LogEntry } from '../core/decision-log';

export const LOG_KEY = 'decisionLogEntries';

let queue: Promise<unknown> = Promise.resolve();

export async function readDecisionLog(): Promise<LogEntry[]> {
  const got = await browser.storage.local.get(LOG_KEY);
  return readLog(got[LOG_KEY]);
}

/** Appends an entry when logging is on (`on`: the decisionLog setting the caller read). Never throws. */
export function recordDecision(entry: Omit<LogEntry, 'time'>, on: boolean): Promise<void> {
  if (!on) return Promise.resolve();
  const run = async () => {
    const next = appendEntry(await readDecisionLog(), { ...entry, time: new Date().toISOString() });
    if (next) await browser.storage.local.set({ [LOG_KEY]: next });
  };
  const p = queue.then(run).catch(() => undefined);
  queue = p;
  return p;
}

export async function clearDecisionLog(): Promise<void> {
  await browser.storage.local.remove(LOG_KEY);
}
