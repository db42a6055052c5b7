// Corrupt storage in a real browser: garbage written to every settings key in
// storage.sync and storage.local (wrong types, 1 MB strings, cyclic-looking JSON text, arrays
// where objects belong, unknown keys, __proto__ / constructor keys). The background still
// answers, the banner still appears on https://www.kaspersky.com/ with default behaviour, the
// popup, options and onboarding pages render without page errors, and valid keys stored next to
// the garbage are kept. The per-key rules themselves are unit-tested (storage-corrupt.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { banner } from './banner-probe';
import { LEGACY_KEYS } from '../../src/core/settings';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

let h: Harness;

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

async function extPage(path = 'src/onboarding/index.html'): Promise<Page> {
  const p = await h.context.newPage();
  await p.goto(h.url(path));
  return p;
}

/** Garbage for every key, and for the legacy (v0) keys too. Runs in an extension page. */
async function writeGarbage(p: Page, keepValid: boolean): Promise<void> {
  await p.evaluate(async (keep) => {
    const MB = 'x'.repeat(1 << 20);
    const cyclic = '{"a":{"$ref":"$"},"b":{"$ref":"$.a"}}';
    const garbage = {
      schemaVersion: 'one',
      enabled: 'yes',
      warningStyle: cyclic,
      audience: ['consumer'],
      minSeverity: { severity: 'watch' },
      authorities: [true, false, true],
      allowedSites: { 'www.kaspersky.com': true },
      hiddenVendors: 'kaspersky',
      snoozed: JSON.parse('{"__proto__":"sig","constructor":"sig","kaspersky":42}'),
      shoppingSites: 1,
      searchResults: null,
      decisionLog: 'true',
      // legacy keys with garbage too
      on: 'off',
      mode: 7,
      whitelist: 'www.kaspersky.com',
      snoozes: { vendor: 'kaspersky' },
      // unknown keys
      unknownKey: MB,
      __proto__polluted: { __proto__: { polluted: true } },
      constructor: { prototype: { polluted: true } },
    };
    // sync has a per-item quota: the 1 MB values go to local, where every key is garbage too.
    const syncSafe = Object.fromEntries(Object.entries(garbage).filter(([k]) => k !== 'unknownKey'));
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
    await chrome.storage.sync.set(syncSafe);
    await chrome.storage.local.set({ ...garbage, audience: MB, allowedSites: [MB, 3, null] });
    if (keep) {
      // Valid values next to the garbage (local wins over sync on read): they must be kept.
      await chrome.storage.local.set({ warningStyle: 'banner', hiddenVendors: ['huawei'], allowedSites: ['example.org', MB] });
    }
  }, keepValid);
  // Each write wakes the background, whose first read of the settings migrates the legacy keys
  // (under the settings lock every context shares). A read through the background waits for a
  // migration under way, or makes it: after its answer no legacy key is left and the background
  // writes no more, so nothing it does races the test's next reads and writes.
  await p.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-warning', url: 'https://example.org/' }));
  expect(await p.evaluate(async (legacy) => {
    const [sync, local] = await Promise.all([chrome.storage.sync.get(legacy), chrome.storage.local.get(legacy)]);
    return [...Object.keys(sync), ...Object.keys(local)];
  }, [...LEGACY_KEYS])).toEqual([]);
}

/**
 * Each page's content once it has read what it shows (the corrupt settings and the data): errors
 * in that work are thrown by then. Onboarding reads the host permissions, not the settings.
 */
const RENDERED: Record<string, string> = {
  'src/popup/index.html': '#vendor-title',
  'src/options/index.html': '#updates',
  'src/details/index.html?vendor=kaspersky': '.dataset',
  'src/onboarding/index.html': '.status.ok',
};

describe('corrupt storage', () => {
  it('the background still answers, and the banner appears on www.kaspersky.com with default behaviour', async () => {
    const p = await extPage();
    await writeGarbage(p, false);
    const reply = await p.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-warning', url: 'https://www.kaspersky.com/' }));
    expect(reply?.host).toBe('www.kaspersky.com');
    expect(reply?.warning?.vendorId).toBe('kaspersky');
    expect(reply?.shown).toBe(true);
    await p.close();

    const page = await h.context.newPage();
    await page.goto('https://www.kaspersky.com/');
    await banner(page).shown();
    expect(await banner(page).vendor()).toBe('kaspersky');
    await expect.poll(() => banner(page).probe().then((b) => b?.texts[1]), { timeout: 5000 }).toBe('Kaspersky');
    // Default behaviour: a banner (not the strict-mode page), at the consumer defaults.
    expect(page.url()).toBe('https://www.kaspersky.com/');
    await page.close();
  });

  it('the popup, options and onboarding pages render without page errors', async () => {
    for (const [path, rendered] of Object.entries(RENDERED)) {
      const page = await h.context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(h.url(path));
      await page.locator(rendered).waitFor({ timeout: 10_000 });
      await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });

  it('valid keys stored next to garbage are kept (and their valid items), the rest fall back', async () => {
    const p = await extPage();
    await writeGarbage(p, true);
    const huawei = await p.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-warning', url: 'https://www.huawei.com/' }));
    expect(huawei?.warning?.vendorId).toBe('huawei');
    expect(huawei?.shown).toBe(false); // hiddenVendors: ['huawei'] was kept
    const example = await p.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-warning', url: 'https://example.org/' }));
    expect(example?.warning ?? null).toBeNull();
    const kaspersky = await p.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-warning', url: 'https://www.kaspersky.com/' }));
    expect(kaspersky?.shown).toBe(true); // garbage elsewhere did not turn warnings off
    await p.close();

    const page = await h.context.newPage();
    await page.goto('https://www.huawei.com/');
    expect((await banner(page).settled())?.shown ?? false).toBe(false); // hidden: the background answered, no banner
    expect(await banner(page).count()).toBe(0);
    await page.goto('https://www.kaspersky.com/');
    await banner(page).shown();
    await page.close();

    const clean = await extPage();
    await clean.evaluate(async () => {
      await chrome.storage.sync.clear();
      await chrome.storage.local.clear();
    });
    expect(await clean.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
    await clean.close();
  });
});
