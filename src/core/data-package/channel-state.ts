// The update channel's state as stored and shown. Light on purpose (types and one reader): the
// pages import it; the decisions, which need the validators, are in channel.ts.
import type { RefusalReason } from './accept';

/** The result of the last check, for the options page. */
export type Outcome =
  | { kind: 'accepted'; version: string }
  | { kind: 'up-to-date'; version: string } // the package is the data already in use
  | { kind: 'refused'; reason: RefusalReason; detail: string }
  | { kind: 'offline'; detail: string } // no answer: network down, DNS, TLS, timeout
  | { kind: 'http-error'; status: number } // an answer, but not the file (404, 500, …)
  | { kind: 'too-large' };

export interface ChannelState {
  /** When the last check ran (ms since the epoch), or null before the first. */
  lastCheck: number | null;
  outcome: Outcome | null;
  /** The highest version ever accepted: nothing at or below it is accepted again. */
  highestAccepted: string | null;
}

export const INITIAL_STATE: ChannelState = { lastCheck: null, outcome: null, highestAccepted: null };

/** A state read back from storage, or the initial state where it is not one (a corrupt record never stops the channel). */
export function readState(raw: unknown): ChannelState {
  if (typeof raw !== 'object' || raw === null) return INITIAL_STATE;
  const r = raw as Record<string, unknown>;
  const outcome = typeof r.outcome === 'object' && r.outcome !== null && typeof (r.outcome as { kind?: unknown }).kind === 'string' ? (r.outcome as Outcome) : null;
  return {
    lastCheck: typeof r.lastCheck === 'number' && Number.isFinite(r.lastCheck) ? r.lastCheck : null,
    outcome,
    highestAccepted: typeof r.highestAccepted === 'string' ? r.highestAccepted : null,
  };
}
