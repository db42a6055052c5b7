// The update channel's state machine, pure: when to ask (at most once a day), and what one answer
// makes of the state. The background (background/update-channel.ts) does the fetching, storing
// and scheduling; everything it decides is decided here.
import type { Dataset } from '../dataset/schema';
import { checkUpdate, openPackage, type UpdateContext } from './accept';
import type { ChannelState, Outcome } from './channel-state';
import { compareVersions } from './version';

export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** A package is about 100 KB; anything far larger is not one, and is not read. */
export const MAX_PACKAGE_BYTES = 5 * 1024 * 1024;

/** When the next scheduled check is due (never, with the channel off). A clock set back does not postpone it. */
export function nextCheckAt(state: ChannelState, enabled: boolean, now: number): number | null {
  if (!enabled) return null;
  if (state.lastCheck === null || state.lastCheck > now) return now;
  return state.lastCheck + CHECK_INTERVAL_MS;
}

/** Whether a scheduled check (an alarm, the channel turned on, the worker starting) may ask now. */
export function isDue(state: ChannelState, enabled: boolean, now: number): boolean {
  const at = nextCheckAt(state, enabled, now);
  return at !== null && at <= now;
}

/** What the fetch produced. */
export type Fetched = { kind: 'body'; text: string } | { kind: 'offline'; detail: string } | { kind: 'http-error'; status: number } | { kind: 'too-large' };

type Inputs = Omit<UpdateContext, 'highestAccepted'>;

/** The state after one check at `now`, and the dataset to store and use when a package was accepted. */
export async function afterCheck(state: ChannelState, fetched: Fetched, ctx: Inputs, now: number): Promise<{ state: ChannelState; accepted?: Dataset }> {
  const next = (outcome: Outcome, highestAccepted = state.highestAccepted): ChannelState => ({ lastCheck: now, outcome, highestAccepted });
  if (fetched.kind !== 'body') return { state: next(fetched) };

  // The data already in use, served again (the usual daily answer): not a refusal.
  const opened = await openPackage(fetched.text, ctx.trustedKeys);
  if (opened.ok && opened.manifest.version === ctx.active.meta.version) return { state: next({ kind: 'up-to-date', version: opened.manifest.version }) };

  const r = await checkUpdate(fetched.text, { ...ctx, highestAccepted: state.highestAccepted ?? undefined });
  if (!r.ok) return { state: next({ kind: 'refused', reason: r.reason, detail: r.detail }) };
  const version = r.manifest.version;
  const highest = state.highestAccepted !== null && compareVersions(state.highestAccepted, version) > 0 ? state.highestAccepted : version;
  return { state: next({ kind: 'accepted', version }, highest), accepted: r.dataset };
}
