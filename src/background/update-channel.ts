// The opt-in update channel (off by default): at most once a day (an alarm), one HTTPS GET for a
// static file, with no cookies, no referrer and nothing about the user; the package is accepted
// only by the rules in core/data-package (signature, newer than anything accepted before, valid,
// drops nothing undeclared). The state and the accepted data live in IndexedDB (shared/data-store.ts),
// where content scripts cannot write. The decisions are in core/data-package/channel.ts.
import browser from '../shared/browser';
import { afterCheck, isDue, MAX_PACKAGE_BYTES, nextCheckAt, type Fetched } from '../core/data-package/channel';
import type { ChannelState } from '../core/data-package/channel-state';
import type { TrustedKey } from '../core/data-package/format';
import { TRUSTED_KEYS } from '../core/data-package/trusted-keys';
import { DEFAULT_UPDATE_URL } from '../core/settings';
import { activeDataset, bundledDataset } from '../shared/context';
import { CHECKED_KEY, CHECKING_KEY, readChannelState, saveCheck } from '../shared/data-store';
import { loadSettings } from '../shared/settings-store';
import { refreshTabs } from './vendor-page';

const ALARM = 'data-update';

// The e2e build (vite --mode test-update-channel) also trusts a key made for that test run; in
// every other build this condition is false at build time and the test key list is not there.
declare const __BANWATCH_TEST_KEYS__: readonly TrustedKey[];
const KEYS = import.meta.env.MODE === 'test-update-channel' ? [...TRUSTED_KEYS, ...__BANWATCH_TEST_KEYS__] : TRUSTED_KEYS;

/** Ed25519 in WebCrypto: Chrome 137+, Firefox 129+. Without it no package can be checked, so none is fetched. */
async function supportsEd25519(): Promise<boolean> {
  try {
    await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
    return true;
  } catch {
    return false;
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function download(url: string): Promise<Fetched> {
  try {
    // cache: 'no-cache' revalidates through the HTTP cache (the server answers 304 when unchanged).
    const res = await fetch(url, { cache: 'no-cache', credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'error', signal: AbortSignal.timeout(30_000) });
    if (!res.ok) return { kind: 'http-error', status: res.status };
    if (Number(res.headers.get('content-length')) > MAX_PACKAGE_BYTES) return { kind: 'too-large' };
    const text = await res.text();
    return text.length > MAX_PACKAGE_BYTES ? { kind: 'too-large' } : { kind: 'body', text };
  } catch (e) {
    return { kind: 'offline', detail: message(e) };
  }
}

async function schedule(state: ChannelState, enabled: boolean): Promise<void> {
  const at = nextCheckAt(state, enabled, Date.now());
  if (at === null) await browser.alarms.clear(ALARM);
  else await browser.alarms.create(ALARM, { when: Math.max(at, Date.now() + 60_000) });
}

async function run(force: boolean): Promise<ChannelState> {
  const [{ settings }, state] = await Promise.all([loadSettings(), readChannelState()]);
  const now = Date.now();
  if (!settings.updateChannel || (!force && !isDue(state, true, now))) {
    await schedule(state, settings.updateChannel);
    return state;
  }
  let next: ChannelState;
  let accepted;
  if (await supportsEd25519()) {
    const ctx = { trustedKeys: KEYS, bundled: await bundledDataset(), active: await activeDataset(true) };
    ({ state: next, accepted } = await afterCheck(state, await download(settings.updateUrl || DEFAULT_UPDATE_URL), ctx, now));
  } else {
    next = { ...state, lastCheck: now, outcome: { kind: 'refused', reason: 'no-ed25519', detail: 'This browser cannot check Ed25519 signatures.' } };
  }
  await saveCheck(next, accepted);
  await browser.storage.session.set({ [CHECKED_KEY]: now });
  await schedule(next, true);
  if (accepted) void refreshTabs().catch(() => undefined);
  return next;
}

let running: Promise<ChannelState> | null = null;

/** Checks when due (or now, with `force`: the options page's "Check now", a new mirror); one check at a time. */
export function checkForUpdate(force = false): Promise<ChannelState> {
  return (running ??= marked(force));
}

/** A check, marked in storage.session while it runs. */
async function marked(force: boolean): Promise<ChannelState> {
  await browser.storage.session.set({ [CHECKING_KEY]: true });
  try {
    return await run(force);
  } finally {
    running = null;
    await browser.storage.session.remove(CHECKING_KEY);
  }
}

/** Registered synchronously from background/index.ts: the alarm, and a check when the browser starts. */
export function watchUpdates(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void checkForUpdate().catch(() => undefined);
  });
  // Alarms may not survive a browser restart: check (or schedule) at start and after an update.
  const sync = () => void checkForUpdate().catch(() => undefined);
  browser.runtime.onStartup.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);
}
