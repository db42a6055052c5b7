// The options page in a real Chromium: every setting changes what open tabs and the next page
// show, every banner action is undone from the options lists, import refuses broken files and
// changes nothing, export → reset → import round-trips, the page is axe-clean in light and dark,
// and an enterprise policy (written to Chromium's managed policy directory before launch) locks
// an enforced key, applies a default, merges the allowlist and adds an organisation vendor.
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { defaults, readSettings } from '../../src/core/settings';
import { badgeText, launch, launchWithPolicy, RESULTS, screenshot, tabIdOf, type Harness } from './harness';
import { banner } from './banner-probe';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any
declare const axe: { run(ctx?: unknown, opts?: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> };

const OPTIONS = 'src/options/index.html';

/** expect.poll with room for the service worker to wake and tabs to re-evaluate. */
const poll = <T>(fn: () => T | Promise<T>, message?: string) => expect.poll(fn, { timeout: 10_000, interval: 100, message });
const AXE = resolve('node_modules/axe-core/axe.min.js');

async function openOptions(h: Harness): Promise<Page> {
  const page = await h.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(h.url(OPTIONS));
  await page.locator('#warnings').waitFor();
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

/** Everything stored in sync and local (the user's settings live there). */
async function stored(h: Harness): Promise<{ sync: Record<string, unknown>; local: Record<string, unknown> }> {
  return h.worker.evaluate(async () => ({ sync: await chrome.storage.sync.get(null), local: await chrome.storage.local.get(null) }));
}

/** The decision log's entries for options-page changes: action, source and the settings named (key → value). */
async function settingsLog(h: Harness): Promise<{ action: string; source: string; values: Record<string, unknown> }[]> {
  const entries: { action: string; source: string; detail: string }[] = await h.worker.evaluate(async () => (await chrome.storage.local.get('decisionLogEntries')).decisionLogEntries ?? []);
  return entries
    .filter((e) => e.action.startsWith('settings-'))
    .map((e) => ({ action: e.action, source: e.source, values: Object.fromEntries(e.detail.split('; ').map((p) => [p.slice(0, p.indexOf('=')), JSON.parse(p.slice(p.indexOf('=') + 1))])) }));
}

async function clearStorage(h: Harness): Promise<void> {
  await h.worker.evaluate(async () => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
  });
  // A test that chose strict mode leaves redirect rules behind until the background has caught up
  // with the cleared settings; a vendor page opened before then lands on the warning page.
  await poll(() => h.worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length)).toBe(0);
}

async function vendorPage(h: Harness, url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/** A lasting choice for a vendor page's site or vendor, made where it lives: the popup for that tab (never the page). */
async function silence(h: Harness, page: Page, choice: 'allow' | 'hide' | 'snooze'): Promise<void> {
  const tabId = await tabIdOf(h, page);
  const popup = await h.context.newPage();
  await popup.goto(h.url(`src/popup/index.html?tab=${tabId}`));
  await popup.getByText('Stop warning me…').click();
  await popup.getByRole('button', { name: { allow: /^Always allow /, hide: /^Hide .* everywhere$/, snooze: /^Snooze / }[choice] }).click();
  await popup.locator('.silence-status', { hasText: 'Done' }).waitFor();
  await popup.close();
}

async function runAxe(page: Page): Promise<string[]> {
  // Extension pages forbid inline scripts (CSP); DevTools evaluation is not subject to it.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('options page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await clearStorage(h);
    for (const p of h.context.pages()) if (p.url() !== 'about:blank') await p.close();
  });

  it('turning warnings off removes the banner and badge from an open tab without reload, and back on restores them', async () => {
    const vendor = await vendorPage(h, 'https://www.kaspersky.com/');
    await poll(() => banner(vendor).count()).toBe(1);
    const tabId = await tabIdOf(h, vendor);
    await poll(() => badgeText(h, tabId)).toBe('!');

    const options = await openOptions(h);
    const toggle = options.getByRole('switch', { name: 'Show warnings' });
    await poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await poll(() => banner(vendor).count()).toBe(0);
    await poll(() => badgeText(h, tabId)).toBe('');
    expect((await stored(h)).sync.enabled).toBe(false);
    // The next page shows nothing either.
    const next = await vendorPage(h, 'https://www.kaspersky.com/products');
    // Once the background has answered the page (or no BanWatch script runs on it): no banner.
    expect((await banner(next).settled())?.shown ?? false).toBe(false);
    expect(await banner(next).count()).toBe(0);

    await toggle.click();
    await poll(() => banner(vendor).count()).toBe(1);
    await poll(() => badgeText(h, tabId)).toBe('!');
    expect((options as Page & { errors?: string[] }).errors).toEqual([]);
  });

  it('badge-only style shows no banner but the badge, in open tabs and on the next page', async () => {
    const vendor = await vendorPage(h, 'https://www.huawei.com/');
    await poll(() => banner(vendor).count()).toBe(1);
    const tabId = await tabIdOf(h, vendor);
    const options = await openOptions(h);
    await options.getByRole('radio', { name: /Badge only/ }).check();
    await poll(() => banner(vendor).count()).toBe(0);
    await poll(() => badgeText(h, tabId)).toBe('!');

    const next = await vendorPage(h, 'https://www.hikvision.com/');
    const nextId = await tabIdOf(h, next);
    await poll(() => badgeText(h, nextId)).toBe('!');
    expect(await banner(next).count()).toBe(0);
  });

  it('strict style replaces the next vendor page with the full-page warning', async () => {
    const options = await openOptions(h);
    await options.getByRole('radio', { name: /Full-page warning/ }).check();
    await poll(async () => (await stored(h)).sync.warningStyle).toBe('strict');
    const page = await h.context.newPage();
    await page.goto('https://www.dji.com/').catch(() => undefined); // navigation is replaced
    await poll(() => page.url()).toContain('src/warning/index.html');
  });

  it('audience and minimum severity change what open tabs show', async () => {
    // Tencent is only "listed" for a consumer (below the default "restricted" threshold) and
    // "restricted" for a federal contractor (NDAA section 805 binds only the Defense Department
    // itself until June 30, 2027).
    const tencent = await vendorPage(h, 'https://www.qq.com/');
    const huawei = await vendorPage(h, 'https://www.huawei.com/');
    await poll(() => banner(huawei).count()).toBe(1);
    expect(await banner(tencent).count()).toBe(0);

    const options = await openOptions(h);
    await options.getByRole('radio', { name: /Federal contractor/ }).check();
    await poll(() => banner(tencent).count()).toBe(1);
    expect(await banner(tencent).vendor()).toBe('tencent');

    await options.getByRole('radio', { name: /Consumer/ }).check();
    await poll(() => banner(tencent).count()).toBe(0);

    // Only prohibited: Huawei (restricted for a consumer) goes quiet, Kaspersky (prohibited) does not.
    await options.getByRole('radio', { name: /Prohibited/ }).check();
    await poll(() => banner(huawei).count()).toBe(0);
    const kaspersky = await vendorPage(h, 'https://www.kaspersky.com/');
    await poll(() => banner(kaspersky).count()).toBe(1);

    // Down to "listed": Tencent shows for a consumer too.
    await options.getByRole('radio', { name: /Listed/ }).check();
    await poll(() => banner(tencent).count()).toBe(1);
    await poll(() => banner(huawei).count()).toBe(1);
  });

  it('turning off an authority ignores its rulings', async () => {
    // SMIC is only on the Commerce Entity List.
    const options = await openOptions(h);
    await options.getByRole('radio', { name: /Listed/ }).check();
    const smic = await vendorPage(h, 'https://www.smics.com/');
    await poll(() => banner(smic).count()).toBe(1);
    await options.getByRole('checkbox', { name: /Department of Commerce/ }).uncheck();
    await poll(() => banner(smic).count()).toBe(0);
    expect(((await stored(h)).sync.authorities as Record<string, boolean>).commerce).toBe(false);
  });

  it('undoes each lasting choice from the options lists (allow the site, hide the vendor, snooze it)', async () => {
    const options = await openOptions(h);

    const cases: { action: 'allow' | 'hide' | 'snooze'; list: string; remove: string | RegExp; url: string }[] = [
      { action: 'allow', list: '#allowed-sites', remove: /Remove www\.kaspersky\.com/, url: 'https://www.kaspersky.com/' },
      { action: 'hide', list: '#hidden-vendors', remove: /Remove Kaspersky from hidden vendors/, url: 'https://www.kaspersky.com/' },
      { action: 'snooze', list: '#snoozed', remove: /Remove the snooze for Kaspersky/, url: 'https://www.kaspersky.com/' },
    ];
    for (const c of cases) {
      const vendor = await vendorPage(h, c.url);
      await poll(() => banner(vendor).count()).toBe(1);
      await silence(h, vendor, c.action);
      await poll(() => banner(vendor).count()).toBe(0);
      // The options page lists it (live, without reload) and removing it brings the banner back.
      const remove = options.locator(c.list).getByRole('button', { name: c.remove });
      await remove.waitFor();
      await remove.click();
      await poll(() => banner(vendor).count()).toBe(1);
      await poll(() => remove.count()).toBe(0);
      await vendor.close();
    }
    const s = (await stored(h)).sync;
    expect(s.allowedSites).toEqual([]);
    expect(s.hiddenVendors).toEqual([]);
    expect(s.snoozed).toEqual({});
  });

  it('loses no change when several contexts edit the lists at once (two options pages, three banners)', async () => {
    const sites = Array.from({ length: 8 }, (_, i) => `a${i + 1}.example.com`);
    await h.worker.evaluate((s: string[]) => chrome.storage.sync.set({ allowedSites: s, hiddenVendors: ['dji', 'zte', 'hytera', 'tencent'] }), sites);
    const [a, b] = [await openOptions(h), await openOptions(h)];
    await poll(() => a.locator('#allowed-sites li').count()).toBe(8);
    await poll(() => b.locator('#hidden-vendors li').count()).toBe(4);
    const vendors = await Promise.all(['https://www.kaspersky.com/', 'https://www.huawei.com/', 'https://www.hikvision.com/'].map((u) => vendorPage(h, u)));
    for (const v of vendors) await poll(() => banner(v).count()).toBe(1);

    // All at once: four removals in one task on page A, two on page B, and a banner action in each vendor tab.
    const clickAll = (page: Page, selector: string, labels: RegExp) =>
      page.evaluate(([sel, re]) => {
        for (const button of document.querySelectorAll<HTMLButtonElement>(sel)) if (new RegExp(re).test(button.getAttribute('aria-label') ?? '')) button.click();
      }, [selector, labels.source] as const);
    await Promise.all([
      clickAll(a, '#allowed-sites button', /a[1-4]\.example\.com/),
      clickAll(b, '#hidden-vendors button', /DJI|ZTE/),
      ...vendors.map((v) => silence(h, v, 'allow')),
    ]);
    const want = [...sites.slice(4), 'www.hikvision.com', 'www.huawei.com', 'www.kaspersky.com'].sort();
    await poll(async () => [...((await stored(h)).sync.allowedSites as string[])].sort()).toEqual(want);
    await poll(async () => [...((await stored(h)).sync.hiddenVendors as string[])].sort()).toEqual(['hytera', 'tencent']);
    await poll(() => a.locator('#allowed-sites li').count()).toBe(7);
  });

  it("names settings the browser's sync storage refuses, keeps them on this device, and moves them back to sync once they fit", async () => {
    const options = await openOptions(h);
    const file = (n: number) => ({
      name: `sites-${n}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'banwatch-settings', schemaVersion: 1, settings: { audience: 'business', allowedSites: Array.from({ length: n }, (_, i) => `site-${i}-${'x'.repeat(40)}.example.com`) } })),
    });
    // 300 sites are ~17 KB of JSON: over storage.sync's 8 KB per item.
    await options.locator('#import-file').setInputFiles(file(300));
    await poll(() => options.locator('#not-synced').textContent()).toContain('Sites you are not warned on');
    let s = await stored(h);
    expect((s.local.allowedSites as string[]).length).toBe(300);
    expect(s.sync.allowedSites).toBeUndefined();
    expect(s.sync.audience).toBe('business'); // the rest still syncs
    expect(await options.locator('#allowed-sites li').count()).toBe(300); // and nothing is lost
    await options.locator('#not-synced').scrollIntoViewIfNeeded();
    await screenshot(options, 'options-not-synced');

    await options.locator('#import-file').setInputFiles(file(20));
    await poll(() => options.locator('#not-synced').count()).toBe(0);
    s = await stored(h);
    expect(s.local.allowedSites).toBeUndefined();
    expect((s.sync.allowedSites as string[]).length).toBe(20);
  });

  it('refuses broken and hostile import files with named problems and changes nothing', async () => {
    const options = await openOptions(h);
    await options.getByRole('radio', { name: /Business buyer/ }).check();
    await poll(async () => (await stored(h)).sync.audience).toBe('business');
    const before = await stored(h);

    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const files: { name: string; body: string | Buffer; expect: RegExp }[] = [
      { name: 'syntax.json', body: '{\n  "format": "banwatch-settings",\n  "settings": { "enabled": tru }\n}', expect: /line 3, column 28/ },
      {
        name: 'types.json',
        body: JSON.stringify({ format: 'banwatch-settings', schemaVersion: 1, settings: { enabled: 'yes', audience: 'martian', allowedSites: ['ok.example', 42], mystery: 1 } }),
        expect: /field enabled: expected true or false/,
      },
      { name: 'big.json', body: Buffer.alloc(1024 * 1024 + 10, 0x20), expect: /larger than 1 MB/ },
      { name: 'huge.json', body: Buffer.alloc(50 * 1024 * 1024, 0x20), expect: /larger than 1 MB/ }, // refused by its size, never read
      { name: 'deep.json', body: deep, expect: /nested more than 32 levels/ },
      { name: 'proto.json', body: '{"format":"banwatch-settings","settings":{"__proto__":{"enabled":false}}}', expect: /__proto__.*not allowed/ },
      { name: 'binary.json', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), expect: /not valid JSON/ },
    ];
    // Playwright passes buffers of 50 MB or more only as files on disk; the page reads them
    // lazily, so they stay until the end.
    const dir = mkdtempSync(join(tmpdir(), 'banwatch-import-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    for (const f of files) {
      const path = join(dir, f.name);
      writeFileSync(path, f.body);
      await options.locator('#import-file').setInputFiles(path);
      const problems = options.locator('#import-errors');
      await poll(() => problems.textContent(), f.name).toMatch(f.expect);
      expect(await problems.textContent()).toContain('nothing was changed');
      if (f.name === 'types.json') {
        const text = (await problems.textContent()) ?? '';
        expect(text).toMatch(/field audience: expected one of/);
        expect(text).toMatch(/field allowedSites\[1\]: expected a lowercase host name/);
        expect(text).toMatch(/field mystery: unknown setting/);
      }
      if (f.name === 'types.json') {
        await options.locator('#backup').scrollIntoViewIfNeeded();
        await screenshot(options, 'options-import-errors');
      }
    }
    expect(await stored(h)).toEqual(before);
    expect(await options.getByRole('radio', { name: /Business buyer/ }).isChecked()).toBe(true);
  });

  it('export → reset → import restores the same settings', async () => {
    const options = await openOptions(h);
    await options.getByRole('radio', { name: /Federal contractor/ }).check();
    await options.getByRole('radio', { name: /Badge only/ }).check();
    await options.getByRole('radio', { name: /Watch/ }).check();
    // Each choice is a settings write; let them land before the next control re-renders from storage.
    await poll(async () => (await stored(h)).sync.minSeverity).toBe('watch');
    await options.getByRole('checkbox', { name: /Treasury/ }).uncheck();
    await options.getByRole('switch', { name: 'Keep a decision log' }).check();
    const vendor = await vendorPage(h, 'https://www.kaspersky.com/');
    await tabIdOf(h, vendor);
    await h.worker.evaluate(async () => {
      const { sync } = { sync: await chrome.storage.sync.get(null) };
      await chrome.storage.sync.set({ allowedSites: ['www.example.com'], hiddenVendors: ['huawei'], snoozed: { dji: 'sig1' } });
      return sync;
    });
    await poll(() => options.locator('#hidden-vendors').textContent()).toContain('Huawei');
    const before = (await stored(h)).sync;

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export settings' }).click()]);
    const file = join(RESULTS, 'options-export.json');
    mkdirSync(dirname(file), { recursive: true });
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.format).toBe('banwatch-settings');
    expect(exported.settings.audience).toBe('federal-contractor');

    await options.getByRole('button', { name: 'Reset to defaults…' }).click();
    const confirm = options.locator('#reset-confirm');
    await confirm.waitFor();
    // Focus moves into the confirm step; Cancel is the safe default.
    await poll(() => options.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await screenshot(options, 'options-reset-confirm');
    const logged = (await settingsLog(h)).length;
    await confirm.getByRole('button', { name: 'Reset settings' }).click();
    await poll(async () => Object.keys((await stored(h)).sync)).toEqual([]);
    await poll(() => options.getByRole('radio', { name: /Consumer/ }).isChecked()).toBe(true);
    expect(await options.locator('#hidden-vendors').textContent()).not.toContain('Huawei');
    // On the record once, from the options page, with every setting it changed and its value now
    // (the log itself included: the reset switched it off, while it was still on).
    const reset = { audience: 'consumer', warningStyle: 'banner', minSeverity: 'restricted', authorities: defaults.authorities, allowedSites: [], hiddenVendors: [], snoozed: {}, decisionLog: false };
    await poll(async () => (await settingsLog(h)).slice(logged)).toEqual([{ action: 'settings-reset', source: 'options', values: reset }]);
    expect(defaults).toMatchObject(reset);
    await poll(() => options.locator('#log table tbody tr').first().textContent()).toContain('Settings reset in Options');

    await options.locator('#import-file').setInputFiles(file);
    await poll(() => options.getByRole('status').textContent()).toContain('Settings imported');
    // The same effective settings (the import writes every key; unset ones held their defaults).
    const after = (await stored(h)).sync;
    expect(readSettings(after)).toEqual(readSettings(before));
    expect(after.audience).toBe('federal-contractor');
    expect(await options.getByRole('radio', { name: /Federal contractor/ }).isChecked()).toBe(true);
  });

  it('records warnings and proceed decisions in the decision log when it is on, and exports CSV', async () => {
    const options = await openOptions(h);
    await options.getByRole('switch', { name: 'Keep a decision log' }).check();
    await options.getByRole('radio', { name: /Full-page warning/ }).check();
    await poll(async () => (await stored(h)).sync.warningStyle).toBe('strict');
    const page = await h.context.newPage();
    await page.goto('https://www.dji.com/').catch(() => undefined);
    await poll(() => page.url()).toContain('src/warning/index.html');
    await page.getByRole('button', { name: 'Proceed this time' }).click();
    await poll(() => page.url()).toBe('https://www.dji.com/');
    await poll(() => options.locator('#log table tbody tr').count()).toBeGreaterThanOrEqual(2);
    const rows = await options.locator('#log table tbody').textContent();
    expect(rows).toContain('Proceeded once');
    expect(rows).toContain('Warned');
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export as CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('time,host,vendor_id,vendor,ruling,severity,action,source,detail');
    expect(csv).toContain('www.dji.com,dji,DJI');
    expect(csv).toContain('proceeded-once');
    // Local only: the log lives in storage.local, never in sync.
    const s = await stored(h);
    expect(Object.keys(s.sync)).not.toContain('decisionLogEntries');
    expect(Array.isArray(s.local.decisionLogEntries)).toBe(true);
  });

  it('turning the decision log off is on the record (its switch, an import); while it is off, nothing is', async () => {
    const options = await openOptions(h);
    const logSwitch = options.getByRole('switch', { name: 'Keep a decision log' });
    await logSwitch.check();
    await poll(async () => (await settingsLog(h)).at(-1)).toEqual({ action: 'settings-changed', source: 'options', values: { decisionLog: true } });
    let logged = (await settingsLog(h)).length;
    await logSwitch.uncheck();
    await poll(async () => (await settingsLog(h)).slice(logged)).toEqual([{ action: 'settings-changed', source: 'options', values: { decisionLog: false } }]);

    // With the log off, an import that leaves it off is not recorded; one that turns it off is.
    const file = (name: string, settings: object) => {
      const path = join(RESULTS, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify({ format: 'banwatch-settings', schemaVersion: 1, settings }));
      return path;
    };
    const imported = () => poll(() => options.getByRole('status').first().textContent()).toContain('Settings imported');
    logged = (await settingsLog(h)).length;
    await options.locator('#import-file').setInputFiles(file('options-import-log-off.json', { audience: 'business', decisionLog: false }));
    await imported();
    await poll(async () => (await stored(h)).sync.audience).toBe('business');
    await logSwitch.check();
    // The next entry is the switch's: the import before it left none.
    await poll(async () => (await settingsLog(h)).slice(logged)).toEqual([{ action: 'settings-changed', source: 'options', values: { decisionLog: true } }]);
    logged += 1;
    await options.locator('#import-file').setInputFiles(file('options-import-log-off-2.json', { audience: 'everything', decisionLog: false }));
    await poll(async () => (await stored(h)).sync.audience).toBe('everything');
    await poll(async () => (await settingsLog(h)).slice(logged)).toEqual([
      { action: 'settings-imported', source: 'import', values: { audience: 'everything', decisionLog: false } },
    ]);
    expect(await logSwitch.isChecked()).toBe(false);
    await poll(() => options.locator('#log table tbody tr').first().textContent()).toContain('imported');
    await options.locator('#log').scrollIntoViewIfNeeded();
    await screenshot(options, 'options-log-switched-off');
  });

  it('is keyboard operable and axe-clean, and looks right in light mode', async () => {
    const options = await openOptions(h);
    // Keyboard: tab to the first switch and toggle it with Space.
    await options.keyboard.press('Tab');
    for (let i = 0; i < 12; i++) {
      const role = await options.evaluate(() => document.activeElement?.getAttribute('role'));
      if (role === 'switch') break;
      await options.keyboard.press('Tab');
    }
    await options.keyboard.press('Space');
    await poll(async () => (await stored(h)).sync.enabled).toBe(false);
    await options.keyboard.press('Space');
    await poll(async () => (await stored(h)).sync.enabled).toBe(true);
    // Content in every list for the screenshot.
    await h.worker.evaluate(() => chrome.storage.sync.set({ allowedSites: ['www.kaspersky.com'], hiddenVendors: ['huawei'], snoozed: { dji: 'x' } }));
    await poll(() => options.locator('#snoozed').textContent()).toContain('DJI');
    expect(await runAxe(options)).toEqual([]);
    // About the data: reviewed through the oldest ruling verification, and which rulings are stale.
    const about = (await options.locator('#data').textContent()) ?? '';
    expect(about).toMatch(/Reviewed through\s*(30 Apr|Apr 30,) 2026/);
    expect(about).toContain('Not verified for over 180 days');
    expect(about).toContain('NDAA FY2025 section 1709');
    expect(about).toContain('2026.11.30');
    await options.setViewportSize({ width: 1280, height: 2600 });
    await options.evaluate(() => scrollTo(0, 0));
    await screenshot(options, 'options-light');
    await options.locator('#data').screenshot({ path: join(RESULTS, 'options-about-data.png') });
  });
});

describe('options page, dark mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ colorScheme: 'dark' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is axe-clean and looks right in dark mode', async () => {
    const options = await openOptions(h);
    await h.worker.evaluate(() => chrome.storage.sync.set({ allowedSites: ['www.kaspersky.com'], hiddenVendors: ['huawei'] }));
    await poll(() => options.locator('#hidden-vendors').textContent()).toContain('Huawei');
    expect(await runAxe(options)).toEqual([]);
    await options.setViewportSize({ width: 1280, height: 2600 });
    await screenshot(options, 'options-dark');
  });
});

// ---------------------------------------------------------------------------------------------
// Enterprise policy: the test launches its own browser with a policy file (launchWithPolicy).

const orgRuling = {
  id: 'acme-procurement-ban',
  shortName: 'ACME procurement ban',
  officialName: 'ACME Corp. supplier policy 12',
  agency: 'ACME Corp. Security Office',
  authority: 'commerce',
  legalAuthority: 'Internal supplier policy',
  citations: ['ACME-SEC-12'],
  phases: [{ date: '2025-01-01', change: 'No new purchases.' }],
  prohibits: 'Buying from Org Vendor Example.',
  effect: 'use-ban',
  binds: ['us-persons'],
  status: { value: 'in-force', asOf: '2026-01-01' },
  summary: 'Our organisation does not buy from this vendor.',
  forYou: { consumer: 'Do not buy.', business: 'Do not buy for the company.', federalContractor: 'Do not buy.' },
  sources: [{ url: 'https://intranet.example.com/policy/12', title: 'Supplier policy 12', publisher: 'ACME', primary: true }],
};

const policy = {
  enforced: { decisionLog: true, enabled: true },
  defaults: { audience: 'business' },
  allowedSites: ['intranet.example.com'],
  organisationVendors: {
    rulings: [orgRuling],
    vendors: [
      {
        id: 'org-vendor-example',
        name: 'Org Vendor Example',
        legalNames: ['Org Vendor Example Ltd.'],
        country: 'US',
        aliases: [],
        domains: [{ domain: 'org-vendor-example.com', evidence: 'sourced' }],
        rulings: [{ ruling: 'acme-procurement-ban' }],
      },
      { id: 'broken-vendor', name: 'Broken', legalNames: [], country: 'XX', aliases: [], domains: [{ domain: 'not a domain', evidence: 'sourced' }], rulings: [] },
    ],
  },
};

describe('enterprise policy (storage.managed)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchWithPolicy('options', policy);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the browser delivers the policy to the extension', async () => {
    await poll(() => h.worker.evaluate(() => chrome.storage.managed.get(null)))
      .toMatchObject({ enforced: { decisionLog: true }, defaults: { audience: 'business' } });
  });

  it('locks enforced keys, applies defaults the user may change, and merges the allowlist', async () => {
    const options = await openOptions(h);
    await poll(() => options.locator('#managed-title').count()).toBe(1);
    const log = options.getByRole('switch', { name: 'Keep a decision log' });
    expect(await log.isChecked()).toBe(true);
    expect(await log.isDisabled()).toBe(true);
    expect(await options.locator('#log').textContent()).toContain('Set by your organisation');
    expect(await options.getByRole('switch', { name: 'Show warnings' }).isDisabled()).toBe(true);

    // The default applies, and the user may change it.
    const business = options.getByRole('radio', { name: /Business buyer/ });
    expect(await business.isChecked()).toBe(true);
    expect(await business.isDisabled()).toBe(false);
    expect(await options.locator('#audience').textContent()).toContain("Your organisation's suggested setting");

    // The admin's site is listed, locked; a user site is added next to it, not replacing it.
    const allowed = options.locator('#allowed-sites');
    expect(await allowed.textContent()).toContain('intranet.example.com');
    expect(await allowed.textContent()).toContain('Allowed by your organisation');
    const vendor = await vendorPage(h, 'https://www.kaspersky.com/');
    await poll(() => banner(vendor).count()).toBe(1);
    await silence(h, vendor, 'allow');
    await poll(() => allowed.textContent()).toContain('www.kaspersky.com');
    expect(await allowed.textContent()).toContain('intranet.example.com');
    // Neither the enforced key nor the admin's host is written to the user's storage.
    const s = await stored(h);
    expect(s.sync.allowedSites).toEqual(['www.kaspersky.com']);
    expect(Object.keys(s.sync)).not.toContain('decisionLog');
    expect(Object.keys(s.sync)).not.toContain('enabled');

    // Enforced logging records the warning shown.
    await poll(() => options.locator('#log table tbody').textContent()).toContain('www.kaspersky.com');

    await options.getByRole('radio', { name: /Federal contractor/ }).check();
    await poll(async () => (await stored(h)).sync.audience).toBe('federal-contractor');
    // The policy's problems are listed for the administrator's eyes.
    expect(await options.locator('.policy-problems summary').textContent()).toMatch(/1 part/);
    expect(await runAxe(options)).toEqual([]);
    await options.setViewportSize({ width: 1280, height: 2000 });
    await options.evaluate(() => scrollTo(0, 0));
    await screenshot(options, 'options-policy');
  });

  it('a reset is on the record once and names no key the administrator enforces', async () => {
    // A value the user stored before the administrator enforced the key: hidden by the policy.
    await h.worker.evaluate(() => chrome.storage.sync.set({ enabled: false, audience: 'federal-contractor', allowedSites: ['www.dji.com'] }));
    const logged = (await settingsLog(h)).length;
    const options = await openOptions(h);
    await poll(() => options.getByRole('radio', { name: /Federal contractor/ }).isChecked()).toBe(true);
    await options.getByRole('button', { name: 'Reset to defaults…' }).click();
    await options.locator('#reset-confirm').getByRole('button', { name: 'Reset settings' }).click();
    await poll(() => options.getByRole('status').first().textContent()).toContain('back to their defaults');
    // The administrator's default and allowlist apply now; enabled and decisionLog are the policy's, before and after.
    await poll(async () => (await settingsLog(h)).slice(logged)).toEqual([
      { action: 'settings-reset', source: 'options', values: { audience: 'business', allowedSites: ['intranet.example.com'] } },
    ]);
    expect(await stored(h).then((s) => s.sync)).toEqual({});
    expect(await options.getByRole('radio', { name: /Business buyer/ }).isChecked()).toBe(true);
  });

  it("flags the organisation's vendor (origin 'organisation') through the background verdict", async () => {
    const options = await openOptions(h);
    const verdict = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-warning', url: 'https://www.org-vendor-example.com/' }));
    expect(verdict.shown).toBe(true);
    expect(verdict.warning.origin).toBe('organisation');
    expect(verdict.warning.vendorId).toBe('org-vendor-example');
    expect(verdict.warning.rulings[0].shortName).toBe('ACME procurement ban');
    // The invalid vendor was dropped, not the whole list.
    const broken = await options.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-warning', url: 'https://broken.example/' }));
    expect(broken?.warning ?? null).toBeNull();
    expect(await options.locator('#data').textContent()).toContain('Org Vendor Example');
  });
});
