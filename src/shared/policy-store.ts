// The administrator's policy from storage.managed (Chrome: the 3rdparty.extensions.<id> policy;
// Firefox: 3rdparty.Extensions in policies.json), cache first. Parsing and the merge rules live
// in core/policy.ts.
//
// Nothing waits for storage.managed: Chromium answers the first read of a browser session only
// after ~2 s, and sometimes not for 15 s or more. Until the browser's answer arrives in this
// context, `currentPolicy` gives the last policy read (kept in the extension's IndexedDB, which
// content scripts cannot write), marked unsettled so that it is used only to add restrictions
// (core/policy.ts applyCachedPolicy). When the answer arrives, or the policy later changes,
// `onPolicyChange` listeners run and re-render or re-evaluate.
import { z } from 'zod';
import browser from './browser';
import { emptyPolicy, parsePolicy, type Policy } from '../core/policy';
import { dataset } from '../core/dataset';
import { readCachedPolicy, writeCachedPolicy } from './policy-cache';

// MV3 pages and workers forbid eval; zod must not try to compile its parsers.
z.config({ jitless: true });

const BUNDLED_RULING_IDS = dataset.rulings.map((r) => r.id);

interface PolicyState {
  policy: Policy;
  /** True once it is the browser's own answer; false while it is the cached copy (or none yet). */
  settled: boolean;
}

// A test build (vite --mode test-withhold-managed, used by the e2e suite) can hold storage.managed's
// answer back forever; in every other build this condition is false at build time and removed.
const WITHHELD = import.meta.env.MODE === 'test-withhold-managed';

async function readManaged(): Promise<Record<string, unknown>> {
  if (WITHHELD) return new Promise(() => console.info('banwatch test build: storage.managed withheld'));
  try {
    return ((await browser.storage.managed.get(null)) as Record<string, unknown>) ?? {};
  } catch {
    return {}; // Firefox throws when no policy is set; some browsers lack managed storage
  }
}

const parse = (raw: unknown): Policy => parsePolicy(raw, BUNDLED_RULING_IDS);

let settled: Policy | null = null;
let reading: Promise<void> | null = null;
let cached: Promise<Policy> | null = null;
const listeners = new Set<() => void>();

/** Asks the browser (once per context, and again after a change); listeners run when it answers. */
function readSettled(): void {
  reading ??= readManaged().then((raw) => {
    settled = parse(raw);
    void writeCachedPolicy(raw).catch(() => undefined);
    for (const listener of listeners) listener();
  });
}

/** The policy to act on now: the browser's answer if this context has it, else the cached copy (never waits for the browser). */
export async function currentPolicy(): Promise<PolicyState> {
  readSettled();
  if (settled) return { policy: settled, settled: true };
  cached ??= readCachedPolicy().then((raw) => (raw ? parse(raw) : emptyPolicy()), emptyPolicy);
  const policy = await cached;
  return settled ? { policy: settled, settled: true } : { policy, settled: false };
}

/** Runs `listener` whenever the policy this context acts on may have changed; returns the unsubscribe. */
export function onPolicyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// The administrator changed the policy while the browser runs: ask again.
browser.storage.onChanged.addListener((_changes, area) => {
  if (area !== 'managed') return;
  reading = null;
  readSettled();
});
