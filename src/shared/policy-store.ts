// The administrator's policy from storage.managed (Chrome: the 3rdparty.extensions.<id> policy;
// Firefox: 3rdparty.Extensions in policies.json), cache first (policy-source.ts). Parsing and
// the merge rules live in core/policy.ts.
//
// Nothing waits for storage.managed: Chromium answers the first read of a browser session only
// after ~2 s, and sometimes not for 15 s or more. Until the browser's answer arrives in this
// context, the last policy read (kept in the extension's IndexedDB, which content scripts cannot
// write) is used, only to add restrictions (core/policy.ts applyCachedPolicy).
import browser from './browser';
import { hasOrgList, parsePolicy } from '../core/policy';
import type { OrgListCheck } from './org-list-check';
import { readCachedPolicy, writeCachedPolicy } from './policy-cache';
import { policySource } from './policy-source';

// The check of an organisation's list is needed only for a policy that has one: the pages load it
// then (a separate chunk). A service worker may not import() at all, so the background hands it
// over at start (provideOrgListCheck in background/index.ts).
let check: OrgListCheck | undefined;
export function provideOrgListCheck(c: OrgListCheck): void {
  check = c;
}
const orgListCheck = async (): Promise<OrgListCheck> => (check ??= (await import('./org-list-check')).orgListCheck);

// A test build (vite --mode test-withhold-managed, used by the e2e suite) holds storage.managed's
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

// A page (popup, details, options) renders from the cached copy at once and again when the
// answer comes (a cheap re-render); it gives the browser no grace, which would be a wait for
// storage.managed on every page's critical path. The worker keeps the grace (policy-source.ts).
const IN_PAGE = typeof document !== 'undefined';

const source = policySource({
  graceMs: IN_PAGE ? 0 : undefined,
  readManaged,
  readCache: readCachedPolicy,
  writeCache: writeCachedPolicy,
  parse: async (raw) => {
    if (!hasOrgList(raw)) return parsePolicy(raw);
    const { bundledRulingIds, validate } = await orgListCheck();
    return parsePolicy(raw, bundledRulingIds, validate);
  },
});

/** The policy to act on now (never waits for the browser), and whether it is the browser's answer. */
export const currentPolicy = source.current;
/** Runs a listener when the browser's answer arrives in this context or the policy changes; returns the unsubscribe. */
export const onPolicyChange = source.onChange;

// The administrator changed the policy while the browser runs: ask again.
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') source.reread();
});
