// The policy, cache first, over injected reads (so it runs in Node with fakes; policy-store.ts
// binds it to storage.managed and IndexedDB). Until the browser's answer arrives in this context,
// `current` gives the cached copy, marked unsettled; it never waits for the browser. When the
// answer arrives after the copy was used, or a later answer differs (`reread`), the listeners run;
// the copy is updated when it differs.
import { emptyPolicy, type Policy } from '../core/policy';

export interface PolicyState {
  policy: Policy;
  /** True once it is the browser's own answer; false while it is the cached copy (or none yet). */
  settled: boolean;
}

/** How long `current` lets the browser answer before it reads the cached copy. */
const GRACE_MS = 25;
const REMEMBER_AFTER_MS = 500;

interface PolicySourceDeps {
  /** The browser's answer (storage.managed); may take seconds, or never come. */
  readManaged(): Promise<Record<string, unknown>>;
  /** The cached raw policy, or null. */
  readCache(): Promise<unknown>;
  writeCache(raw: Record<string, unknown>): Promise<void>;
  /** May be asynchronous (it may load the check of an organisation's list first). */
  parse(raw: unknown): Policy | Promise<Policy>;
  /** GRACE_MS and REMEMBER_AFTER_MS unless given (0: no grace, the cached copy is read at once). */
  graceMs?: number;
  rememberAfterMs?: number;
}

export function policySource(deps: PolicySourceDeps) {
  let settled: Policy | null = null;
  let reading: Promise<void> | null = null;
  let cachedJson: Promise<string> | null = null; // the cached copy as JSON ('' when there is none)
  let cached: Promise<Policy> | null = null;
  // What `current` last gave out: nobody needs telling about an answer no one acted against.
  let served: { json: string; settled: boolean } | null = null;
  const listeners = new Set<() => void>();

  const cacheJson = () => (cachedJson ??= deps.readCache().then((raw) => (raw ? JSON.stringify(raw) : ''), () => ''));

  /** Keeps the browser's answer for the next start (written only when it differs from the copy). */
  async function remember(raw: Record<string, unknown>): Promise<void> {
    const json = JSON.stringify(raw);
    if ((await cacheJson()) === json) return;
    cachedJson = Promise.resolve(json);
    await deps.writeCache(raw).catch(() => undefined);
  }

  /** Asks the browser (once, and again after `reread`); listeners run when it answers. */
  function ask(): Promise<void> {
    reading ??= deps.readManaged().then(async (raw) => {
      settled = await deps.parse(raw);
      const json = JSON.stringify(settled);
      // The cached copy applied only its restrictions, so even an equal answer may change things.
      if (served && (!served.settled || served.json !== json)) {
        served = { json, settled: true };
        for (const listener of listeners) listener();
      }
      // Off the critical path: whoever is waiting for the answer renders first.
      setTimeout(() => void remember(raw), deps.rememberAfterMs ?? REMEMBER_AFTER_MS);
    });
    return reading;
  }

  /** The policy to act on now: the browser's answer if there is one yet, else the cached copy. */
  async function current(): Promise<PolicyState> {
    const answered = ask();
    // The browser may answer within a few milliseconds (only just after it starts does it take
    // seconds): where a second evaluation costs (the worker), a moment's grace spares the copy's
    // read and the re-evaluation in that case. With no grace (the pages) the copy is read at once.
    const grace = deps.graceMs ?? GRACE_MS;
    if (!settled && grace > 0) await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, grace))]);
    if (!settled) {
      cached ??= cacheJson().then((json) => (json ? deps.parse(JSON.parse(json)) : emptyPolicy()));
      const policy = await Promise.race([cached, answered.then(() => settled!)]);
      if (!settled) {
        served = { json: JSON.stringify(policy), settled: false };
        return { policy, settled: false };
      }
    }
    served = { json: JSON.stringify(settled), settled: true };
    return { policy: settled, settled: true };
  }

  /** Runs `listener` whenever the policy to act on may have changed; returns the unsubscribe. */
  function onChange(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** The administrator changed the policy: ask the browser again (the last answer holds meanwhile). */
  function reread(): void {
    reading = null;
    void ask();
  }

  return { current, onChange, reread };
}
