// Enterprise policy from storage.managed (Chrome: the 3rdparty.extensions.<id> policy; Firefox:
// 3rdparty.Extensions in policies.json). Read-only: the extension never writes it. Parsing and
// the merge rules live in core/policy.ts; this side reads storage and caches the parse.
import { z } from 'zod';
import browser from './browser';
import { parsePolicy, type Policy } from '../core/policy';
import { dataset } from '../core/dataset';
import type { OrgList, Vendor } from '../core/dataset/schema';

// MV3 pages and workers forbid eval; zod must not try to compile its parsers.
z.config({ jitless: true });

const BUNDLED_RULING_IDS = dataset.rulings.map((r) => r.id);

let cache: { key: string; policy: Policy } | null = null;

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return ((await browser.storage.managed.get(null)) as Record<string, unknown>) ?? {};
  } catch {
    return {}; // Firefox throws when no policy is set; some browsers lack managed storage
  }
}

// Chromium answers the first storage.managed read of a browser session only after ~2 s (seen
// here: 1.8 s, then ~2 ms). So the last policy read is kept in storage.local and used when the
// real one is slow; when the real one arrives and differs, the copy is updated, and that change
// makes every context re-evaluate (they listen to storage.onChanged).
export const POLICY_COPY_KEY = 'managedPolicyCopy';
const SLOW_MS = 300;

async function rememberManaged(raw: Record<string, unknown>): Promise<void> {
  try {
    const { [POLICY_COPY_KEY]: copy } = await browser.storage.local.get(POLICY_COPY_KEY);
    if (JSON.stringify(copy) !== JSON.stringify(raw)) await browser.storage.local.set({ [POLICY_COPY_KEY]: raw });
  } catch {
    /* no storage: the next read asks storage.managed again */
  }
}

/** The raw managed record ({} when there is none, or when the browser has no managed storage). */
export async function loadManagedRaw(): Promise<Record<string, unknown>> {
  const fresh = readManaged().then(async (raw) => {
    await rememberManaged(raw);
    return raw;
  });
  const slow = new Promise<'slow'>((resolve) => setTimeout(() => resolve('slow'), SLOW_MS));
  const first = await Promise.race([fresh, slow]);
  if (first !== 'slow') return first;
  const copy = await browser.storage.local.get(POLICY_COPY_KEY).then((r) => r[POLICY_COPY_KEY], () => undefined);
  // No copy yet (the very first run): wait for the real policy rather than guess.
  return typeof copy === 'object' && copy !== null && !Array.isArray(copy) ? (copy as Record<string, unknown>) : fresh;
}

/** The administrator's policy, validated; invalid parts are dropped and listed in `problems`. */
export async function loadPolicy(): Promise<Policy> {
  const raw = await loadManagedRaw();
  let key: string;
  try {
    key = JSON.stringify(raw);
  } catch {
    key = String(Math.random());
  }
  if (cache?.key !== key) cache = { key, policy: parsePolicy(raw, BUNDLED_RULING_IDS) };
  return structuredClone(cache.policy);
}

/** The organisation's own list (vendors and any rulings of its own), validated vendor by vendor. */
export async function loadOrgList(): Promise<Required<OrgList>> {
  const p = await loadPolicy();
  return { rulings: p.organisationRulings, vendors: p.organisationVendors };
}

export async function loadOrgVendors(): Promise<Vendor[]> {
  return (await loadPolicy()).organisationVendors;
}
