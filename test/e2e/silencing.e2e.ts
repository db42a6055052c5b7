// Lasting silencing (always allow a site, hide a vendor, snooze it) lives only in BanWatch's own
// pages, and every path that takes a warning away leaves exactly one decision-log entry naming its
// source: the popup, the details page, the warning page, an options edit, a settings import. A
// key the administrator enforces disables the control, and the background refuses it (ok: false,
// nothing saved, nothing logged, however often it is retried).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, launchWithPolicy, screenshot, tabIdOf, type Harness } from './harness';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });

interface Entry {
  action: string;
  source: string;
  host: string;
  vendorId: string;
  detail: string;
}
const log = (h: Harness): Promise<Entry[]> => h.worker.evaluate(async () => (await chrome.storage.local.get('decisionLogEntries')).decisionLogEntries ?? []);
/** The log's entries other than "warned". */
const decisions = async (h: Harness) => (await log(h)).filter((e) => e.action !== 'warned').map((e) => `${e.action} ${e.source} ${e.host || e.vendorId || e.detail}`);

async function popupFor(h: Harness, url: string): Promise<{ vendor: Page; popup: Page }> {
  const vendor = await h.context.newPage();
  await vendor.goto(url);
  const tabId = await tabIdOf(h, vendor);
  const popup = await h.context.newPage();
  await popup.setViewportSize({ width: 400, height: 760 });
  await popup.goto(h.url(`src/popup/index.html?tab=${tabId}`));
  await popup.getByText('Stop warning me…').click();
  return { vendor, popup };
}

describe('silencing, on the record', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await h.worker.evaluate(() => chrome.storage.sync.set({ decisionLog: true }));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the popup: "Always allow" saves the site once and logs it once, however often it is clicked', async () => {
    const { vendor, popup } = await popupFor(h, 'https://www.huawei.com/');
    await popup.locator('.silence').scrollIntoViewIfNeeded();
    await screenshot(popup, 'popup-silence-controls');
    const allow = popup.getByRole('button', { name: 'Always allow www.huawei.com' });
    await allow.click();
    await poll(() => popup.locator('.silence-status').textContent()).toBe('Done: no more warnings on www.huawei.com.');
    // Asked again (what each further click sends): the replies say when the background is done.
    const again = await popup.evaluate(() =>
      Promise.all([1, 2].map(() => chrome.runtime.sendMessage({ type: 'ui-bg-silence', action: 'allow-site', vendorId: 'huawei', host: 'www.huawei.com' }))),
    );
    expect(again).toEqual([{ ok: true }, { ok: true }]);
    expect(await h.worker.evaluate(async () => (await chrome.storage.sync.get('allowedSites')).allowedSites)).toEqual(['www.huawei.com']);
    expect(await decisions(h)).toEqual(['allowed-site popup www.huawei.com']);
    await Promise.all([vendor.close(), popup.close()]);
  });

  it('the details page: "Hide everywhere" logs one entry from the details page', async () => {
    const details = await h.context.newPage();
    await details.goto(h.url('src/details/index.html?vendor=hikvision'));
    await details.getByText('Stop warning me…').click();
    await details.getByRole('button', { name: /^Hide Hikvision everywhere$/ }).click();
    await poll(() => details.locator('.silence-status').textContent()).toBe('Done: Hikvision is hidden everywhere.');
    await poll(() => decisions(h)).toEqual(['allowed-site popup www.huawei.com', 'hid-vendor details hikvision']);
    await details.close();
  });

  it('the warning page: "Always allow" logs one proceeded-always entry', async () => {
    await h.worker.evaluate(() => chrome.storage.sync.set({ warningStyle: 'strict' }));
    await poll(() => h.worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length)).toBeGreaterThan(0);
    const p = await h.context.newPage();
    await p.goto('https://www.dji.com/').catch(() => undefined);
    await p.getByRole('button', { name: 'Always allow www.dji.com' }).click();
    await poll(() => p.url()).toBe('https://www.dji.com/');
    await poll(async () => (await decisions(h)).at(-1)).toBe('proceeded-always warning www.dji.com');
    expect((await decisions(h)).length).toBe(3);
    await h.worker.evaluate(() => chrome.storage.sync.set({ warningStyle: 'banner' }));
    await p.close();
  });

  it('an options edit and a settings import leave one entry each, with what they set', async () => {
    const options = await h.context.newPage();
    await options.goto(h.url('src/options/index.html'));
    await options.getByRole('radio', { name: /^Prohibited/ }).check();
    await poll(async () => (await decisions(h)).at(-1)).toBe('settings-changed options minSeverity="prohibited"');
    const dir = mkdtempSync(join(tmpdir(), 'banwatch-import-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ hiddenVendors: ['zte'] }));
    await options.locator('#import-file').setInputFiles(file);
    await poll(() => options.getByRole('status').first().textContent()).toContain('imported');
    await poll(async () => (await decisions(h)).at(-1)).toMatch(/^settings-imported import .*hiddenVendors=\["zte"\]/);
    expect((await decisions(h)).length).toBe(5);
    // The log's table names the source.
    await poll(() => options.locator('#log table tbody').textContent()).toContain('Settings imported from a file');
    rmSync(dir, { recursive: true, force: true });
    await options.close();
  });
});

// An administrator enforces the allowlist: "Always allow" is disabled in the popup and refused by
// the background. Chromium reads the policy file at startup (root can write it here; the e2e lock
// keeps it from other engineers' browsers).
describe('silencing with an enforced allowlist', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchWithPolicy('silencing', { enforced: { allowedSites: [], decisionLog: true } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the control is disabled, and a forced message is refused without a log entry, however often', async () => {
    await poll(() => h.worker.evaluate(() => chrome.storage.managed.get(null))).toMatchObject({ enforced: { decisionLog: true } });
    const { vendor, popup } = await popupFor(h, 'https://www.kaspersky.com/');
    await poll(() => popup.getByRole('button', { name: 'Always allow www.kaspersky.com' }).isDisabled()).toBe(true);
    expect(await popup.locator('.silence').textContent()).toContain('Set by your organisation');
    // Positive control: the other choices are live.
    expect(await popup.getByRole('button', { name: /^Hide Kaspersky everywhere$/ }).isDisabled()).toBe(false);
    for (let i = 0; i < 3; i++) {
      expect(await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-silence', action: 'allow-site', vendorId: 'kaspersky', host: 'www.kaspersky.com' }))).toEqual({ ok: false });
    }
    // The warning page's "Always allow" too: not offered, and refused if forced.
    await h.worker.evaluate(() => chrome.storage.sync.set({ warningStyle: 'strict' }));
    await poll(() => h.worker.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).length)).toBeGreaterThan(0);
    const w = await h.context.newPage();
    await w.goto('https://www.kaspersky.com/?s=enforced').catch(() => undefined);
    await w.getByRole('button', { name: 'Proceed this time' }).waitFor();
    expect(await w.getByRole('button', { name: /^Always allow/ }).count()).toBe(0);
    expect(await w.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-proceed', url: 'https://www.kaspersky.com/?s=enforced', remember: true }))).toEqual({ ok: false });
    expect(await h.worker.evaluate(async () => (await chrome.storage.sync.get('allowedSites')).allowedSites ?? [])).toEqual([]);
    expect((await decisions(h)).filter((d) => !d.startsWith('policy') && !d.startsWith('settings'))).toEqual([]);
    await Promise.all([vendor.close(), popup.close(), w.close()]);
  });
});
